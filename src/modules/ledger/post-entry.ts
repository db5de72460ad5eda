import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import { CHECK_VIOLATION, sqlConstraint, sqlState, UNIQUE_VIOLATION, type Executor } from '../../platform/db/client.js';
import { invalidField, platformErrors, type FieldError } from '../../platform/errors.js';
import { takeNextNumber } from '../../platform/numbering/take-next-number.js';
import { assertActivitiesExist } from '../activities/index.js';
import { auxiliaryNumbersOf, partiesOf } from './auxiliary-accounts.js';
import { postEntryInput, type EntryLineInput, type PostEntryInput } from './contract.js';
import { entryLinesProblem, reverseLines, type EntryLine } from './domain/entry-lines.js';
import { ledgerErrors } from './errors.js';
import { accounts, fiscalYears, journalEntries, journalEntryLines, journals } from './schema.js';

export interface NewEntry {
  journal: string;
  date: string;
  label: string;
  source: { type: string; id?: string | null };
  /** The document's number (the FEC's PieceRef), when known at the check. */
  documentRef?: string | null;
  lines: NewEntryLine[];
}

type NewEntryLine = EntryLineInput & Pick<EntryLine, 'auxiliary' | 'letteringKey'>;

function parseEntry(raw: NewEntry): PostEntryInput {
  // Other modules call this without the HTTP edge: the same schema applies to them.
  const parsed = postEntryInput.safeParse(raw);
  if (!parsed.success) {
    const fields: FieldError[] = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw platformErrors.VALIDATION_FAILED(fields);
  }
  return parsed.data;
}

/** The open fiscal year holding the date; a 400 on the date when none holds it, a 409 when it is closed. */
async function openYearOf(tx: Executor, coopId: string, date: string): Promise<string> {
  const [year] = await tx
    .select({ id: fiscalYears.id, closedAt: fiscalYears.closedAt })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.coopId, coopId), lte(fiscalYears.startDate, date), gte(fiscalYears.endDate, date)));
  if (!year) throw invalidField('date', { fr: "Aucun exercice comptable ne couvre cette date.", en: 'No fiscal year covers this date.' });
  if (year.closedAt) throw ledgerErrors.FISCAL_YEAR_CLOSED([{ path: 'date', message: ledgerErrors.FISCAL_YEAR_CLOSED().text }]);
  return year.id;
}

async function assertAccountsUsable(tx: Executor, coopId: string, lines: readonly EntryLineInput[]): Promise<void> {
  const numbers = [...new Set(lines.map((l) => l.account))];
  const rows = await tx
    .select({ number: accounts.number, active: accounts.active })
    .from(accounts)
    .where(and(eq(accounts.coopId, coopId), inArray(accounts.number, numbers)));
  const usable = new Set(rows.filter((r) => r.active).map((r) => r.number));
  const bad = lines.findIndex((l) => !usable.has(l.account));
  if (bad >= 0) {
    throw invalidField(`lines.${bad}.account`, { fr: 'Compte inconnu ou désactivé dans cette coopérative.', en: 'Unknown or deactivated account in this cooperative.' });
  }
}

/** The database re-checks what the code checked; a race with a closing lands here. */
function asLedgerViolation(err: unknown): unknown {
  if (sqlState(err) === CHECK_VIOLATION && sqlConstraint(err) === 'journal_entries_fiscal_year_open') {
    return ledgerErrors.FISCAL_YEAR_CLOSED([{ path: 'date', message: ledgerErrors.FISCAL_YEAR_CLOSED().text }]);
  }
  if (sqlState(err) === UNIQUE_VIOLATION && sqlConstraint(err) === 'ledger_journal_entries_reverses_key') return ledgerErrors.ENTRY_ALREADY_REVERSED();
  return err;
}

/** An entry whose journal, accounts, activities and fiscal year were checked: posting it only writes. */
export interface CheckedEntry {
  readonly input: PostEntryInput;
  readonly reversesEntryId: string | null;
  readonly fiscalYearId: string;
  /** The auxiliary account of each line, opened during the check (before any series lock of a document). */
  readonly auxiliaryNumbers: readonly (string | null)[];
}

async function checkParsedEntry(tx: Executor, coopId: string, input: PostEntryInput, reversesEntryId: string | null): Promise<CheckedEntry> {
  const problem = entryLinesProblem(input.lines);
  if (problem) throw invalidField(problem.path, problem.message);
  const [journal] = await tx
    .select({ code: journals.code })
    .from(journals)
    .where(and(eq(journals.coopId, coopId), eq(journals.code, input.journal)));
  if (!journal) throw invalidField('journal', { fr: 'Journal inconnu dans cette coopérative.', en: 'Unknown journal in this cooperative.' });
  await assertAccountsUsable(tx, coopId, input.lines);
  await assertActivitiesExist(tx, coopId, input.lines.flatMap((l) => (l.activityId ? [l.activityId] : [])), 'lines');
  const fiscalYearId = await openYearOf(tx, coopId, input.date);
  const auxiliaryNumbers = await auxiliaryNumbersOf(tx, coopId, input.lines);
  return { input, reversesEntryId, fiscalYearId, auxiliaryNumbers };
}

/**
 * Writes the entry with the next number of its fiscal year, taken here, after every check:
 * a refused entry burns no number, and the series lock is held only while writing.
 */
async function writeCheckedEntry(tx: Executor, actor: AuditActor, { input, reversesEntryId, fiscalYearId, auxiliaryNumbers }: CheckedEntry): Promise<{ id: string }> {
  try {
    const number = await takeNextNumber(tx, { coopId: actor.coopId, series: `ledger:${fiscalYearId}` });
    const [entry] = await tx
      .insert(journalEntries)
      .values({
        coopId: actor.coopId,
        fiscalYearId,
        number,
        journalCode: input.journal,
        entryDate: input.date,
        label: input.label,
        sourceType: input.source.type,
        sourceId: input.source.id ?? null,
        documentRef: input.documentRef ?? null,
        reversesEntryId,
        createdBy: actor.userId,
      })
      .returning({ id: journalEntries.id, number: journalEntries.number });
    await tx.insert(journalEntryLines).values(
      input.lines.map((l, i) => ({
        coopId: actor.coopId,
        entryId: entry.id,
        lineNo: i + 1,
        accountNumber: l.account,
        activityId: l.activityId ?? null,
        debitCents: l.debitCents ?? 0,
        creditCents: l.creditCents ?? 0,
        label: l.label ?? null,
        entryDate: input.date,
        auxiliaryNumber: auxiliaryNumbers[i] ?? null,
        letteringKey: l.letteringKey ?? null,
      })),
    );
    await recordAudit(tx, actor, {
      action: reversesEntryId ? 'journal_entry.reversed' : 'journal_entry.posted',
      entityType: 'journal_entry',
      entityId: entry.id,
      after: { number: entry.number, journal: input.journal, date: input.date, label: input.label, source: input.source, reversesEntryId, lines: input.lines },
    });
    return { id: entry.id };
  } catch (err) {
    throw asLedgerViolation(err);
  }
}

/**
 * Checks an entry without writing it, for a caller that must write it inside a short critical
 * section: invoice validation checks its sales entry before it takes the series counter, whose
 * lock every validation of the coop waits on, and then only writes. The database re-checks the
 * balance and the fiscal year at commit, so a year closed in between still refuses the entry.
 */
export async function checkEntry(tx: Executor, actor: AuditActor, raw: NewEntry): Promise<CheckedEntry> {
  return checkParsedEntry(tx, actor.coopId, parseEntry(raw), null);
}

/** Writes a checked entry, with its final label when it was not known at the check (a document number). */
export async function postCheckedEntry(tx: Executor, actor: AuditActor, entry: CheckedEntry, opts: { label?: string; documentRef?: string } = {}): Promise<{ id: string }> {
  const label = opts.label?.trim().slice(0, 300);
  const documentRef = opts.documentRef?.trim().slice(0, 40);
  return writeCheckedEntry(tx, actor, {
    ...entry,
    input: { ...entry.input, ...(label ? { label } : {}), ...(documentRef ? { documentRef } : {}) },
  });
}

/**
 * Posts a balanced entry in the caller's transaction (the invoicing, payments, expenses
 * modules post through it). Checked before writing: at least two lines, debits equal
 * credits, the journal, accounts and activities exist in the coop, and the date falls in
 * an open fiscal year. The database checks the balance and the year again at commit.
 */
export async function postEntry(tx: Executor, actor: AuditActor, raw: NewEntry): Promise<{ id: string }> {
  return writeCheckedEntry(tx, actor, await checkEntry(tx, actor, raw));
}

/**
 * Cancels a posted entry by a reversing one (contre-passation): same journal, accounts and
 * activities, debits and credits swapped, dated `date`. A posted entry is never changed;
 * this is how a mistake is corrected. An entry is reversed once at most.
 */
export async function reverseEntry(tx: Executor, actor: AuditActor, entryId: string, date: string, label?: string): Promise<{ id: string }> {
  const [entry] = await tx
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.coopId, actor.coopId), eq(journalEntries.id, entryId)));
  if (!entry) throw ledgerErrors.ENTRY_NOT_FOUND();
  const [already] = await tx
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(and(eq(journalEntries.coopId, actor.coopId), eq(journalEntries.reversesEntryId, entryId)));
  if (already) throw ledgerErrors.ENTRY_ALREADY_REVERSED();
  const lines = await tx
    .select()
    .from(journalEntryLines)
    .where(and(eq(journalEntryLines.coopId, actor.coopId), eq(journalEntryLines.entryId, entryId)))
    .orderBy(journalEntryLines.lineNo);
  // The reversal keeps who each line concerns and the invoice it belongs to: it cancels the line in the client's account too.
  const parties = await partiesOf(tx, actor.coopId, lines.flatMap((l) => (l.auxiliaryNumber ? [l.auxiliaryNumber] : [])));
  const input = parseEntry({
    journal: entry.journalCode,
    date,
    label: label ?? `Contre-passation de l'écriture n° ${entry.number} – ${entry.label}`.slice(0, 300),
    source: { type: entry.sourceType, id: entry.sourceId },
    documentRef: entry.documentRef,
    lines: reverseLines(
      lines.map((l) => ({
        account: l.accountNumber,
        debitCents: l.debitCents,
        creditCents: l.creditCents,
        activityId: l.activityId,
        label: l.label,
        auxiliary: l.auxiliaryNumber ? (parties.get(l.auxiliaryNumber) ?? null) : null,
        letteringKey: l.letteringKey,
      })),
    ),
  });
  return writeCheckedEntry(tx, actor, await checkParsedEntry(tx, actor.coopId, input, entryId));
}

/**
 * Posts an entry the platform computed itself (the opening entry of a year), past the edge's
 * limit of 500 lines: one line per client's balance can be many more. Every other check holds.
 */
export async function postComputedEntry(tx: Executor, actor: AuditActor, input: PostEntryInput): Promise<{ id: string }> {
  const parsed = postEntryInput.extend({ lines: postEntryInput.shape.lines.element.array() }).safeParse(input);
  if (!parsed.success) throw platformErrors.VALIDATION_FAILED(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  return writeCheckedEntry(tx, actor, await checkParsedEntry(tx, actor.coopId, parsed.data, null));
}
