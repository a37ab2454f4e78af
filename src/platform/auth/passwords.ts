import { hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords.js';

export const minimumPasswordLength = 12;
// Long enough for any passphrase, short enough that hashing cannot be used to load the server.
export const maximumPasswordLength = 256;

// @node-rs/argon2's Algorithm is a const enum, which isolated modules cannot read: 2 is Argon2id.
const argon2id = 2;
// OWASP's recommended argon2id settings: 19 MiB of memory, 2 passes, 1 lane.
const argon2Options = {
  algorithm: argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when no account matches keeps "no such user" as slow as "wrong
// password", so response times do not reveal which email addresses have accounts.
let decoyHash: Promise<string> | undefined;
export async function spendTimeLikeAVerification(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy password that never matches anything');
  await verifyPassword(await decoyHash, password);
}

/** Reasons a new password is refused, in words to show the person choosing it; empty when fine. */
export function passwordProblems(password: string, context: { email?: string } = {}): string[] {
  if (password.length < minimumPasswordLength) {
    return [`Password must be ${minimumPasswordLength} characters or more`];
  }
  if (password.length > maximumPasswordLength) {
    return [`Password must be ${maximumPasswordLength} characters or fewer`];
  }
  const folded = password.toLowerCase();
  const withoutDigitsAndSymbols = folded.replace(/[^a-z]/g, '');
  if (commonPasswords.has(folded) || commonPasswords.has(withoutDigitsAndSymbols)) {
    return ['Password is too common. Choose a password that is harder to guess'];
  }
  if (new Set(folded).size < 4) {
    return ['Password must not repeat the same few characters'];
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && folded.includes(localPart)) {
    return ['Password must not contain your email address'];
  }
  return [];
}
