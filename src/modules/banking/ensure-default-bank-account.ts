import { recordAudit } from '../../platform/audit/record-audit.js';
import { eq } from 'drizzle-orm';

import type { Executor } from '../../platform/db/client.js';
import type { AuditActor } from '../../platform/audit/record-audit.js';
import { normalizeIban } from '../../platform/identifiers/iban.js';
import { getCoop } from '../coops/index.js';
import { bankAccounts, type BankAccountRow } from './schema.js';

/**
 * The coop's bank accounts, opening the first one from the IBAN of its settings when it has
 * none yet (booked on 512 in the BQ journal, as every payment was before accounts existed):
 * a coop imports its first statement without setting up anything. Called by operations that
 * write, never by a read.
 */
export async function ensureDefaultBankAccount(tx: Executor, actor: AuditActor): Promise<BankAccountRow[]> {
  const existing = await tx.select().from(bankAccounts).where(eq(bankAccounts.coopId, actor.coopId));
  if (existing.length > 0) return existing;
  const coop = await getCoop(tx, actor.coopId);
  const created = await tx
    .insert(bankAccounts)
    .values({ coopId: actor.coopId, label: 'Compte principal', iban: normalizeIban(coop.iban), bic: coop.bic || null })
    .onConflictDoNothing()
    .returning();
  for (const row of created) {
    await recordAudit(tx, actor, { action: 'bank_account.created', entityType: 'bank_account', entityId: row.id, after: { label: row.label, iban: row.iban, ledgerAccount: row.ledgerAccount, journalCode: row.journalCode, currency: row.currency } });
  }
  return tx.select().from(bankAccounts).where(eq(bankAccounts.coopId, actor.coopId));
}
