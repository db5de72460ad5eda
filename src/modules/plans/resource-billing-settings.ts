import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { activitySummaries } from '../activities/index.js';
import type { ResourceBillingSettings } from './contract.js';
import { resourceBillingSettings } from './schema.js';

export async function getResourceBillingSettings(db: Executor, coopId: string): Promise<ResourceBillingSettings> {
  const [row] = await db.select({ mode: resourceBillingSettings.mode, clientActivityId: resourceBillingSettings.clientActivityId }).from(resourceBillingSettings).where(eq(resourceBillingSettings.coopId, coopId));
  return row ?? { mode: 'internal_charge', clientActivityId: null };
}

/**
 * The admin chooses how members' resources are billed and on which activity non-members' bookings
 * are invoiced. A change applies from the next run: what a run billed stays as it was billed (the
 * items' unique key also keeps a source billed in one mode from being billed again in the other).
 * Audited: it decides whether the coop issues invoices.
 */
export async function updateResourceBillingSettings(db: Db, actor: Actor, body: ResourceBillingSettings): Promise<ResourceBillingSettings> {
  return db.transaction(async (tx) => {
    if (body.clientActivityId) {
      const activity = (await activitySummaries(tx, actor.coopId, [body.clientActivityId])).get(body.clientActivityId);
      if (!activity) throw invalidField('clientActivityId', { fr: 'Activité inconnue dans cette coopérative.', en: 'Unknown activity in this cooperative.' });
      if (activity.status !== 'active') throw invalidField('clientActivityId', { fr: "Cette activité n'est pas active : ses factures ne pourraient pas être validées.", en: 'This activity is not active: its invoices could not be validated.' });
    }
    const before = await getResourceBillingSettings(tx, actor.coopId);
    const after = { mode: body.mode, clientActivityId: body.clientActivityId };
    await tx
      .insert(resourceBillingSettings)
      .values({ coopId: actor.coopId, ...after })
      .onConflictDoUpdate({ target: resourceBillingSettings.coopId, set: { ...after, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: 'resource_billing_settings.update', entityType: 'resource_billing_settings', entityId: actor.coopId, before, after });
    return after;
  });
}
