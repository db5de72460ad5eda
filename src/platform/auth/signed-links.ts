import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring links: a person without an account (a client reading a document sent to
 * them) opens one thing, for one purpose, until a date, and nothing else.
 *
 * Token: `<payload>.<signature>`, both base64url. The payload is `{ p: purpose, s: subjectId,
 * e: expiry in ms }`; the signature is HMAC-SHA-256 over the payload text exactly as written
 * in the token, so changing any character of either part breaks it. Nothing is stored: the
 * link cannot be revoked before it expires, which is why the expiry is short and the caller
 * still checks the subject exists and is visible in the state it is in.
 *
 * The purpose is inside the signed payload and the caller names the purpose it expects, so a
 * link issued to view one kind of thing never opens another kind with the same id.
 *
 * Key rotation: `verifyLink` takes the secrets newest first; links signed by an older secret
 * keep working until that secret is removed from the list. HMAC is deterministic, so these
 * are pure functions; `now` is an argument.
 */

export interface LinkPayload {
  purpose: string;
  subjectId: string;
  expiresAt: Date;
}

export type LinkRefusal =
  /** Well formed and signed by one of our secrets, but past its expiry. */
  | 'expired'
  /** Well formed but the signature matches none of our secrets. */
  | 'tampered'
  /** Not a token this code writes. */
  | 'malformed'
  /** Genuine, but issued for something else. */
  | 'wrong_purpose';

export type LinkVerification = { ok: true; payload: LinkPayload } | { ok: false; reason: LinkRefusal };

/** 256 bits, the HMAC-SHA-256 block of security; a shorter secret would be the weak link. */
const MIN_SECRET_LENGTH = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const SIGNATURE_LENGTH = 43; // 32 bytes of HMAC-SHA-256 in unpadded base64url

function checkSecret(secret: string) {
  if (secret.length < MIN_SECRET_LENGTH) throw new RangeError(`a link secret needs at least ${MIN_SECRET_LENGTH} characters`);
}

function sign(encodedPayload: string, secret: string): string {
  return createHmac('sha256', secret).update(encodedPayload).digest('base64url');
}

export function signLink(payload: LinkPayload, secret: string): string {
  checkSecret(secret);
  if (!payload.purpose || !payload.subjectId) throw new RangeError('a link needs a purpose and a subject');
  const expiresAtMs = payload.expiresAt.getTime();
  if (!Number.isFinite(expiresAtMs)) throw new RangeError('a link needs a valid expiry date');
  const encoded = Buffer.from(JSON.stringify({ p: payload.purpose, s: payload.subjectId, e: expiresAtMs }), 'utf8').toString('base64url');
  return `${encoded}.${sign(encoded, secret)}`;
}

function decodePayload(encoded: string): LinkPayload | null {
  try {
    const data: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (typeof data !== 'object' || data === null) return null;
    const { p, s, e } = data as Record<string, unknown>;
    if (typeof p !== 'string' || !p || typeof s !== 'string' || !s || typeof e !== 'number' || !Number.isSafeInteger(e)) return null;
    return { purpose: p, subjectId: s, expiresAt: new Date(e) };
  } catch {
    return null;
  }
}

/**
 * Checks a token against the secrets (newest first) and the purpose the caller expects.
 * The link is valid strictly before `expiresAt`: at that instant it has expired.
 */
export function verifyLink(token: string, secrets: string | readonly string[], now: Date, expectedPurpose: string): LinkVerification {
  const keys = typeof secrets === 'string' ? [secrets] : secrets;
  if (keys.length === 0) throw new RangeError('at least one secret is needed to verify a link');
  keys.forEach(checkSecret);

  const parts = token.split('.');
  if (parts.length !== 2) return { ok: false, reason: 'malformed' };
  const [encoded, signature] = parts as [string, string];
  if (!BASE64URL.test(encoded) || !BASE64URL.test(signature) || signature.length !== SIGNATURE_LENGTH) {
    return { ok: false, reason: 'malformed' };
  }

  // Compare the text of the signature, not its decoded bytes: base64url's last character has
  // spare bits, and a token differing only there must not pass as the same link.
  const given = Buffer.from(signature, 'ascii');
  // Every key is tried, so the time taken does not tell which one matched.
  let genuine = false;
  for (const key of keys) {
    if (timingSafeEqual(given, Buffer.from(sign(encoded, key), 'ascii'))) genuine = true;
  }
  if (!genuine) return { ok: false, reason: 'tampered' };

  const payload = decodePayload(encoded);
  if (!payload) return { ok: false, reason: 'malformed' };
  if (payload.purpose !== expectedPurpose) return { ok: false, reason: 'wrong_purpose' };
  if (now.getTime() >= payload.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}
