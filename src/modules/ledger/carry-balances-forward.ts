import { and, eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import { partiesOf } from './auxiliary-accounts.js';
import { dayAfter, openingLines } from './domain/fiscal-years.js';
import { JOURNALS } from './domain/posting-rules.js';
import { openJournalIfMissing } from './open-journal-if-missing.js';
import { postComputedEntry } from './post-entry.js';
import { fiscalYears, journalEntries } from './schema.js';

/** PCG 120 Résultat de l'exercice (bénéfice), where the opening entry puts the result. */
const RESULT_ACCOUNT = '120';

type Year = { id: string; startDate: string; endDate: string; closedAt: Date | null };

/**
 * Posts the opening entry (à-nouveaux, journal AN) of the year following a closed one, dated its
 * first day: every balance-sheet account as it stood at the closing, per client's auxiliary
 * account, and the result into 120 (see `openingLines`). Once per year: a second call finds it
 * (the unique key ledger_journal_entries_opening_key holds it under concurrency too). Nothing
 * to do while the next year is not open or the closed one is not closed. Lines carry no
 * activity: an activity's balances are cumulative from its first entry and need no restating.
 */
export async function carryBalancesForward(tx: Executor, actor: AuditActor, closed: Year, next: Year): Promise<{ id: string } | null> {
  if (!closed.closedAt || next.closedAt || next.startDate !== dayAfter(closed.endDate)) return null;
  const [already] = await tx
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.coopId, actor.coopId),
        eq(journalEntries.fiscalYearId, next.id),
        eq(journalEntries.sourceType, 'carried_forward'),
        sql`${journalEntries.reversesEntryId} is null`,
      ),
    );
  if (already) return null;
  const result = await tx.execute(sql`
    select l.account_number as account, l.auxiliary_number, sum(l.debit_cents - l.credit_cents) as balance
    from ledger_journal_entry_lines l
    where l.coop_id = ${actor.coopId} and l.entry_date <= ${closed.endDate}
      and not exists (select 1 from ledger_journal_entries e where e.coop_id = l.coop_id and e.id = l.entry_id and e.source_type = 'carried_forward')
    group by 1, 2
    order by 1, 2`);
  const balances = (result as unknown as { rows: { account: string; auxiliary_number: string | null; balance: string | number }[] }).rows.map((r) => ({
    account: r.account,
    auxiliaryNumber: r.auxiliary_number,
    balanceCents: Number(r.balance),
  }));
  const lines = openingLines(balances, RESULT_ACCOUNT);
  if (lines.length < 2) return null;
  await openJournalIfMissing(tx, actor, JOURNALS.opening, 'À-nouveaux');
  const parties = await partiesOf(tx, actor.coopId, lines.flatMap((l) => (l.auxiliaryNumber ? [l.auxiliaryNumber] : [])));
  const entry = await postComputedEntry(tx, actor, {
    journal: JOURNALS.opening,
    date: next.startDate,
    label: `À-nouveaux de l'exercice du ${closed.startDate} au ${closed.endDate}`,
    source: { type: 'carried_forward', id: closed.id },
    documentRef: `AN-${closed.endDate.slice(0, 4)}`,
    lines: lines.map((l) => ({
      account: l.account,
      ...(l.debitCents ? { debitCents: l.debitCents } : { creditCents: l.creditCents }),
      activityId: null,
      auxiliary: l.auxiliaryNumber ? (parties.get(l.auxiliaryNumber) ?? null) : null,
    })),
  });
  await recordAudit(tx, actor, {
    action: 'fiscal_year.balances_carried_forward',
    entityType: 'fiscal_year',
    entityId: next.id,
    after: { fromFiscalYearId: closed.id, entryId: entry.id, lines: lines.length },
  });
  return entry;
}

/** The fiscal year starting the day after `endDate`, or ending the day before `startDate`. */
export async function neighbourYear(tx: Executor, coopId: string, where: { startDate: string } | { endDate: string }): Promise<Year | undefined> {
  const [row] = await tx
    .select()
    .from(fiscalYears)
    .where(and(eq(fiscalYears.coopId, coopId), 'startDate' in where ? eq(fiscalYears.startDate, where.startDate) : eq(fiscalYears.endDate, where.endDate)));
  return row;
}
