import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { BookingCharges } from './booking-charges.js';
import { mailBookingsConfirmed, type BookingMailer } from './booking-mails.js';
import { bookSlotInTx, getBooking } from './book-resource.js';
import { judgeSlot, resolveBooker, resourceForBooking } from './booking-context.js';
import type { Booking, RecurringBody, RecurringPreview } from './contract.js';
import { expandWeekly } from './domain/expand-weekly.js';
import { resourcesErrors, slotTaken } from './errors.js';
import { pgCode } from './pg-code.js';

type Recurring = Omit<RecurringBody, 'mode'> & { mode?: 'free_only' | 'all_or_nothing' };

/** Each week's occurrence of a series, free or refused with the reason, before anything is booked. */
export async function previewWeekly(db: Db, charges: BookingCharges, actor: Actor, body: Recurring, now: Date): Promise<RecurringPreview> {
  const booker = await resolveBooker(db, actor, body);
  const resource = await resourceForBooking(db, actor.coopId, body.resourceId, false);
  const occurrences = expandWeekly({ firstDate: body.firstDate, startTime: body.startTime, endTime: body.endTime, weeks: body.weeks, timeZone: resource.timeZone });
  const out: RecurringPreview['occurrences'] = [];
  for (const o of occurrences) {
    const v = await judgeSlot(db, charges, actor.coopId, resource, booker, o, now);
    out.push({ date: o.date, startsAt: o.startsAt, endsAt: o.endsAt, free: v.ok, refusal: v.ok ? null : { code: v.code, field: v.field, message: v.text } });
  }
  return { occurrences: out };
}

/**
 * Books a weekly series in one transaction under the resource row lock: every occurrence is
 * judged again; with `all_or_nothing` one refusal books none, with `free_only` the refused
 * dates are skipped (and listed). Occurrences share a recurrence id. The member gets one
 * confirmation listing the booked dates, its .ics holding one event per date.
 */
export async function bookWeekly(db: Db, charges: BookingCharges, actor: Actor, body: Recurring, now: Date, mailer: BookingMailer | null = null): Promise<{ recurrenceId: string; booked: Booking[]; skipped: string[] }> {
  const booker = await resolveBooker(db, actor, body);
  const recurrenceId = randomUUID();
  try {
    const { ids, skipped } = await db.transaction(async (tx) => {
      const resource = await resourceForBooking(tx, actor.coopId, body.resourceId, true);
      const occurrences = expandWeekly({ firstDate: body.firstDate, startTime: body.startTime, endTime: body.endTime, weeks: body.weeks, timeZone: resource.timeZone });
      const ids: string[] = [];
      const skipped: string[] = [];
      for (const o of occurrences) {
        const v = await judgeSlot(tx, charges, actor.coopId, resource, booker, o, now);
        if (!v.ok) {
          if ((body.mode ?? 'all_or_nothing') === 'all_or_nothing') throw resourcesErrors.SERIES_HAS_CONFLICTS([{ path: 'firstDate', message: v.text }]);
          skipped.push(o.date);
          continue;
        }
        ids.push(await bookSlotInTx(tx, charges, actor, resource, booker, o, { ...body, recurrenceId }, now));
      }
      if (mailer && ids.length > 0) await mailBookingsConfirmed(tx, mailer, actor.coopId, ids, now);
      return { ids, skipped };
    });
    const booked: Booking[] = [];
    for (const id of ids) booked.push(await getBooking(db, actor, id));
    return { recurrenceId, booked, skipped };
  } catch (err) {
    if (pgCode(err) === '23P01') throw slotTaken(body.firstDate);
    throw err;
  }
}
