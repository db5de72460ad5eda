import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { FundSettingsBody } from './contract.js';
import { DEFAULT_FUND_SETTINGS, type FundSettings } from './domain/fund-settings.js';
import { advanceFundSettings } from './schema.js';

const pick = (r: FundSettings): FundSettings => ({
  feeRateBp: r.feeRateBp,
  ceilingRevenueShareBp: r.ceilingRevenueShareBp,
  ceilingMaxCents: r.ceilingMaxCents,
  maxInvoiceShareBp: r.maxInvoiceShareBp,
  minBalanceCents: r.minBalanceCents,
  writeOffAfterDays: r.writeOffAfterDays,
  quotesAcceptedOnlineOnly: r.quotesAcceptedOnlineOnly,
});

/** The fund's rules (the defaults for a coop that never set them). */
export async function getFundSettings(db: Executor, coopId: string): Promise<FundSettings> {
  const [row] = await db.select().from(advanceFundSettings).where(eq(advanceFundSettings.coopId, coopId));
  return row ? pick(row) : DEFAULT_FUND_SETTINGS;
}

/**
 * The fund's rules, its row locked FOR UPDATE for the rest of the transaction (created with
 * the defaults the first time): every approval of an advance takes this lock first, so two
 * approvals of one coop take turns on the fund's available amount.
 */
export async function lockFund(tx: Executor, coopId: string): Promise<FundSettings> {
  await tx.insert(advanceFundSettings).values({ coopId }).onConflictDoNothing();
  const [row] = await tx.select().from(advanceFundSettings).where(eq(advanceFundSettings.coopId, coopId)).for('update');
  return pick(row!);
}

export async function updateFundSettings(tx: Executor, actor: Actor, input: FundSettingsBody): Promise<FundSettings> {
  const before = await lockFund(tx, actor.coopId);
  await tx
    .update(advanceFundSettings)
    .set({ ...input, updatedBy: actor.userId, updatedAt: new Date() })
    .where(eq(advanceFundSettings.coopId, actor.coopId));
  await recordAudit(tx, actor, { action: 'advance_fund.settings_updated', entityType: 'advance_fund', entityId: actor.coopId, before: { ...before }, after: { ...input } });
  return pick({ ...before, ...input });
}
