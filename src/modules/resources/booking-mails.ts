import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../platform/auth/schema.js';
import type { Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { coopNames } from '../coops/index.js';
import { memberContacts, userIdsOfMembers } from '../members/index.js';
import { bookingInvitationAttachment } from './booking-invitation.js';
import { bookingCancelledMail, bookingConfirmedMail, type MailedSlot, type MailLocale } from './domain/booking-mail.js';
import { resourceBookings, resources, resourceSites } from './schema.js';

/** What booking mails need from the platform: the storage of their .ics, the app's address, the sender. */
export interface BookingMailer {
  storage: FileStorage;
  publicUrl: string;
  /** `MAIL_FROM` ("Name <address>"): the invitation's organizer address. */
  mailFrom: string;
}

export interface MemberRecipient {
  name: string;
  email: string;
  locale: MailLocale;
}

/** The member's address from the member file, in the language of their account (French without one). */
export async function memberRecipient(tx: Executor, coopId: string, memberId: string): Promise<MemberRecipient | null> {
  const contact = (await memberContacts(tx, coopId, [memberId])).get(memberId);
  if (!contact?.email) return null;
  const userId = (await userIdsOfMembers(tx, coopId, [memberId])).get(memberId);
  const [user] = userId ? await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId)) : [];
  return { name: contact.name, email: contact.email, locale: user?.locale === 'en' ? 'en' : 'fr' };
}

/** The slot of bookings as their mails tell it: the resource, its site and the site's zone. */
export async function mailedBookings(tx: Executor, coopId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({
      bookingId: resourceBookings.id,
      memberId: resourceBookings.memberId,
      resourceId: resourceBookings.resourceId,
      startsAt: resourceBookings.startsAt,
      endsAt: resourceBookings.endsAt,
      cancellationFeeCents: resourceBookings.cancellationFeeCents,
      resourceName: resources.name,
      siteName: resourceSites.name,
      timeZone: resourceSites.timeZone,
    })
    .from(resourceBookings)
    .innerJoin(resources, and(eq(resources.coopId, resourceBookings.coopId), eq(resources.id, resourceBookings.resourceId)))
    .innerJoin(resourceSites, and(eq(resourceSites.coopId, resources.coopId), eq(resourceSites.id, resources.siteId)))
    .where(and(eq(resourceBookings.coopId, coopId), inArray(resourceBookings.id, ids)))
    .orderBy(resourceBookings.startsAt);
}

/** The invitation's organizer: the coop's name and the address mails leave from. */
async function organizerOf(tx: Executor, mailer: BookingMailer, coopId: string) {
  const address = /<([^>]+)>/.exec(mailer.mailFrom)?.[1] ?? mailer.mailFrom.trim();
  return { organizerName: (await coopNames(tx, [coopId])).get(coopId) ?? 'Mutualise', organizerEmail: address };
}

/**
 * Queues, in the booking's transaction, the confirmation to the member with the .ics invitation
 * (one mail for a weekly series, its dates listed, one event per date). A booking for a client
 * who is not a member gets no mail: the team arranged it with them.
 */
export async function mailBookingsConfirmed(tx: Executor, mailer: BookingMailer, coopId: string, bookingIds: string[], now: Date): Promise<void> {
  const rows = await mailedBookings(tx, coopId, bookingIds);
  const memberId = rows[0]?.memberId;
  if (!memberId) return;
  const to = await memberRecipient(tx, coopId, memberId);
  if (!to) return;
  const attachment = await bookingInvitationAttachment(mailer.storage, { coopId, bookings: rows, cancelled: false, now, ...(await organizerOf(tx, mailer, coopId)) });
  const mail = bookingConfirmedMail({ locale: to.locale, personName: to.name, slots: rows });
  await enqueueMail(tx, { coopId, to: to.email, subject: mail.subject, text: mail.text, template: rows.length > 1 ? 'resource_booking.series_confirmed' : 'resource_booking.confirmed', attachments: [attachment] });
}

/** Queues the cancellation to the member, with the CANCEL .ics (same UID, higher sequence) that removes the event. */
export async function mailBookingCancelled(tx: Executor, mailer: BookingMailer, coopId: string, bookingId: string, now: Date): Promise<void> {
  const [row] = await mailedBookings(tx, coopId, [bookingId]);
  if (!row?.memberId) return;
  const to = await memberRecipient(tx, coopId, row.memberId);
  if (!to) return;
  const attachment = await bookingInvitationAttachment(mailer.storage, { coopId, bookings: [row], cancelled: true, now, ...(await organizerOf(tx, mailer, coopId)) });
  const feeText = row.cancellationFeeCents > 0 ? new Intl.NumberFormat(to.locale === 'en' ? 'en-GB' : 'fr-FR', { style: 'currency', currency: 'EUR' }).format(row.cancellationFeeCents / 100) : null;
  const slot: MailedSlot = row;
  const mail = bookingCancelledMail({ locale: to.locale, personName: to.name, slot, feeText });
  await enqueueMail(tx, { coopId, to: to.email, subject: mail.subject, text: mail.text, template: 'resource_booking.cancelled', attachments: [attachment] });
}
