import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { QuotesSettingsView } from './contract.js';
import { quotesSettings } from './schema.js';

/**
 * The coop's quote settings, created with their defaults on first use: validation by staff
 * on (the coop carries the commitment), and a fresh 256-bit secret for its portal links.
 */
export async function quotesSettingsOf(db: Executor, coopId: string): Promise<{ needsValidation: boolean; portalSecret: string }> {
  const [existing] = await db.select().from(quotesSettings).where(eq(quotesSettings.coopId, coopId));
  if (existing) return existing;
  // Two first uses at once: the second insert does nothing and both read the winner's secret.
  await db
    .insert(quotesSettings)
    .values({ coopId, needsValidation: true, portalSecret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(quotesSettings).where(eq(quotesSettings.coopId, coopId));
  return row!;
}

export async function getQuotesSettings(db: Executor, coopId: string): Promise<QuotesSettingsView> {
  const { needsValidation } = await quotesSettingsOf(db, coopId);
  return { needsValidation };
}

export async function updateQuotesSettings(db: Db, actor: Actor, input: QuotesSettingsView): Promise<QuotesSettingsView> {
  return db.transaction(async (tx) => {
    const before = await quotesSettingsOf(tx, actor.coopId);
    await tx.update(quotesSettings).set({ needsValidation: input.needsValidation, updatedAt: new Date() }).where(eq(quotesSettings.coopId, actor.coopId));
    await recordAudit(tx, actor, {
      action: 'quotes.settings_updated',
      entityType: 'coop',
      entityId: actor.coopId,
      before: { needsValidation: before.needsValidation },
      after: { needsValidation: input.needsValidation },
    });
    return { needsValidation: input.needsValidation };
  });
}
