import { and, asc, count, eq, gte, like, lte, not, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Page } from '../../platform/http/pagination.js';
import { activitySummaries } from '../activities/index.js';
import { accountLabels } from './accounts-service.js';
import type { GeneralLedgerLine } from './contract.js';
import { journalEntries as e, journalEntryLines as l } from './schema.js';

export interface GeneralLedgerFilter {
  account?: string;
  /** One activity's lines only (its analytic code). */
  activityId?: string;
  /** The accounts starting with one of `prefixes` and none of `excluded` (digits only). */
  accounts?: { prefixes: readonly string[]; excluded: readonly string[] };
  /** Without it, from the first entry. */
  from?: string;
  to: string;
  /** Without a page, every line of the period (the CSV export). */
  page?: number;
  pageSize?: number;
}

const digits = /^[0-9]{1,12}$/;

function accountsIn(group: { prefixes: readonly string[]; excluded: readonly string[] }): SQL {
  // The prefixes become LIKE patterns: digits only, so no wildcard slips in.
  if (![...group.prefixes, ...group.excluded].every((p) => digits.test(p))) throw new RangeError('account prefixes are digits');
  const any = (prefixes: readonly string[]) => or(...prefixes.map((p) => like(l.accountNumber, `${p}%`)))!;
  return group.excluded.length ? and(any(group.prefixes), not(any(group.excluded)))! : any(group.prefixes);
}

/**
 * The general ledger (grand livre): every line of the period, account by account in date
 * order, with the running balance of the account over the period.
 */
export async function generalLedger(db: Executor, coopId: string, q: GeneralLedgerFilter): Promise<Page<GeneralLedgerLine>> {
  const filters: SQL[] = [eq(l.coopId, coopId), lte(l.entryDate, q.to)];
  if (q.from) filters.push(gte(l.entryDate, q.from));
  if (q.account) filters.push(eq(l.accountNumber, q.account));
  if (q.activityId) filters.push(eq(l.activityId, q.activityId));
  if (q.accounts) filters.push(accountsIn(q.accounts));
  const where = and(...filters);
  const [{ total }] = await db.select({ total: count() }).from(l).where(where);
  const query = db
    .select({
      entryId: l.entryId,
      entryNumber: e.number,
      journalCode: e.journalCode,
      date: l.entryDate,
      entryLabel: e.label,
      lineNo: l.lineNo,
      lineLabel: l.label,
      account: l.accountNumber,
      activityId: l.activityId,
      debitCents: l.debitCents,
      creditCents: l.creditCents,
      runningBalanceCents: sql<number>`sum(${l.debitCents} - ${l.creditCents}) over (partition by ${l.accountNumber} order by ${l.entryDate}, ${e.number}, ${l.lineNo})`.mapWith(Number),
    })
    .from(l)
    .innerJoin(e, and(eq(e.coopId, l.coopId), eq(e.id, l.entryId)))
    .where(where)
    .orderBy(asc(l.accountNumber), asc(l.entryDate), asc(e.number), asc(l.lineNo));
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? total;
  const rows = q.page ? await query.limit(pageSize).offset((page - 1) * pageSize) : await query;
  const labels = await accountLabels(db, coopId);
  const activities = await activitySummaries(db, coopId, [...new Set(rows.flatMap((r) => (r.activityId ? [r.activityId] : [])))]);
  return {
    items: rows.map((r) => ({
      ...r,
      accountLabel: labels.get(r.account) ?? '',
      activityCode: r.activityId ? (activities.get(r.activityId)?.code ?? null) : null,
    })),
    total,
    page,
    pageSize,
  };
}
