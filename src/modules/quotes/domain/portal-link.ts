/**
 * What the client portal link of a quote carries and how long it lasts. Pure: the signing
 * itself is `signLink`/`verifyLink` of the platform.
 */

export const QUOTE_PORTAL_PURPOSE = 'quote.portal';

const DAY_MS = 86_400_000;
/** The client may still open the link a week after the offer lapsed, to read what they were offered. */
export const PORTAL_GRACE_DAYS = 7;

/** The link expires at the end of the 7th day after the validity date (UTC). */
export function portalLinkExpiry(validUntil: string): Date {
  const [y, m, d] = validUntil.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + (PORTAL_GRACE_DAYS + 1) * DAY_MS);
}

/** The subject names the coop too: its secret signs the link, so it must be known before verifying. */
export const portalSubject = (coopId: string, quoteId: string) => `${coopId}:${quoteId}`;

export function parsePortalSubject(subject: string): { coopId: string; quoteId: string } | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(subject);
  return match ? { coopId: match[1]!, quoteId: match[2]! } : null;
}

/**
 * The coop a token claims to belong to, read WITHOUT checking the signature: only to pick the
 * secret that `verifyLink` then checks the whole token against. Never trust it alone.
 */
export function claimedCoopOfToken(token: string): string | null {
  const [encoded] = token.split('.');
  if (!encoded || !/^[A-Za-z0-9_-]+$/.test(encoded)) return null;
  try {
    const data = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as { s?: unknown };
    return typeof data.s === 'string' ? (parsePortalSubject(data.s)?.coopId ?? null) : null;
  } catch {
    return null;
  }
}
