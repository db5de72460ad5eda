import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { IndependentsSettingsView, UpdateIndependentsSettingsBody } from './contract.js';
import { independentsSettings } from './schema.js';

/** What a coop that never saved these settings gets: a warning past 50 % of the declared revenue. */
export const DEFAULT_INDEPENDENTS_SETTINGS: IndependentsSettingsView = { thresholdBp: 5000 };

export async function getIndependentsSettings(db: Executor, coopId: string): Promise<IndependentsSettingsView> {
  const [row] = await db.select().from(independentsSettings).where(eq(independentsSettings.coopId, coopId));
  return row ? { thresholdBp: row.thresholdBp } : DEFAULT_INDEPENDENTS_SETTINGS;
}

/** Changes the threshold (admin); the next check (a validation, the daily run) compares with it. */
export async function updateIndependentsSettings(db: Db, actor: Actor, patch: UpdateIndependentsSettingsBody): Promise<IndependentsSettingsView> {
  return db.transaction(async (tx) => {
    const before = await getIndependentsSettings(tx, actor.coopId);
    const after = { thresholdBp: patch.thresholdBp };
    await tx
      .insert(independentsSettings)
      .values({ coopId: actor.coopId, ...after })
      .onConflictDoUpdate({ target: independentsSettings.coopId, set: { ...after, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: 'independents.settings_updated', entityType: 'coop', entityId: actor.coopId, before: { ...before }, after });
    return after;
  });
}
