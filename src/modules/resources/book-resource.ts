import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { BookingCharges } from './booking-charges.js';
import { mailBookingsConfirmed, type BookingMailer } from './booking-mails.js';
import { closeBookedWaits } from './close-booked-waits.js';
import { bookingViews, judgeSlot, resolveBooker, resourceForBooking, slotLabel, type Booker, type ResourceForBooking, type SlotVerdict } from './booking-context.js';
import type { BookBody, Booking, BookingQuote } from './contract.js';
import { resourcesErrors, slotTaken } from './errors.js';
import { resourcesOfIds } from './list-bookings.js';
import { pgCode } from './pg-code.js';
import { resourceBookings } from './schema.js';

type BookInput = Omit<BookBody, 'resourceId' | 'startsAt' | 'endsAt'>;

export function verdictError(v: Exclude<SlotVerdict, { ok: true }>): AppError {
  const kind = v.kind === 'rule' || v.kind === 'past' ? 'unprocessable' : 'conflict';
  return new AppError(v.code, kind, v.text, [{ path: v.field, message: v.text }]);
}

/**
 * Books one slot inside the caller's transaction, under the resource row lock: judges it
 * again (rules, unavailability, overlap), inserts it, has it paid (plans' passes and credits,
 * or per use) and audits it. The no-overlap exclusion constraint stays the last word.
 */
export async function bookSlotInTx(
  tx: Executor,
  charges: BookingCharges,
  actor: Actor,
  resource: ResourceForBooking,
  booker: Booker,
  slot: { startsAt: Date; endsAt: Date },
  extra: BookInput & { recurrenceId?: string | null },
  now: Date,
): Promise<string> {
  const verdict = await judgeSlot(tx, charges, actor.coopId, resource, booker, slot, now);
  if (!verdict.ok) throw verdictError(verdict);
  const id = randomUUID();
  await tx.insert(resourceBookings).values({
    coopId: actor.coopId,
    id,
    resourceId: resource.id,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    memberId: booker.memberId,
    activityId: booker.activityId,
    clientId: booker.clientId,
    bookedBy: actor.userId,
    title: extra.title ?? null,
    note: extra.note ?? null,
    recurrenceId: extra.recurrenceId ?? null,
    priceCents: verdict.price.priceCents,
    vatRateBp: verdict.price.vatRateBp,
    paidBy: 'pay_per_use',
    billableCents: verdict.price.priceCents,
  });
  const charge = await charges.charge(tx, {
    coopId: actor.coopId,
    bookingId: id,
    resourceId: resource.id,
    resourceKind: resource.kind,
    memberId: booker.memberId,
    activityId: booker.activityId,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    priceCents: verdict.price.priceCents,
    source: 'booking',
  });
  const billableCents = Math.max(0, Math.min(charge.billableCents, verdict.price.priceCents));
  if (charge.paidBy !== 'pay_per_use' || billableCents !== verdict.price.priceCents) {
    await tx.update(resourceBookings).set({ paidBy: charge.paidBy, billableCents }).where(and(eq(resourceBookings.coopId, actor.coopId), eq(resourceBookings.id, id)));
  }
  if (booker.memberId) await closeBookedWaits(tx, actor, { id, resourceId: resource.id, memberId: booker.memberId, startsAt: slot.startsAt, endsAt: slot.endsAt });
  await recordAudit(tx, actor, {
    action: 'booking.create',
    entityType: 'resource_booking',
    entityId: id,
    after: { resourceId: resource.id, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), memberId: booker.memberId, activityId: booker.activityId, clientId: booker.clientId, priceCents: verdict.price.priceCents, paidBy: charge.paidBy, billableCents },
  });
  return id;
}

export async function getBooking(db: Executor, actor: Actor, id: string): Promise<Booking> {
  const rows = await db.select().from(resourceBookings).where(and(eq(resourceBookings.coopId, actor.coopId), eq(resourceBookings.id, id)));
  const names = await resourcesOfIds(db, actor.coopId, rows.map((r) => r.resourceId));
  const [view] = await bookingViews(db, actor, rows.map((r) => ({ ...r, resourceName: names.get(r.resourceId) ?? '' })));
  if (!view) throw resourcesErrors.BOOKING_NOT_FOUND();
  return view;
}

/**
 * Books a slot for the actor (a member for themselves, the team for anyone). One transaction,
 * which also queues the member's confirmation with its .ics when a mailer is given (the demo
 * seed gives none: its bookings are history, not news).
 */
export async function bookResource(db: Db, charges: BookingCharges, actor: Actor, body: BookBody, now: Date, mailer: BookingMailer | null = null): Promise<Booking> {
  const booker = await resolveBooker(db, actor, body);
  const slot = { startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) };
  let resource: ResourceForBooking | null = null;
  try {
    const id = await db.transaction(async (tx) => {
      resource = await resourceForBooking(tx, actor.coopId, body.resourceId, true);
      const id = await bookSlotInTx(tx, charges, actor, resource, booker, slot, body, now);
      if (mailer) await mailBookingsConfirmed(tx, mailer, actor.coopId, [id], now);
      return id;
    });
    return getBooking(db, actor, id);
  } catch (err) {
    // Two bookings raced past the check (another instance, or a path without the row lock):
    // the exclusion constraint refused the second.
    if (pgCode(err) === '23P01') throw slotTaken(resource ? slotLabel(resource, slot.startsAt, slot.endsAt) : `${body.startsAt} – ${body.endsAt}`);
    throw err;
  }
}

/** The price of a slot and the first reason it would be refused, without booking (the booking dialog). */
export async function quoteBooking(db: Db, charges: BookingCharges, actor: Actor, body: BookBody, now: Date): Promise<BookingQuote> {
  const booker = await resolveBooker(db, actor, body);
  const resource = await resourceForBooking(db, actor.coopId, body.resourceId, false);
  const v = await judgeSlot(db, charges, actor.coopId, resource, booker, { startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) }, now);
  return { priceCents: v.price.priceCents, vatRateBp: v.price.vatRateBp, unit: v.price.unit, quantity: v.price.quantity, refusal: v.ok ? null : { code: v.code, field: v.field, message: v.text } };
}
