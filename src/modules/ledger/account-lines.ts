import { and, asc, eq, lte, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { journalEntries as e, journalEntryLines as l } from './schema.js';

export interface AccountLine {
  entryId: string;
  entryNumber: number;
  /** Set on a reversing entry (contre-passation): the entry it cancels. */
  reversesEntryId: string | null;
  date: string;
  label: string;
  /** What posted the entry (`payment`, `bank_line`…) and its id: how another module finds its own entries. */
  sourceType: string;
  sourceId: string | null;
  /** Debit minus credit. */
  amountCents: number;
}

/**
 * Every line posted to one account up to a date included, in date order, with the entry's
 * source: the bank reconciliation tells which of them the bank has already shown. Opening
 * entries are left out: they restate balances these lines already make.
 */
export async function accountLines(db: Executor, coopId: string, q: { account: string; to: string }): Promise<AccountLine[]> {
  const rows = await db
    .select({
      entryId: l.entryId,
      entryNumber: e.number,
      reversesEntryId: e.reversesEntryId,
      date: l.entryDate,
      entryLabel: e.label,
      lineLabel: l.label,
      sourceType: e.sourceType,
      sourceId: e.sourceId,
      debitCents: l.debitCents,
      creditCents: l.creditCents,
    })
    .from(l)
    .innerJoin(e, and(eq(e.coopId, l.coopId), eq(e.id, l.entryId)))
    .where(and(eq(l.coopId, coopId), eq(l.accountNumber, q.account), lte(l.entryDate, q.to), ne(e.sourceType, 'carried_forward')))
    .orderBy(asc(l.entryDate), asc(e.number), asc(l.lineNo));
  return rows.map((r) => ({
    entryId: r.entryId,
    entryNumber: Number(r.entryNumber),
    reversesEntryId: r.reversesEntryId,
    date: r.date,
    label: r.lineLabel ? `${r.entryLabel} – ${r.lineLabel}` : r.entryLabel,
    sourceType: r.sourceType,
    sourceId: r.sourceId,
    amountCents: Number(r.debitCents) - Number(r.creditCents),
  }));
}
