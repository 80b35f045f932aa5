import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane). Raising these later is safe:
 * the parameters travel inside each PHC string, so old hashes still verify.
 */
export const ARGON2_OPTIONS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes anything, but a megabyte "password" is a denial of service. */
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem =
  'too_short' | 'too_long' | 'one_class' | 'contains_username' | 'invisible_character';

/**
 * Characters a person cannot see or type on purpose: controls, format characters (zero-width
 * space and joiners, BOM, soft hyphen, bidi marks), line and paragraph separators, private-use
 * and unassigned code points, and lone surrogates. Twelve of them would otherwise make a
 * "long" password out of two real characters.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/u;

/**
 * The form a password is checked, hashed and verified in: NFKC, so the same password typed
 * on another keyboard or input method (full-width Latin, composed vs decomposed Thai sara am)
 * is the same password.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/**
 * Password policy (our choice, documented in the README), on the NFKC form: 12 to 256
 * characters, none of them invisible, at least two of four classes (lower-case Latin,
 * upper-case Latin, digits, anything else such as Thai letters, spaces and symbols), and not
 * containing the username.
 */
export function checkPassword(raw: string, username?: string): PasswordProblem | null {
  if (INVISIBLE.test(raw)) return 'invisible_character';
  const password = normalizePassword(raw);
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password));
  if (classes.length < 2) return 'one_class';
  if (username && username.length >= 4 && password.toLowerCase().includes(username.toLowerCase())) {
    return 'contains_username';
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), ARGON2_OPTIONS);
}

/**
 * Verifies the NFKC form; a hash made before passwords were normalised is tried with the
 * password as typed too, so no existing account is locked out.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const normalized = normalizePassword(password);
  if (await verifyOne(passwordHash, normalized)) return true;
  return normalized !== password && verifyOne(passwordHash, password);
}

async function verifyOne(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Verifies against a throw-away hash so an unknown username costs the same time. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-0');
  await verifyPassword(await dummyHash, password);
}
