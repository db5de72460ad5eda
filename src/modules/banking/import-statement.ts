import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField, platformErrors, type FieldError } from '../../platform/errors.js';
import { enqueueJob } from '../../platform/jobs/enqueue-job.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import type { ImportFields, ImportResult } from './contract.js';
import { decodeStatementText } from './domain/decode-statement-text.js';
import type { CsvColumnMapping } from './domain/parse-csv-statement.js';
import { readStatementFile, type StatementSource } from './domain/read-statement-file.js';
import { maskIban } from './domain/mask-iban.js';
import type { StatementProblem } from './domain/statement-problem.js';
import { ensureDefaultBankAccount } from './ensure-default-bank-account.js';
import { BANK_STATEMENT_IMPORTED } from './match-imported-statement.js';
import { summariesOf } from './list-statements.js';
import { bankStatementLines, bankStatements, type BankAccountRow } from './schema.js';
import { statementFileKey } from './statement-file.js';

export interface UploadedStatementFile {
  fileName: string;
  bytes: Buffer;
}

/** A few problems are enough to fix a file; a thousand in one answer help nobody. */
const MAX_PROBLEMS_SHOWN = 20;

function mappingOf(fields: ImportFields): CsvColumnMapping {
  const common = {
    date: fields.dateColumn!,
    label: fields.labelColumn!,
    ...(fields.referenceColumn ? { reference: fields.referenceColumn } : {}),
    ...(fields.counterpartyColumn ? { counterparty: fields.counterpartyColumn } : {}),
    ...(fields.valueDateColumn ? { valueDate: fields.valueDateColumn } : {}),
  };
  return fields.amountColumn ? { ...common, amount: fields.amountColumn } : { ...common, debit: fields.debitColumn!, credit: fields.creditColumn! };
}

/** Every problem of the file as a 400 naming the line and the column or element of each. */
function refusal(problems: StatementProblem[]) {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  const fields: FieldError[] = shown.map((p) => ({
    path: 'file',
    message: {
      fr: `Ligne ${p.line}${p.column ? `, ${p.column}` : ''} : ${p.message.fr}`,
      en: `Line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message.en}`,
    },
  }));
  const more = problems.length - shown.length;
  if (more > 0) fields.push({ path: 'file', message: { fr: `… et ${more} autre(s) problème(s).`, en: `… and ${more} more problem(s).` } });
  return platformErrors.VALIDATION_FAILED(fields);
}

/**
 * Imports a bank file: every booked line whose fingerprint the coop has not seen yet, in one
 * transaction. A line already imported (the same file again, or a statement overlapping days
 * already imported) is counted and left out, never inserted twice: the unique fingerprint per
 * coop decides, also when two people upload the same file at once (ON CONFLICT DO NOTHING).
 * A file that adds nothing creates no statement and stores nothing.
 *
 * The file is stored (key by statement) so the bank's own document behind every booked
 * payment can be produced to an auditor, with its SHA-256 in the statement row.
 */
export async function importStatement(db: Db, storage: FileStorage, actor: Actor, fields: ImportFields, file: UploadedStatementFile): Promise<ImportResult> {
  const text = decodeStatementText(file.bytes);
  const accounts = await db.transaction((tx) => ensureDefaultBankAccount(tx, actor));
  let source: StatementSource;
  let csvAccount: BankAccountRow | null = null;
  if (fields.format === 'csv') {
    csvAccount = chosenAccount(accounts, fields);
    source = {
      format: 'csv',
      text,
      mapping: mappingOf(fields),
      options: { dateOrder: fields.dateOrder, decimalSeparator: fields.decimalSeparator },
      accountIban: csvAccount.iban,
      fileName: file.fileName,
    };
  } else {
    source = { format: 'camt053', text };
  }
  const parsed = readStatementFile(source);
  if (!parsed.ok) throw refusal(parsed.problems);
  const { notBooked } = parsed.value;
  const statements = parsed.value.statements.map((statement) => ({ ...statement, account: csvAccount ?? accountNamed(accounts, statement) }));
  const lineTotal = statements.reduce((sum, s) => sum + s.lines.length, 0);

  const known = await knownFingerprints(db, actor.coopId, statements.flatMap((s) => s.lines.map((l) => l.fingerprint)));
  const fresh = statements.filter((s) => s.lines.some((l) => !known.has(l.fingerprint)));
  if (fresh.length === 0) return { statements: [], addedCount: 0, alreadyImportedCount: lineTotal, notBookedCount: notBooked };

  const ids = fresh.map(() => randomUUID());
  const keys = ids.map((id) => statementFileKey(actor.coopId, id));
  let fileSha256 = '';
  for (const key of keys) fileSha256 = (await storage.put(key, file.bytes)).sha256;
  try {
    const created = await db.transaction(async (tx) => {
      const kept: string[] = [];
      let added = 0;
      for (const [i, statement] of fresh.entries()) {
        const id = ids[i]!;
        await tx.insert(bankStatements).values({
          id,
          coopId: actor.coopId,
          format: fields.format,
          bankAccountId: statement.account.id,
          accountIban: statement.account.iban,
          currency: statement.account.currency,
          openingBalanceCents: statement.openingBalanceCents,
          closingBalanceCents: statement.closingBalanceCents,
          statementRef: statement.statementRef,
          importedBy: actor.userId,
          fileSha256,
        });
        const inserted: { id: string }[] = [];
        // In chunks: PostgreSQL takes at most 65,535 parameters in one statement.
        for (let from = 0; from < statement.lines.length; from += 1000) {
          const rows = await tx
            .insert(bankStatementLines)
            .values(
              statement.lines.slice(from, from + 1000).map((line) => ({
                coopId: actor.coopId,
                statementId: id,
                fingerprint: line.fingerprint,
                bookingDate: line.bookingDate,
                amountCents: line.amountCents,
                label: line.label,
                reference: line.reference,
                counterparty: line.counterparty,
                endToEndId: line.endToEndId,
                batchRef: line.batchRef,
                isReturn: line.isReturn,
                returnReason: line.returnReason,
              })),
            )
            .onConflictDoNothing({ target: [bankStatementLines.coopId, bankStatementLines.fingerprint] })
            .returning({ id: bankStatementLines.id });
          inserted.push(...rows);
        }
        if (inserted.length === 0) {
          // Another import took every line of it meanwhile: no empty statement is left behind.
          await tx.delete(bankStatements).where(and(eq(bankStatements.coopId, actor.coopId), eq(bankStatements.id, id)));
          continue;
        }
        added += inserted.length;
        kept.push(id);
        // Other modules (payouts, debits) recognise their transfers in the new lines after the commit.
        await enqueueJob(tx, { coopId: actor.coopId, kind: BANK_STATEMENT_IMPORTED, payload: { statementId: id } });
        await recordAudit(tx, actor, {
          action: 'bank_statement.imported',
          entityType: 'bank_statement',
          entityId: id,
          after: { format: fields.format, bankAccountId: statement.account.id, accountIban: statement.account.iban, statementRef: statement.statementRef, fileSha256, fileName: file.fileName, addedLines: inserted.length, alreadyImportedLines: statement.lines.length - inserted.length },
        });
      }
      return { kept, added };
    });
    const dropped = keys.filter((_, i) => !created.kept.includes(ids[i]!));
    for (const key of dropped) await storage.remove(key).catch(() => undefined);
    return {
      statements: await summariesOf(db, actor.coopId, created.kept),
      addedCount: created.added,
      alreadyImportedCount: lineTotal - created.added,
      notBookedCount: notBooked,
    };
  } catch (err) {
    for (const key of keys) await storage.remove(key).catch(() => undefined);
    throw err;
  }
}

/**
 * The account a CSV statement goes to: the one chosen in the form, else the one with the IBAN
 * given, else the coop's only account. A CSV names no account, so with several it must be chosen.
 */
function chosenAccount(accounts: BankAccountRow[], fields: ImportFields): BankAccountRow {
  if (fields.bankAccountId) {
    const chosen = accounts.find((a) => a.id === fields.bankAccountId);
    if (!chosen) throw invalidField('bankAccountId', { fr: 'Ce compte bancaire n’est pas un compte de la coopérative.', en: 'This bank account is not an account of the cooperative.' });
    return chosen;
  }
  if (fields.accountIban) {
    const named = accounts.find((a) => a.iban === fields.accountIban);
    if (!named) throw invalidField('accountIban', unknownAccount(fields.accountIban));
    return named;
  }
  if (accounts.length === 1) return accounts[0]!;
  throw invalidField('bankAccountId', { fr: 'Choisissez le compte bancaire de ce relevé : la coopérative en a plusieurs.', en: 'Choose the bank account of this statement: the cooperative has several.' });
}

const unknownAccount = (id: string) => ({
  fr: `Ce relevé est celui du compte ${maskIban(id)}, qui n’est pas un compte bancaire de la coopérative : ajoutez-le dans les réglages (Banque) ou importez le relevé du bon compte.`,
  en: `This statement is for account ${maskIban(id)}, which is not a bank account of the cooperative: add it in the settings (Bank) or import the statement of the right account.`,
});

/**
 * The coop's account a camt.053 statement names, by IBAN or by the bank's other identifier,
 * in the currency the bank states: a statement of another account, or of the right account
 * in another currency, is refused with the reason, never imported into the wrong books.
 */
function accountNamed(accounts: BankAccountRow[], statement: { accountIban: string | null; accountOtherId: string | null; currency: string | null }): BankAccountRow {
  const account = statement.accountIban
    ? accounts.find((a) => a.iban === statement.accountIban)
    : accounts.find((a) => a.otherId !== null && a.otherId === statement.accountOtherId);
  if (!account) throw invalidField('file', unknownAccount(statement.accountIban ?? statement.accountOtherId ?? ''));
  if (statement.currency && statement.currency !== account.currency) {
    throw invalidField('file', {
      fr: `Ce relevé est en ${statement.currency} ; le compte ${account.label} (${maskIban(account.iban)}) est tenu en ${account.currency}.`,
      en: `This statement is in ${statement.currency}; account ${account.label} (${maskIban(account.iban)}) is kept in ${account.currency}.`,
    });
  }
  return account;
}

async function knownFingerprints(db: Db, coopId: string, fingerprints: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  // In slices: a year of statement lines in one IN list would be a very long statement.
  for (let i = 0; i < fingerprints.length; i += 1000) {
    const slice = fingerprints.slice(i, i + 1000);
    const rows = await db
      .select({ fingerprint: bankStatementLines.fingerprint })
      .from(bankStatementLines)
      .where(and(eq(bankStatementLines.coopId, coopId), inArray(bankStatementLines.fingerprint, slice)));
    for (const row of rows) known.add(row.fingerprint);
  }
  return known;
}
