import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { InvoicingSettingsView } from './contract.js';
import { invoicingSettings } from './schema.js';

/** A coop that never chose keeps every validation with its team (no row means no limit). */
export async function getInvoicingSettings(db: Executor, coopId: string): Promise<InvoicingSettingsView> {
  const [row] = await db.select().from(invoicingSettings).where(eq(invoicingSettings.coopId, coopId));
  return { memberValidationLimitCents: row?.memberValidationLimitCents ?? null };
}

export async function updateInvoicingSettings(db: Db, actor: Actor, input: InvoicingSettingsView): Promise<InvoicingSettingsView> {
  return db.transaction(async (tx) => {
    const before = await getInvoicingSettings(tx, actor.coopId);
    await tx
      .insert(invoicingSettings)
      .values({ coopId: actor.coopId, memberValidationLimitCents: input.memberValidationLimitCents })
      .onConflictDoUpdate({ target: invoicingSettings.coopId, set: { memberValidationLimitCents: input.memberValidationLimitCents, updatedAt: new Date() } });
    const after = { memberValidationLimitCents: input.memberValidationLimitCents };
    await recordAudit(tx, actor, { action: 'invoicing.settings_updated', entityType: 'coop', entityId: actor.coopId, before, after });
    return after;
  });
}
