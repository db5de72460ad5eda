import { and, asc, count, eq, gte, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { journalEntries as e, journalEntryLines as l } from './schema.js';

/** Sums of a period's lines on some accounts, by account and line label (the VAT lines name their rate in it). */
export async function periodTotalsByLabel(
  db: Executor,
  coopId: string,
  q: {
    accounts: readonly string[];
    from: string;
    to: string;
    /** A class the accounts all belong to ('445', the VAT accounts), written as a literal so the planner can use a partial index on it (ledger_lines_vat_idx). */
    accountClass?: string;
  },
): Promise<{ account: string; label: string | null; debitCents: number; creditCents: number }[]> {
  if (q.accountClass !== undefined && !/^[1-8][0-9]{0,5}$/.test(q.accountClass)) throw new RangeError(`not an account class: ${q.accountClass}`);
  const inClass = q.accountClass ? [sql`${l.accountNumber} like ${sql.raw(`'${q.accountClass}%'`)}`] : [];
  // Reads the (coop, account, date) index of the lines; no join: the few entries a caller must
  // leave out it subtracts itself (see `linesOfSources`).
  return db
    .select({
      account: l.accountNumber,
      label: l.label,
      debitCents: sql<number>`coalesce(sum(${l.debitCents}), 0)`.mapWith(Number),
      creditCents: sql<number>`coalesce(sum(${l.creditCents}), 0)`.mapWith(Number),
    })
    .from(l)
    .where(and(eq(l.coopId, coopId), inArray(l.accountNumber, [...q.accounts]), ...inClass, gte(l.entryDate, q.from), lte(l.entryDate, q.to)))
    .groupBy(l.accountNumber, l.label);
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
 * One page of the lines behind a figure: the lines of some accounts in a period (optionally
 * of given labels), with their entry, oldest first. Opening entries and the source types left
 * out by the caller (a figure's own settlement) are not listed.
 */
export async function periodLines(
  db: Executor,
  coopId: string,
  q: { accounts: readonly string[]; from: string | null; to: string; labels?: readonly string[]; excludeSourceTypes?: readonly string[]; limit: number; offset: number },
): Promise<{ total: number; rows: PeriodLine[] }> {
  const where: SQL[] = [eq(l.coopId, coopId), inArray(l.accountNumber, [...q.accounts]), lte(l.entryDate, q.to), ne(e.sourceType, 'carried_forward')];
  if (q.from) where.push(gte(l.entryDate, q.from));
  if (q.labels) where.push(inArray(l.label, [...q.labels]));
  for (const type of q.excludeSourceTypes ?? []) where.push(ne(e.sourceType, type));
  const base = db
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
    .from(l)
    .innerJoin(e, and(eq(e.coopId, l.coopId), eq(e.id, l.entryId)))
    .where(and(...where));
  const rows = await base.orderBy(asc(l.entryDate), asc(e.number), asc(l.lineNo)).limit(q.limit).offset(q.offset);
  const [counted] = await db
    .select({ total: count() })
    .from(l)
    .innerJoin(e, and(eq(e.coopId, l.coopId), eq(e.id, l.entryId)))
    .where(and(...where));
  return { total: Number(counted?.total ?? 0), rows: rows.map((r) => ({ ...r, entryNumber: Number(r.entryNumber), debitCents: Number(r.debitCents), creditCents: Number(r.creditCents) })) };
}
