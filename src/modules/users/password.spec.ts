import { describe, expect, it } from 'vitest';
import {
  ARGON2_OPTIONS,
  checkPassword,
  hashPassword,
  verifyPassword,
} from 'src/modules/users/password.js';

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

  const ZW = '\u200b';
  it.each([
    ['twelve zero-width spaces and a1', ZW.repeat(12) + 'a1'],
    ['a zero-width joiner', 'correct\u200dhorse-2569'],
    ['a zero-width non-joiner', 'correct\u200chorse-2569'],
    ['a byte-order mark', '\ufeffcorrecthorse-2569'],
    ['a soft hyphen', 'correct\u00adhorse-2569'],
    ['a right-to-left mark', 'correct\u200fhorse-2569'],
    ['a tab', 'correct\thorse-2569'],
    ['a line feed', 'correct\nhorse-2569'],
    ['a DEL', 'correct\u007fhorse-2569'],
    ['a C1 control', 'correct\u0085horse-2569'],
    ['a line separator', 'correct\u2028horse-2569'],
    ['a private-use character', 'correct\ue000horse-2569'],
    ['a lone surrogate', 'correct\ud800horse-2569'],
  ])('refuses a password with %s', (_name, password) => {
    expect(checkPassword(password, 'somchai')).toBe('invisible_character');
  });

  it('checks the NFKC form: full-width letters count as the Latin ones they are', () => {
    // Twelve full-width lower-case letters are twelve Latin lower-case letters: one class.
    expect(checkPassword('ａｂｃｄｅｆｇｈｉｊｋｌ', 'somchai')).toBe('one_class');
    // Full-width digits make a second class once normalised.
    expect(checkPassword('ａｂｃｄｅｆｇｈｉｊ１２', 'somchai')).toBeNull();
    // The username hidden in full-width letters is still the username.
    expect(checkPassword('ｓｏｍｃｈａｉ-2569-long', 'somchai')).toBe('contains_username');
  });

  it('verifies the same password typed in another Unicode form', async () => {
    // Thai sara am as one code point (U+0E33) and as nikhahit + sara aa (NFKC folds it).
    const composed = 'น้ำใจงาม-2569';
    const decomposed = composed.replace('\u0e33', '\u0e4d\u0e32');
    expect(decomposed).not.toBe(composed);
    const phc = await hashPassword(composed);
    expect(await verifyPassword(phc, decomposed)).toBe(true);
    const fullWidth = await hashPassword('Correcthorse2569');
    expect(await verifyPassword(fullWidth, 'Ｃｏｒｒｅｃｔｈｏｒｓｅ２５６９')).toBe(true);
  });

  it('still verifies a hash made from a password before it was normalised', async () => {
    const { hash } = await import('@node-rs/argon2');
    const typed = 'Ｃｏｒｒｅｃｔｈｏｒｓｅ２５６９';
    const legacy = await hash(typed, ARGON2_OPTIONS);
    expect(await verifyPassword(legacy, typed)).toBe(true);
    expect(await verifyPassword(legacy, 'Correcthorse2568')).toBe(false);
  });

  it('hashes with argon2id at OWASP parameters and verifies', async () => {
    const phc = await hashPassword('saraban-demo-2569');
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(phc, 'saraban-demo-2569')).toBe(true);
    expect(await verifyPassword(phc, 'saraban-demo-2568')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
