import type { Db } from '../platform/db/client.js';
import type { FileStorage } from '../platform/files/storage.js';
import type { Actor } from '../platform/http/context.js';
import { billResourceMonth, createPlan, subscribeMember, type ChargeableBookingsOf } from '../modules/plans/index.js';

const firstOfMonthsAgo = (today: string, months: number) => {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};

/**
 * The demo's coworking plans: "Nomade 10 jours" (10 day passes a month), "Semi-permanent 2,5 j"
 * (Monday, Tuesday and Wednesday morning) and "Permanent" (a dedicated desk). Camille Martin is a
 * nomad since last month, Inès Moreau a permanent, Chloé Dubois a semi-permanent; last month is
 * billed to their activities when it falls in this fiscal year. Passes are consumed by the
 * bookings of the resources seed (through the plans' BookingCharges port), not invented here.
 */
export async function seedDemoPlans(ctx: { db: Db; advisor: Actor; memberIds: Map<string, string>; activityIds: Map<string, string>; today: string; bookingsOf: ChargeableBookingsOf; storage: FileStorage | null }): Promise<void> {
  const { db, advisor, today } = ctx;
  const base = { vatRateBp: 2000, includedHalfDayPasses: 0, includedCreditCents: 0, creditKinds: ['meeting_room' as const], rollover: false, noticeDays: 30, dedicatedResourceId: null, active: true };
  const nomad = await createPlan(db, advisor, { ...base, name: 'Nomade 10 jours', type: 'nomad', monthlyPriceCents: 15_000, includedDayPasses: 10, includedCreditMinutes: 120, passKinds: ['hot_desk'], schedule: null });
  const semi = await createPlan(db, advisor, {
    ...base,
    name: 'Semi-permanent 2,5 j',
    type: 'semi_permanent',
    monthlyPriceCents: 22_000,
    includedDayPasses: 0,
    includedCreditMinutes: 240,
    passKinds: ['hot_desk'],
    schedule: [
      { weekday: 'mon', part: 'day' },
      { weekday: 'tue', part: 'day' },
      { weekday: 'wed', part: 'morning' },
    ],
  });
  const permanent = await createPlan(db, advisor, { ...base, name: 'Permanent', type: 'permanent', monthlyPriceCents: 32_000, includedDayPasses: 0, includedCreditMinutes: 480, passKinds: ['hot_desk', 'dedicated_desk'], rollover: true, noticeDays: 30, schedule: null });
  const subscribe = async (email: string, activityCode: string, planId: string, startsOn: string) => {
    const memberId = ctx.memberIds.get(email);
    const activityId = ctx.activityIds.get(activityCode);
    if (memberId && activityId) await subscribeMember(db, advisor, { memberId, activityId, planId, startsOn }, today);
  };
  await subscribe('camille.martin@demo.mutualise.coop', 'CAMILLE-GRAPHISME', nomad.id, firstOfMonthsAgo(today, 1));
  await subscribe('ines.moreau@demo.mutualise.coop', 'INES-DEV', permanent.id, firstOfMonthsAgo(today, 2));
  await subscribe('chloe.dubois@demo.mutualise.coop', 'CHLOE-TRAD', semi.id, `${today.slice(0, 7)}-01`);
  const lastMonth = firstOfMonthsAgo(today, 1).slice(0, 7);
  if (ctx.storage && lastMonth.slice(0, 4) === today.slice(0, 4)) await billResourceMonth(db, ctx.storage, advisor, lastMonth, today, ctx.bookingsOf);
}
