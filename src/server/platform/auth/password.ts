import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';

/** argon2id with OWASP's minimum parameters (19 MiB, t=2, p=1). */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 /* argon2id */ } as const;

export const hashPassword = (plain: string) => hash(plain, OPTIONS);

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

/** A fixed hash verified for unknown emails, so timing does not reveal which accounts exist. */
let dummy: string | undefined;
export async function burnVerify(plain: string): Promise<void> {
  dummy ??= await hashPassword('itda-dummy-password-for-timing');
  await verifyPassword(dummy, plain);
}

/** ASVS 2.1.1: at least 12 characters (the common-password list is checked as well). */
export const PASSWORD_MIN_LENGTH = 12;

/** Returns a message code when the password is too weak, else undefined. */
export function passwordProblem(plain: string, email?: string): string | undefined {
  if ([...plain].length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if ([...plain].length > 128) return 'password_too_long';
  const lower = plain.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'password_common';
  // a listed password with digits or symbols added at the end (password1234, qwerty123!@#)
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (stem.length >= 6 && COMMON_PASSWORDS.has(stem)) return 'password_common';
  if (/^(.)\1+$/.test(plain)) return 'password_common';
  if (email && lower.includes(email.split('@')[0].toLowerCase()) && email.split('@')[0].length >= 4)
    return 'password_contains_email';
  return undefined;
}
