import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { bookingInScope } from './booking-in-scope.js';
import { refuseHandover, type HandoverDirection } from './domain/handover-rules.js';
import { handoverKinds } from './domain/no-show.js';
import { getHandover } from './get-handover.js';
import { opsErrors } from './ops-errors.js';
import { resourceBookings, resourceHandovers } from './schema.js';

export interface HandoverInput {
  direction: HandoverDirection;
  mileageKm?: number | null;
  fuelPercent?: number | null;
  notes?: string | null;
}

const pgCode = (err: unknown) => (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
const pgConstraint = (err: unknown) => (err as { constraint?: string }).constraint ?? (err as { cause?: { constraint?: string } }).cause?.constraint;

/**
 * Records the check-out (the member takes the van) or the check-in (brings it back) of a
 * booking, by the member or staff. The booking row is locked, so two phones recording at once
 * are decided one after the other; the database check on the mileage backs the rule. Back in,
 * the booking is completed. Audited: the readings are what a damage or a mileage dispute
 * is settled on.
 */
export async function recordHandover(db: Db, actor: Actor, bookingId: string, input: HandoverInput, now: Date) {
  try {
    await db.transaction(async (tx) => {
      const { booking, kind } = await bookingInScope(tx, actor, bookingId, true);
      if (!(handoverKinds as readonly string[]).includes(kind)) throw opsErrors.NOT_HANDOVER_KIND();
      if (booking.status === 'cancelled' || booking.status === 'no_show') throw opsErrors.BOOKING_NOT_LIVE();
      const [current] = await tx.select().from(resourceHandovers).where(and(eq(resourceHandovers.coopId, actor.coopId), eq(resourceHandovers.bookingId, bookingId)));
      const recorded = current
        ? [{ direction: 'out' as const, mileageKm: current.outMileageKm }, ...(current.inAt ? [{ direction: 'in' as const, mileageKm: current.inMileageKm }] : [])]
        : [];
      const mileageKm = input.mileageKm ?? null;
      const refusal = refuseHandover({ direction: input.direction, mileageKm, mileageTracked: kind === 'van', recorded });
      if (refusal) {
        if (refusal.code === 'MILEAGE_REQUIRED') throw invalidField('mileageKm', { fr: 'Indiquez le kilométrage du compteur.', en: 'Enter the odometer reading.' });
        if (refusal.code === 'MILEAGE_BELOW_CHECK_OUT')
          throw invalidField('mileageKm', { fr: `Le kilométrage au retour ne peut pas être inférieur à celui du départ (${refusal.checkOutKm} km).`, en: `The mileage back cannot be below the mileage out (${refusal.checkOutKm} km).` });
        throw opsErrors[refusal.code]();
      }
      const fuel = input.fuelPercent ?? null;
      const notes = input.notes?.trim() || null;
      if (input.direction === 'out') {
        await tx.insert(resourceHandovers).values({ coopId: actor.coopId, bookingId, outAt: now, outBy: actor.userId, outMileageKm: mileageKm, outFuelPercent: fuel, outNotes: notes });
      } else {
        await tx
          .update(resourceHandovers)
          .set({ inAt: now, inBy: actor.userId, inMileageKm: mileageKm, inFuelPercent: fuel, inNotes: notes })
          .where(and(eq(resourceHandovers.coopId, actor.coopId), eq(resourceHandovers.bookingId, bookingId)));
        await tx.update(resourceBookings).set({ status: 'completed' }).where(and(eq(resourceBookings.coopId, actor.coopId), eq(resourceBookings.id, bookingId)));
      }
      await recordAudit(tx, actor, { action: `resource_handover.${input.direction}`, entityType: 'resource_booking', entityId: bookingId, after: { mileageKm, fuelPercent: fuel, notes } });
    });
  } catch (err) {
    // Two check-outs at once: the second meets the primary key; a mileage below the check-out
    // recorded meanwhile meets the check constraint. Both are answered as the rule would.
    if (pgCode(err) === '23505') throw opsErrors.HANDOVER_ALREADY_OUT();
    if (pgCode(err) === '23514' && pgConstraint(err) === 'resource_handovers_mileage_back_check')
      throw invalidField('mileageKm', { fr: 'Le kilométrage au retour ne peut pas être inférieur à celui du départ.', en: 'The mileage back cannot be below the mileage out.' });
    throw err;
  }
  return getHandover(db, actor, bookingId);
}
