import { and, asc, count, eq, gte, inArray, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { dailyVatTotals as vt, journalEntries as e, journalEntryLines as l } from './schema.js';

/** The accounts whose totals are kept by day and label (ledger_daily_vat_totals): the VAT accounts. */
function assertVatAccounts(accounts: readonly string[]): void {
  const other = accounts.find((a) => !a.startsWith('445'));
  if (other !== undefined) throw new RangeError(`totals by label are kept for the VAT accounts (445) only, not ${other}`);
}

function keptVatTotalsWhere(coopId: string, q: { accounts: readonly string[]; from: string | null; to: string; labels?: readonly string[] }): SQL {
  const where: SQL[] = [eq(vt.coopId, coopId), inArray(vt.accountNumber, [...q.accounts]), lte(vt.day, q.to)];
  if (q.from) where.push(gte(vt.day, q.from));
  if (q.labels) where.push(inArray(vt.label, [...q.labels]));
  return and(...where)!;
}

/**
 * Sums of a period's lines on some VAT accounts, by account and line label (the VAT lines name
 * their rate in it), read from the kept daily totals: a quarter is about 90 rows per account
 * and label, whatever the number of lines. Opening entries are not in them; the few entries a
 * caller must also leave out it subtracts itself (see `linesOfSources`).
 */
export async function periodTotalsByLabel(
  db: Executor,
  coopId: string,
  q: { accounts: readonly string[]; from: string; to: string },
): Promise<{ account: string; label: string | null; debitCents: number; creditCents: number }[]> {
  assertVatAccounts(q.accounts);
  return db
    .select({
      account: vt.accountNumber,
      label: vt.label,
      debitCents: sql<number>`coalesce(sum(${vt.debitCents}), 0)`.mapWith(Number),
      creditCents: sql<number>`coalesce(sum(${vt.creditCents}), 0)`.mapWith(Number),
    })
    .from(vt)
    .where(keptVatTotalsWhere(coopId, q))
    .groupBy(vt.accountNumber, vt.label);
}

export interface SourceLine {
  entryId: string;
  date: string;
  sourceType: string;
  sourceId: string | null;
  account: string;
  label: string | null;
  debitCents: number;
  creditCents: number;
}

/** The lines some accounts hold from the entries of given sources (an invoice's sales entry, its credit notes…), reversals included. */
export async function linesOfSources(
  db: Executor,
  coopId: string,
  q: { sources: readonly { type: string; ids: readonly string[] }[]; accounts: readonly string[]; from?: string; to?: string },
): Promise<SourceLine[]> {
  const bySource = q.sources.filter((s) => s.ids.length > 0).map((s) => and(eq(e.sourceType, s.type), inArray(e.sourceId, [...s.ids]))!);
  if (bySource.length === 0) return [];
  const where: SQL[] = [eq(e.coopId, coopId), or(...bySource)!, inArray(l.accountNumber, [...q.accounts])];
  if (q.from) where.push(gte(e.entryDate, q.from));
  if (q.to) where.push(lte(e.entryDate, q.to));
  const rows = await db
    .select({ entryId: e.id, date: e.entryDate, sourceType: e.sourceType, sourceId: e.sourceId, account: l.accountNumber, label: l.label, debitCents: l.debitCents, creditCents: l.creditCents })
    .from(e)
    .innerJoin(l, and(eq(l.coopId, e.coopId), eq(l.entryId, e.id)))
    .where(and(...where))
    .orderBy(asc(e.entryDate), asc(e.number), asc(l.lineNo));
  return rows.map((r) => ({ ...r, debitCents: Number(r.debitCents), creditCents: Number(r.creditCents) }));
}

export interface PeriodLine {
  entryId: string;
  entryNumber: number;
  date: string;
  journal: string;
  entryLabel: string;
  lineLabel: string | null;
  account: string;
  documentRef: string | null;
  sourceType: string;
  sourceId: string | null;
  debitCents: number;
  creditCents: number;
}

/**
 * One page of the lines behind a figure: the lines of some VAT accounts in a period
 * (optionally of given labels), with their entry, oldest first (in a day, entry by entry).
 * Opening entries and the source types left out by the caller (a figure's own settlement) are
 * not listed.
 *
 * At a million invoices a year a box holds hundreds of thousands of lines a quarter, thousands
 * a day. The page's keys are read alone from ledger_lines_vat_label_idx (or _date_idx without
 * a label), whose order is the page's order, so the scan stops after offset + limit index rows
 * and only the page's lines are joined to their entries: ordering a day by entry number would
 * join every line of the day first. The few entries left out are found by their source (the
 * entries' source index) and skipped by id. The total is read from the kept daily totals less
 * the lines of those entries, never counted line by line.
 */
export async function periodLines(
  db: Executor,
  coopId: string,
  q: { accounts: readonly string[]; from: string | null; to: string; labels?: readonly string[]; excludeSourceTypes?: readonly string[]; limit: number; offset: number },
): Promise<{ total: number; rows: PeriodLine[] }> {
  assertVatAccounts(q.accounts);
  // The literal class lets the planner use the partial indexes on the VAT lines.
  const onLines: SQL[] = [eq(l.coopId, coopId), inArray(l.accountNumber, [...q.accounts]), sql`${l.accountNumber} like '445%'`, lte(l.entryDate, q.to)];
  if (q.from) onLines.push(gte(l.entryDate, q.from));
  if (q.labels) onLines.push(inArray(l.label, [...q.labels]));
  const leftOutTypes = ['carried_forward', ...(q.excludeSourceTypes ?? [])];
  const leftOut = (await db.select({ id: e.id }).from(e).where(and(eq(e.coopId, coopId), inArray(e.sourceType, leftOutTypes)))).map((r) => r.id);
  const keys = db
    .select({ entryId: l.entryId, lineNo: l.lineNo })
    .from(l)
    .where(and(...onLines, ...(leftOut.length ? [notInArray(l.entryId, leftOut)] : [])))
    .orderBy(asc(l.entryDate), asc(l.entryId), asc(l.lineNo))
    .limit(q.limit)
    .offset(q.offset)
    .as('k');
  const rows = await db
    .select({
      entryId: e.id,
      entryNumber: e.number,
      date: l.entryDate,
      journal: e.journalCode,
      entryLabel: e.label,
      lineLabel: l.label,
      account: l.accountNumber,
      documentRef: e.documentRef,
      sourceType: e.sourceType,
      sourceId: e.sourceId,
      debitCents: l.debitCents,
      creditCents: l.creditCents,
    })
    .from(keys)
    .innerJoin(l, and(eq(l.coopId, coopId), eq(l.entryId, keys.entryId), eq(l.lineNo, keys.lineNo)))
    .innerJoin(e, and(eq(e.coopId, l.coopId), eq(e.id, l.entryId)))
    .orderBy(asc(l.entryDate), asc(l.entryId), asc(l.lineNo));
  // The kept totals already leave the opening entries out.
  const [kept] = await db
    .select({ n: sql<number>`coalesce(sum(${vt.lineCount}), 0)`.mapWith(Number) })
    .from(vt)
    .where(keptVatTotalsWhere(coopId, q));
  const excluded = q.excludeSourceTypes ?? [];
  const [left] = excluded.length
    ? await db
        .select({ n: count() })
        .from(e)
        .innerJoin(l, and(eq(l.coopId, e.coopId), eq(l.entryId, e.id)))
        .where(and(eq(e.coopId, coopId), inArray(e.sourceType, [...excluded]), ...onLines))
    : [{ n: 0 }];
  return {
    total: (kept?.n ?? 0) - Number(left?.n ?? 0),
    rows: rows.map((r) => ({ ...r, entryNumber: Number(r.entryNumber), debitCents: Number(r.debitCents), creditCents: Number(r.creditCents) })),
  };
}
