import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, verifyPassword } from 'src/modules/users/password.js';

describe('password policy', () => {
  it.each([
    ['', 'too_short'],
    ['Abc12345678', 'too_short'],
    ['aaaaaaaaaaaaaaaa', 'one_class'],
    ['123456789012', 'one_class'],
    ['รหัสผ่านภาษาไทยยาว', 'one_class'],
    ['x'.repeat(257) + '1', 'too_long'],
    ['somchai-is-me-2569', 'contains_username'],
  ])('refuses %j (%s)', (password, problem) => {
    expect(checkPassword(password, 'somchai')).toBe(problem);
  });

  it.each(['saraban-demo-2569', 'correcthorsebattery9', 'รหัสผ่าน2569ยาวพอ', 'Abcdefghijkl'])(
    'accepts %j',
    (password) => {
      expect(checkPassword(password, 'somchai')).toBeNull();
    },
  );

  it('hashes with argon2id at OWASP parameters and verifies', async () => {
    const phc = await hashPassword('saraban-demo-2569');
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(phc, 'saraban-demo-2569')).toBe(true);
    expect(await verifyPassword(phc, 'saraban-demo-2568')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
