import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { PayoutSettingsView } from './contract.js';
import { payoutSettings } from './schema.js';

const DEFAULTS: PayoutSettingsView = { secondApproval: false, painVersion: '001.001.09' };

export async function payoutSettingsOf(db: Executor, coopId: string): Promise<PayoutSettingsView> {
  const [row] = await db.select().from(payoutSettings).where(eq(payoutSettings.coopId, coopId));
  return row ? { secondApproval: row.secondApproval, painVersion: row.painVersion } : DEFAULTS;
}

/** The coop's management changes how its transfers leave; audited, as it changes who may send money. */
export async function updatePayoutSettings(db: Db, actor: Actor, patch: Partial<PayoutSettingsView>): Promise<PayoutSettingsView> {
  return db.transaction(async (tx) => {
    const before = await payoutSettingsOf(tx, actor.coopId);
    const after = { ...before, ...patch };
    await tx
      .insert(payoutSettings)
      .values({ coopId: actor.coopId, ...after })
      .onConflictDoUpdate({ target: payoutSettings.coopId, set: { ...after, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: 'payout_settings.updated', entityType: 'coop', entityId: actor.coopId, before, after });
    return after;
  });
}
