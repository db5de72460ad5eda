import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or a link: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only hashes of secrets are stored, so a database leak does not open sessions or links. */
export function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
