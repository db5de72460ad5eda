import { and, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlState, UNIQUE_VIOLATION, type Db, type Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { openAccountIfMissing, openJournalIfMissing } from '../ledger/index.js';
import type { BankAccount, CreateBankAccountInput, UpdateBankAccountInput } from './debit-contract.js';
import { ensureDefaultBankAccount } from './ensure-default-bank-account.js';
import { bankingErrors } from './errors.js';
import { bankAccountOf, bankAccountView } from './list-bank-accounts.js';
import { bankAccounts, bankStatements, type BankAccountRow } from './schema.js';

/** The 512 sub-account and the journal of a bank account exist in the ledger before anything is booked on them. */
async function openLedgerSide(tx: Executor, actor: Actor, row: BankAccountRow): Promise<void> {
  await openAccountIfMissing(tx, actor, row.ledgerAccount, `Banque – ${row.label}`.slice(0, 200));
  await openJournalIfMissing(tx, actor, row.journalCode, `Banque – ${row.label}`.slice(0, 100));
}

const taken = (err: unknown) => (sqlState(err) === UNIQUE_VIOLATION ? bankingErrors.BANK_ACCOUNT_IBAN_TAKEN([{ path: 'iban', message: bankingErrors.BANK_ACCOUNT_IBAN_TAKEN().text }]) : err);

const audited = (row: BankAccountRow) => ({ label: row.label, iban: row.iban, otherId: row.otherId, bic: row.bic, currency: row.currency, ledgerAccount: row.ledgerAccount, journalCode: row.journalCode });

/** Adds a bank account to the coop (the settings' IBAN is opened as the first one if it was not yet). */
export async function createBankAccount(db: Db, actor: Actor, input: CreateBankAccountInput): Promise<BankAccount> {
  try {
    return await db.transaction(async (tx) => {
      await ensureDefaultBankAccount(tx, actor);
      const [row] = await tx
        .insert(bankAccounts)
        .values({ coopId: actor.coopId, label: input.label, iban: input.iban, otherId: input.otherId ?? null, bic: input.bic ?? null, currency: input.currency, ledgerAccount: input.ledgerAccount, journalCode: input.journalCode })
        .returning();
      await openLedgerSide(tx, actor, row!);
      await recordAudit(tx, actor, { action: 'bank_account.created', entityType: 'bank_account', entityId: row!.id, after: audited(row!) });
      return bankAccountView(row!, 0);
    });
  } catch (err) {
    throw taken(err);
  }
}

/**
 * Edits a bank account. Once statements were imported into it, its IBAN and currency are what
 * those statements were checked against, so they no longer change; its label, BIC, 512
 * sub-account and journal may (what is already booked stays where it was booked).
 */
export async function updateBankAccount(db: Db, actor: Actor, id: string, input: UpdateBankAccountInput): Promise<BankAccount> {
  try {
    return await db.transaction(async (tx) => {
      const before = await bankAccountOf(tx, actor.coopId, id);
      const [{ n }] = await tx.select({ n: count() }).from(bankStatements).where(and(eq(bankStatements.coopId, actor.coopId), eq(bankStatements.bankAccountId, id)));
      const statementCount = Number(n);
      const changesIdentity = (input.iban !== undefined && input.iban !== before.iban) || (input.currency !== undefined && input.currency !== before.currency);
      if (statementCount > 0 && changesIdentity) throw bankingErrors.BANK_ACCOUNT_HAS_STATEMENTS();
      const [row] = await tx
        .update(bankAccounts)
        .set(input)
        .where(and(eq(bankAccounts.coopId, actor.coopId), eq(bankAccounts.id, id)))
        .returning();
      await openLedgerSide(tx, actor, row!);
      await recordAudit(tx, actor, { action: 'bank_account.updated', entityType: 'bank_account', entityId: id, before: audited(before), after: audited(row!) });
      return bankAccountView(row!, statementCount);
    });
  } catch (err) {
    throw taken(err);
  }
}
