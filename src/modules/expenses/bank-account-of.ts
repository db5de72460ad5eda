import type { AuditActor } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { ensureDefaultBankAccount } from '../banking/index.js';

/** The coop's bank account money leaves from (its ledger account and journal): the one named, or its first. */
export async function bankAccountOf(tx: Executor, actor: AuditActor, bankAccountId: string | undefined): Promise<{ ledgerAccount: string; journalCode: string }> {
  const accounts = await ensureDefaultBankAccount(tx, actor);
  const account = bankAccountId ? accounts.find((a) => a.id === bankAccountId) : accounts[0];
  if (!account) throw invalidField('bankAccountId', { fr: 'Compte bancaire inconnu dans cette coopérative.', en: 'Unknown bank account in this cooperative.' });
  return { ledgerAccount: account.ledgerAccount, journalCode: account.journalCode };
}
