import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { VatSettings } from './contract.js';
import { vatSettings } from './schema.js';
import { vatSettingsOf } from './vat-settings-of.js';

/**
 * Sets the coop's VAT regime and periodicity. A new regime applies to invoices validated from
 * now on: an invoice keeps the regime it was issued under (its entry says where its VAT went),
 * so its payments and credit notes follow it.
 */
export async function saveVatSettings(db: Db, actor: Actor, input: VatSettings): Promise<VatSettings> {
  return db.transaction(async (tx) => {
    const before = await vatSettingsOf(tx, actor.coopId);
    const values = { regime: input.regime, periodicity: input.periodicity, updatedBy: actor.userId, updatedAt: new Date() };
    await tx.insert(vatSettings).values({ coopId: actor.coopId, ...values }).onConflictDoUpdate({ target: vatSettings.coopId, set: values });
    const after = { regime: input.regime, periodicity: input.periodicity };
    await recordAudit(tx, actor, { action: 'vat.settings_changed', entityType: 'coop', entityId: actor.coopId, before, after });
    return after;
  });
}
