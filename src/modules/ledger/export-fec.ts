import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { getCoop } from '../coops/index.js';
import { fecFileName, fecHeader, fecLine, letterCode, type FecSeparator } from './domain/fec.js';
import { ledgerErrors } from './errors.js';
import { fiscalYears, journalEntries } from './schema.js';

/** Entries read per query: a few thousand lines in memory at most, whatever the year's size. */
const ENTRIES_PER_BATCH = 500;

interface Row {
  number: number;
  journal_code: string;
  journal_label: string;
  entry_date: string;
  account_number: string;
  account_label: string;
  auxiliary_number: string | null;
  auxiliary_label: string | null;
  document_ref: string | null;
  entry_label: string;
  line_label: string | null;
  debit_cents: string | number;
  credit_cents: string | number;
  valid_date: string;
  group_balance: string | number | null;
  cleared_on: string | null;
  first_position: string | number | null;
}

const isoDate = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * One batch of lines, entries `from`..`to` of the year (numbers are continuous, so a range of
 * numbers is a keyset page read from the (coop, year, number) key).
 *
 * Lettering: the 411 lines of one invoice (its sales entry, the payments and credit notes that
 * settle it) carry its id as `lettering_key`; they are lettered together when they add up to zero
 * by the year's end, dated the last of them (when the invoice was fully cleared). Opening
 * entries restate balances and are left out of the groups. The letter comes from the group's
 * first line in the year, so it is the same on every line of the group and unique in the file.
 */
async function batch(db: Executor, coopId: string, year: { id: string; startDate: string; endDate: string }, from: number, to: number): Promise<Row[]> {
  // The batch's lines first, then each lettering group of the batch summed once (an invoice
  // and the payment clearing it are mostly in the same batch), rather than once per line.
  const result = await db.execute(sql`
    with page as (
      select e.number, e.journal_code, j.label as journal_label, e.entry_date, l.account_number, a.label as account_label,
        l.auxiliary_number, x.label as auxiliary_label, e.document_ref, e.label as entry_label, l.label as line_label,
        l.debit_cents, l.credit_cents, to_char(e.posted_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as valid_date,
        l.line_no, case when e.source_type <> 'carried_forward' then l.lettering_key end as lettering_key
      from ledger_journal_entries e
      join ledger_journal_entry_lines l on l.coop_id = e.coop_id and l.entry_id = e.id
      join ledger_journals j on j.coop_id = e.coop_id and j.code = e.journal_code
      join ledger_accounts a on a.coop_id = l.coop_id and a.number = l.account_number
      left join ledger_auxiliary_accounts x on x.coop_id = l.coop_id and x.number = l.auxiliary_number
      where e.coop_id = ${coopId} and e.fiscal_year_id = ${year.id} and e.number between ${from} and ${to}
    ), groups as (
      select gl.lettering_key, sum(gl.debit_cents - gl.credit_cents) as group_balance, max(gl.entry_date) as cleared_on,
        min(case when gl.entry_date >= ${year.startDate} then ge.number::bigint * 1000 + gl.line_no end) as first_position
      from ledger_journal_entry_lines gl
      join ledger_journal_entries ge on ge.coop_id = gl.coop_id and ge.id = gl.entry_id
      where gl.coop_id = ${coopId} and gl.lettering_key in (select distinct lettering_key from page where lettering_key is not null)
        and gl.entry_date <= ${year.endDate} and ge.source_type <> 'carried_forward'
      group by gl.lettering_key
    )
    select p.*, g.group_balance, g.cleared_on, g.first_position
    from page p left join groups g on g.lettering_key = p.lettering_key
    order by p.number, p.line_no`);
  return (result as unknown as { rows: Row[] }).rows;
}

function* linesOf(rows: readonly Row[], separator: FecSeparator): Generator<string> {
  for (const r of rows) {
    const cleared = r.group_balance !== null && Number(r.group_balance) === 0 && r.first_position !== null;
    yield fecLine(
      {
        journalCode: r.journal_code,
        journalLabel: r.journal_label,
        entryNumber: Number(r.number),
        entryDate: isoDate(r.entry_date),
        accountNumber: r.account_number,
        accountLabel: r.account_label,
        auxiliaryNumber: r.auxiliary_number,
        auxiliaryLabel: r.auxiliary_label,
        // Every line names a piece; an entry without a document number (a manual one) is its own piece.
        pieceRef: r.document_ref ?? `${r.journal_code}${r.number}`,
        pieceDate: isoDate(r.entry_date),
        label: r.line_label ? `${r.entry_label} – ${r.line_label}` : r.entry_label,
        debitCents: Number(r.debit_cents),
        creditCents: Number(r.credit_cents),
        letter: cleared ? letterCode(Number(r.first_position)) : null,
        letterDate: cleared ? isoDate(r.cleared_on!) : null,
        validDate: r.valid_date,
      },
      separator,
    );
  }
}

/**
 * The FEC of a fiscal year as a stream: the header, then the year's entries in number order,
 * read batch by batch as the client takes them (Readable.from pauses the generator while the
 * socket is full), so a year of millions of lines never sits in memory.
 */
export async function exportFec(db: Executor, coopId: string, q: { fiscalYearId: string; separator: FecSeparator }): Promise<{ fileName: string; stream: Readable }> {
  const [year] = await db
    .select()
    .from(fiscalYears)
    .where(and(eq(fiscalYears.coopId, coopId), eq(fiscalYears.id, q.fiscalYearId)));
  if (!year) throw ledgerErrors.FISCAL_YEAR_NOT_FOUND();
  const coop = await getCoop(db, coopId);
  // Entries posted after this read are left for the next export: the file is the year as it stood now.
  const [{ last }] = await db
    .select({ last: sql<number>`coalesce(max(${journalEntries.number}), 0)`.mapWith(Number) })
    .from(journalEntries)
    .where(and(eq(journalEntries.coopId, coopId), eq(journalEntries.fiscalYearId, year.id)));
  async function* generate(): AsyncGenerator<string> {
    yield fecHeader(q.separator);
    for (let from = 1; from <= last; from += ENTRIES_PER_BATCH) {
      const rows = await batch(db, coopId, year!, from, Math.min(last, from + ENTRIES_PER_BATCH - 1));
      // One chunk per batch: fewer, larger writes to the socket.
      yield [...linesOf(rows, q.separator)].join('');
    }
  }
  // One batch read ahead at most (the default buffers 16): what waits for the socket is a
  // few hundred kilobytes, whatever the client's speed.
  return { fileName: fecFileName(coop.siren, year.endDate), stream: Readable.from(generate(), { highWaterMark: 1 }) };
}
