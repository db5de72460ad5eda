import { signLink } from '../../platform/auth/signed-links.js';
import { GUEST_LINK_PURPOSE, guestLinkExpiry, guestSubject } from './domain/guest-link.js';

/** A guest's personal link to their group page, signed with their own secret (a new invitation draws a new secret). */
export function guestLinkUrl(publicUrl: string, coopId: string, guest: { id: string; linkSecret: string }, seasonEndsOn: string): string {
  const token = signLink({ purpose: GUEST_LINK_PURPOSE, subjectId: guestSubject(coopId, guest.id), expiresAt: guestLinkExpiry(seasonEndsOn) }, guest.linkSecret);
  return `${publicUrl}/workclubs/guest/${token}`;
}
