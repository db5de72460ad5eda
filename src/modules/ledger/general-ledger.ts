import { and, asc, count, eq, gte, like, lte, ne, not, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Page } from '../../platform/http/pagination.js';
import { activitySummaries } from '../activities/index.js';
import { accountLabels } from './accounts-service.js';
import { accountBalances } from './balances.js';
import type { GeneralLedgerAccount, GeneralLedgerLine } from './contract.js';
import { dayBefore } from './domain/fiscal-years.js';
import { journalEntries as e, journalEntryLines as l } from './schema.js';

export interface GeneralLedgerFilter {
  account?: string;
  /** One activity's lines and balances (its analytic ledger). */
  activityId?: string;
  /** The accounts starting with one of `prefixes` and none of `excluded` (digits only). */
  accounts?: { prefixes: readonly string[]; excluded: readonly string[] };
  /** Without it, from the first entry (no opening balance). */
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

const inGroup = (account: string, group: GeneralLedgerFilter['accounts']) =>
  !group || (group.prefixes.some((p) => account.startsWith(p)) && !group.excluded.some((p) => account.startsWith(p)));

/**
 * Each account's opening balance (à-nouveau) at the period start, the period's debits and
 * credits and its closing balance, from the stored totals (cumulative from the first entry,
 * so a period starting mid-year opens on what the account held that morning).
 */
async function accountSummaries(db: Executor, coopId: string, q: GeneralLedgerFilter): Promise<GeneralLedgerAccount[]> {
  const activity = q.activityId ? { activityId: q.activityId } : {};
  const [opening, period] = await Promise.all([
    q.from ? accountBalances(db, coopId, { to: dayBefore(q.from), ...activity }) : Promise.resolve([]),
    accountBalances(db, coopId, { ...(q.from ? { from: q.from } : {}), to: q.to, ...activity }),
  ]);
  const byAccount = new Map<string, GeneralLedgerAccount>();
  const row = (account: string, label: string) =>
    byAccount.get(account) ?? byAccount.set(account, { account, accountLabel: label, openingCents: 0, debitCents: 0, creditCents: 0, closingCents: 0 }).get(account)!;
  for (const o of opening) if (o.balanceCents !== 0) row(o.account, o.label).openingCents = o.balanceCents;
  for (const p of period) Object.assign(row(p.account, p.label), { debitCents: p.debitCents, creditCents: p.creditCents });
  return [...byAccount.values()]
    .filter((a) => (!q.account || a.account === q.account) && inGroup(a.account, q.accounts))
    .map((a) => ({ ...a, closingCents: a.openingCents + a.debitCents - a.creditCents }))
    .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}

/**
 * The general ledger (grand livre): every line of the period, account by account in date
 * order, with the running balance of the account from its opening balance; for the whole coop
 * or one activity. Opening entries (à-nouveaux) are not listed as lines: the opening balance
 * of each account says what they say.
 */
export async function generalLedger(db: Executor, coopId: string, q: GeneralLedgerFilter): Promise<Page<GeneralLedgerLine> & { accounts: GeneralLedgerAccount[] }> {
  const filters: SQL[] = [eq(l.coopId, coopId), lte(l.entryDate, q.to), ne(e.sourceType, 'carried_forward')];
  if (q.from) filters.push(gte(l.entryDate, q.from));
  if (q.account) filters.push(eq(l.accountNumber, q.account));
  if (q.activityId) filters.push(eq(l.activityId, q.activityId));
  if (q.accounts) filters.push(accountsIn(q.accounts));
  const where = and(...filters);
  const joined = and(eq(e.coopId, l.coopId), eq(e.id, l.entryId));
  const [{ total }] = await db.select({ total: count() }).from(l).innerJoin(e, joined).where(where);
  const accounts = await accountSummaries(db, coopId, q);
  const openings = new Map(accounts.map((a) => [a.account, a.openingCents]));
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
      auxiliaryNumber: l.auxiliaryNumber,
      debitCents: l.debitCents,
      creditCents: l.creditCents,
      sourceType: e.sourceType,
      sourceId: e.sourceId,
      periodBalanceCents: sql<number>`sum(${l.debitCents} - ${l.creditCents}) over (partition by ${l.accountNumber} order by ${l.entryDate}, ${e.number}, ${l.lineNo})`.mapWith(Number),
    })
    .from(l)
    .innerJoin(e, joined)
    .where(where)
    .orderBy(asc(l.accountNumber), asc(l.entryDate), asc(e.number), asc(l.lineNo));
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? total;
  const rows = q.page ? await query.limit(pageSize).offset((page - 1) * pageSize) : await query;
  const labels = await accountLabels(db, coopId);
  const activities = await activitySummaries(db, coopId, [...new Set(rows.flatMap((r) => (r.activityId ? [r.activityId] : [])))]);
  return {
    items: rows.map(({ periodBalanceCents, ...r }) => ({
      ...r,
      runningBalanceCents: (openings.get(r.account) ?? 0) + periodBalanceCents,
      accountLabel: labels.get(r.account) ?? '',
      activityCode: r.activityId ? (activities.get(r.activityId)?.code ?? null) : null,
    })),
    total,
    page,
    pageSize,
    accounts,
  };
}
