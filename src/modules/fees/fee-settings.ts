import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { getCoop } from '../coops/index.js';
import type { FeeSettingsView, UpdateFeeSettingsBody } from './contract.js';
import type { PainVersion } from './domain/pain008.js';
import { feeSettings } from './schema.js';

type Stored = Omit<FeeSettingsView, 'monthlyFeeCents'>;

/** What a coop that never saved these settings gets: independents and coworkers billed, 20 % VAT, 14 days' notice. */
export const DEFAULT_FEE_SETTINGS: Stored = { billedTypes: ['independent', 'coworker'], vatRateBp: 2000, creditorId: null, prenotificationDays: 14, painVersion: 'pain.008.001.08' };

export async function storedFeeSettings(db: Executor, coopId: string): Promise<Stored> {
  const [row] = await db.select().from(feeSettings).where(eq(feeSettings.coopId, coopId));
  if (!row) return DEFAULT_FEE_SETTINGS;
  return { billedTypes: row.billedTypes as Stored['billedTypes'], vatRateBp: row.vatRateBp, creditorId: row.creditorId, prenotificationDays: row.prenotificationDays, painVersion: row.painVersion as PainVersion };
}

/** The fee settings with the amount of the coop's settings page. */
export async function getFeeSettings(db: Executor, coopId: string): Promise<FeeSettingsView> {
  const coop = await getCoop(db, coopId);
  return { monthlyFeeCents: coop.monthlyMemberFeeCents, ...(await storedFeeSettings(db, coopId)) };
}

/** Changes who is billed, the VAT, the creditor identifier, the notice and the file version (admin), audited. */
export async function updateFeeSettings(db: Db, actor: Actor, patch: UpdateFeeSettingsBody): Promise<FeeSettingsView> {
  return db.transaction(async (tx) => {
    const before = await storedFeeSettings(tx, actor.coopId);
    const after: Stored = {
      billedTypes: patch.billedTypes ? [...new Set(patch.billedTypes)] : before.billedTypes,
      vatRateBp: patch.vatRateBp ?? before.vatRateBp,
      creditorId: patch.creditorId === undefined ? before.creditorId : patch.creditorId,
      prenotificationDays: patch.prenotificationDays ?? before.prenotificationDays,
      painVersion: patch.painVersion ?? before.painVersion,
    };
    await tx
      .insert(feeSettings)
      .values({ coopId: actor.coopId, ...after })
      .onConflictDoUpdate({ target: feeSettings.coopId, set: { ...after, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: 'fees.settings_updated', entityType: 'coop', entityId: actor.coopId, before: { ...before }, after: { ...after } });
    return getFeeSettings(tx, actor.coopId);
  });
}
