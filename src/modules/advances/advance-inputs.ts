import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityIdsOfMember } from '../activities/index.js';
import { accountBalances, ACCOUNTS } from '../ledger/index.js';
import type { AdvanceTarget } from './advanced-document.js';
import type { AdvanceAsked } from './domain/may-advance.js';
import type { FundSettings } from './domain/fund-settings.js';
import { fundPosition } from './fund-position.js';
import { advances, OPEN_ADVANCE_STATUSES } from './schema.js';

/** The day twelve months before `today` (a 29 February falls back to the 28th, JS Date rolls over: fine for a window). */
export const yearBefore = (today: string): string => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Revenue excl. VAT (706 credit balance, credit notes deducted) of a member's activities over the 12 months to `today`. */
export async function memberRevenueCents(db: Executor, coopId: string, memberId: string, today: string): Promise<number> {
  let total = 0;
  for (const activityId of await activityIdsOfMember(db, coopId, memberId)) {
    const rows = await accountBalances(db, coopId, { activityId, from: yearBefore(today), to: today });
    total -= rows.find((r) => r.account === ACCOUNTS.serviceRevenue)?.balanceCents ?? 0;
  }
  return total;
}

/** What a member's open advances (asked or paid, not settled nor written off) still weigh, but one. */
async function memberOutstandingCents(db: Executor, coopId: string, memberId: string, exceptId: string | null): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${advances.amountCents} - ${advances.settledCents} - ${advances.writtenOffCents}), 0)`.mapWith(Number) })
    .from(advances)
    .where(and(eq(advances.coopId, coopId), eq(advances.memberId, memberId), inArray(advances.status, [...OPEN_ADVANCE_STATUSES]), exceptId ? ne(advances.id, exceptId) : undefined));
  return row?.total ?? 0;
}

/** Whether one of these invoices or quotes has an advance asked or paid and not closed (but one). */
async function hasOpenAdvance(db: Executor, coopId: string, on: AdvanceTarget['openAdvanceOf'], exceptId: string | null): Promise<boolean> {
  const onDocument = or(
    on.invoiceIds.length ? inArray(advances.invoiceId, on.invoiceIds) : undefined,
    on.quoteIds.length ? inArray(advances.quoteId, on.quoteIds) : undefined,
  );
  if (!onDocument) return false;
  const [row] = await db
    .select({ id: advances.id })
    .from(advances)
    .where(and(eq(advances.coopId, coopId), onDocument, inArray(advances.status, [...OPEN_ADVANCE_STATUSES]), exceptId ? ne(advances.id, exceptId) : undefined))
    .limit(1);
  return Boolean(row);
}

/**
 * Everything the eligibility rule needs about one document (see `advanceTarget`), one member
 * and the fund, read in the caller's transaction (under the fund's lock when approving).
 */
export async function advanceInputs(
  db: Executor,
  args: { coopId: string; target: AdvanceTarget; memberId: string; settings: FundSettings; today: string; exceptAdvanceId: string | null },
): Promise<Omit<AdvanceAsked, 'amountCents'>> {
  const { coopId, target } = args;
  return {
    document: target.document,
    settings: args.settings,
    memberRevenueCents: await memberRevenueCents(db, coopId, args.memberId, args.today),
    memberOutstandingCents: await memberOutstandingCents(db, coopId, args.memberId, args.exceptAdvanceId),
    fundAvailableCents: (await fundPosition(db, coopId)).availableCents,
    documentHasOpenAdvance: await hasOpenAdvance(db, coopId, target.openAdvanceOf, args.exceptAdvanceId),
  };
}
