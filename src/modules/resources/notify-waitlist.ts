import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import type { Actor } from '../../platform/http/context.js';
import { memberRecipient, type BookingMailer } from './booking-mails.js';
import { waitlistNotifiedMail } from './domain/booking-mail.js';
import { toLocal } from './domain/zoned-time.js';
import { resourceBookings, resources, resourceSites, resourceUnavailabilities, resourceWaitlist } from './schema.js';

/**
 * A booking was just cancelled (in this transaction, under the resource row lock): the member
 * waiting longest for a slot it frees is told, once. Only a slot now wholly free and not yet
 * begun counts (one still half held by another booking would only be refused). The member is
 * not booked: whoever books first has it, the no-overlap constraint deciding a race.
 */
export async function notifyWaitlist(tx: Executor, mailer: BookingMailer | null, actor: Actor, freed: { resourceId: string; startsAt: Date; endsAt: Date }, now: Date): Promise<string | null> {
  const freedRange = sql`tstzrange(${freed.startsAt.toISOString()}::timestamptz, ${freed.endsAt.toISOString()}::timestamptz, '[)')`;
  const waitRange = sql`tstzrange(${resourceWaitlist.startsAt}, ${resourceWaitlist.endsAt}, '[)')`;
  const [w] = await tx
    .select()
    .from(resourceWaitlist)
    .where(
      and(
        eq(resourceWaitlist.coopId, actor.coopId),
        eq(resourceWaitlist.resourceId, freed.resourceId),
        eq(resourceWaitlist.status, 'waiting'),
        gt(resourceWaitlist.startsAt, now),
        sql`${waitRange} && ${freedRange}`,
        sql`not exists (select 1 from ${resourceBookings} where ${resourceBookings.coopId} = ${resourceWaitlist.coopId} and ${resourceBookings.resourceId} = ${resourceWaitlist.resourceId} and ${resourceBookings.status} <> 'cancelled' and ${resourceBookings.during} && ${waitRange})`,
        sql`not exists (select 1 from ${resourceUnavailabilities} where ${resourceUnavailabilities.coopId} = ${resourceWaitlist.coopId} and ${resourceUnavailabilities.resourceId} = ${resourceWaitlist.resourceId} and ${resourceUnavailabilities.during} && ${waitRange})`,
      ),
    )
    .orderBy(asc(resourceWaitlist.createdAt), asc(resourceWaitlist.id))
    .limit(1)
    .for('update');
  if (!w) return null;
  await tx.update(resourceWaitlist).set({ status: 'notified', notifiedAt: now }).where(and(eq(resourceWaitlist.coopId, actor.coopId), eq(resourceWaitlist.id, w.id)));
  await recordAudit(tx, actor, { action: 'resource_waitlist.notify', entityType: 'resource_waitlist', entityId: w.id, before: { status: 'waiting' }, after: { status: 'notified', memberId: w.memberId } });
  if (!mailer) return w.id;
  const to = await memberRecipient(tx, actor.coopId, w.memberId);
  const [place] = await tx
    .select({ resourceName: resources.name, siteName: resourceSites.name, timeZone: resourceSites.timeZone })
    .from(resources)
    .innerJoin(resourceSites, and(eq(resourceSites.coopId, resources.coopId), eq(resourceSites.id, resources.siteId)))
    .where(and(eq(resources.coopId, actor.coopId), eq(resources.id, w.resourceId)));
  if (!to || !place) return w.id;
  // The booking page opens on the resource and the day of the slot.
  const link = `${mailer.publicUrl}/resources?resource=${w.resourceId}&date=${toLocal(w.startsAt, place.timeZone).date}`;
  const mail = waitlistNotifiedMail({ locale: to.locale, personName: to.name, slot: { ...place, startsAt: w.startsAt, endsAt: w.endsAt }, link });
  await enqueueMail(tx, { coopId: actor.coopId, to: to.email, subject: mail.subject, text: mail.text, template: 'resource_waitlist.notified' });
  return w.id;
}
