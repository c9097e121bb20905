import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { badInput } from '../../errors.ts';

/**
 * Passwords are stored as argon2id PHC strings (RFC 9106; @node-rs/argon2 defaults: argon2id, m = 19 MiB, t = 2,
 * p = 1, the OWASP minimum). Session ids, CSRF tokens, API tokens and consultation case tokens are 32 random
 * bytes (base64url) given to the client once; the database keeps only their SHA-256, so a stolen table grants
 * nothing.
 */
const argon2id = 2; // Algorithm.Argon2id (a const enum, which isolatedModules cannot import)

/** The native argon2 module, loaded with the first password: SHA-256 users (audit log, tokens) do not need it. */
const argon2 = () => import('@node-rs/argon2');

export const minPasswordLength = 12;

export function checkPasswordStrength(password: string, field = 'password'): void {
  if (password.length < minPasswordLength) {
    throw badInput(`password must be at least ${minPasswordLength} characters`, { field });
  }
  if (password.length > 1024) throw badInput('password must be at most 1024 characters', { field });
}

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, { algorithm: argon2id });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await (await argon2()).verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so that timing does not reveal usernames. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomToken());
  return decoyHash;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A readable random password for first administrators and resets: 20 base64url characters (120 bits). */
export function randomPassword(): string {
  return randomBytes(15).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a));
  const y = Buffer.from(sha256(b));
  return timingSafeEqual(x, y);
}
