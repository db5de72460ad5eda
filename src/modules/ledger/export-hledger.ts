import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activitySummaries } from '../activities/index.js';
import { HLEDGER_HEADER, hledgerTransaction, type HledgerEntry } from './domain/hledger.js';

const ENTRIES_PER_BATCH = 2000;

interface Row {
  id: string;
  entry_date: string | Date;
  number: number;
  journal_code: string;
  label: string;
  source_type: string;
  account_number: string;
  auxiliary_number: string | null;
  activity_id: string | null;
  debit_cents: string | number;
  credit_cents: string | number;
  line_label: string | null;
}

const isoDate = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * The entries of a period in hledger's journal format, streamed in date and number order by
 * keyset pages. Opening entries (à-nouveaux) are left out: they restate balances the period's
 * own movements already lead to, as the trial balance does.
 */
export function exportHledger(db: Executor, coopId: string, q: { from: string; to: string }): Readable {
  async function* generate(): AsyncGenerator<string> {
    yield HLEDGER_HEADER;
    let after = { date: '0001-01-01', number: 0 };
    for (;;) {
      const result = await db.execute(sql`
        with page as (
          select e.id, e.entry_date, e.number, e.journal_code, e.label, e.source_type from ledger_journal_entries e
          where e.coop_id = ${coopId} and e.entry_date between ${q.from} and ${q.to} and e.source_type <> 'carried_forward'
            and (e.entry_date, e.number) > (${after.date}::date, ${after.number})
          order by e.entry_date, e.number limit ${ENTRIES_PER_BATCH})
        select p.*, l.account_number, l.auxiliary_number, l.activity_id, l.debit_cents, l.credit_cents, l.label as line_label
        from page p join ledger_journal_entry_lines l on l.coop_id = ${coopId} and l.entry_id = p.id
        order by p.entry_date, p.number, l.line_no`);
      const rows = (result as unknown as { rows: Row[] }).rows;
      if (!rows.length) return;
      const codes = await activitySummaries(db, coopId, rows.flatMap((r) => (r.activity_id ? [r.activity_id] : [])));
      const entries: HledgerEntry[] = [];
      for (const r of rows) {
        let entry = entries.at(-1);
        if (!entry || entry.number !== Number(r.number) || entry.date !== isoDate(r.entry_date)) {
          entry = { date: isoDate(r.entry_date), journalCode: r.journal_code, number: Number(r.number), label: r.label, sourceType: r.source_type, lines: [] };
          entries.push(entry);
        }
        (entry.lines as HledgerEntry['lines'][number][]).push({
          account: r.account_number,
          auxiliaryNumber: r.auxiliary_number,
          activityCode: r.activity_id ? (codes.get(r.activity_id)?.code ?? null) : null,
          debitCents: Number(r.debit_cents),
          creditCents: Number(r.credit_cents),
          label: r.line_label,
        });
      }
      yield entries.map(hledgerTransaction).join('');
      const last = entries.at(-1)!;
      after = { date: last.date, number: last.number };
    }
  }
  return Readable.from(generate());
}
