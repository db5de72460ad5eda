import { addDays } from '../../../platform/calendar/index.js';

/**
 * What the link of an external participant carries and how long it lasts. Pure: the signing
 * itself is `signLink`/`verifyLink` of the platform, keyed by the participant's own secret.
 */
export const GUEST_LINK_PURPOSE = 'workclub.guest';
/** The link outlives the season by 30 days: the review and its follow-up are still readable. */
export const GUEST_LINK_GRACE_DAYS = 30;

export const guestLinkExpiry = (seasonEndsOn: string): Date => new Date(`${addDays(seasonEndsOn, GUEST_LINK_GRACE_DAYS + 1)}T00:00:00Z`);

/** The subject names the coop and the participant: the participant's secret must be found before the signature is checked. */
export const guestSubject = (coopId: string, participantId: string) => `${coopId}:${participantId}`;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export function parseGuestSubject(subject: string): { coopId: string; externalParticipantId: string } | null {
  const match = new RegExp(`^(${UUID}):(${UUID})$`, 'i').exec(subject);
  return match ? { coopId: match[1]!, externalParticipantId: match[2]! } : null;
}

/** The subject a token claims, read WITHOUT checking the signature: only to find the key `verifyLink` then checks it with. */
export function claimedGuestSubject(token: string): { coopId: string; externalParticipantId: string } | null {
  const [encoded] = token.split('.');
  if (!encoded || !/^[A-Za-z0-9_-]+$/.test(encoded)) return null;
  try {
    const data = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as { s?: unknown };
    return typeof data.s === 'string' ? parseGuestSubject(data.s) : null;
  } catch {
    return null;
  }
}
