import { sha256Of, type FileStorage } from '../../platform/files/storage.js';
import type { MailAttachment } from '../../platform/mail/outbox.js';
import { buildBookingInvitation } from './domain/booking-calendar.js';
import type { MailedSlot } from './domain/booking-mail.js';

/**
 * The `.ics` a booking mail carries (REQUEST when booked, CANCEL when cancelled), written to
 * the platform storage so the outbox attaches it: the mail is queued with `enqueueMail(tx, …)`
 * in the booking's transaction, and the file is written before it (an orphan file if the
 * transaction fails is harmless; a mail without its file would not be). The UID is the
 * booking's, so the cancellation removes the event the invitation added. The key is the
 * content's hash: a retried transaction writes the same file again, never a second one.
 */
export async function bookingInvitationAttachment(
  storage: FileStorage,
  input: { coopId: string; bookings: (MailedSlot & { bookingId: string })[]; cancelled: boolean; organizerEmail: string; organizerName: string; now: Date },
): Promise<MailAttachment> {
  const ics = buildBookingInvitation({
    bookings: input.bookings.map((b) => ({ bookingId: b.bookingId, summary: b.resourceName, location: b.siteName, startsAt: b.startsAt, endsAt: b.endsAt, timeZone: b.timeZone, cancelled: input.cancelled, sequence: input.cancelled ? 1 : 0, updatedAt: input.now })),
    organizerEmail: input.organizerEmail,
    organizerName: input.organizerName,
    now: input.now,
  });
  const bytes = Buffer.from(ics, 'utf8');
  const sha256 = sha256Of(bytes);
  const storageKey = `resources/${input.coopId}/invitations/${input.bookings[0]!.bookingId}-${sha256}.ics`;
  await storage.put(storageKey, bytes);
  return { filename: input.cancelled ? 'annulation.ics' : 'reservation.ics', contentType: `text/calendar; charset=utf-8; method=${input.cancelled ? 'CANCEL' : 'REQUEST'}`, storageKey, sha256 };
}
