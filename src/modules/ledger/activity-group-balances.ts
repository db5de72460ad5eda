import { and, eq, gt, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { accounts, activityTotals as totals, journalEntries as e, journalEntryLines as l, monthlyTotals as monthly } from './schema.js';

/** A named set of accounts: the numbers starting with one of `prefixes` and none of `excluded`. */
export interface AccountGroup {
  name: string;
  prefixes: readonly string[];
  excluded: readonly string[];
}

export interface ActivityGroupBalances {
  activityId: string;
  /** Debit minus credit of each group's accounts on the activity. */
  balances: Record<string, number>;
}

const digits = /^[0-9]{1,12}$/;
const startsWithAny = (column: SQL, prefixes: readonly string[]) => sql.join(prefixes.map((p) => sql`${column} like ${`${p}%`}`), sql` or `);

function checkGroups(groups: readonly AccountGroup[]): void {
  for (const g of groups) {
    // The prefixes are written into LIKE patterns: digits only, so no wildcard slips in.
    if (![...g.prefixes, ...g.excluded].every((p) => digits.test(p))) throw new RangeError(`account group ${g.name}: prefixes are digits`);
  }
}

/**
 * Each account of the coop's chart with the group holding it (`account_number`, `grp`): the
 * prefixes are matched once per account of the chart (a few hundred), then joined to the
 * totals, rather than matched on each of the tens of thousands of total rows of a large coop.
 * Every line's account is in the chart (foreign key), so no total is left out by the join.
 */
function accountGroups(coopId: string, groups: readonly AccountGroup[]): SQL {
  checkGroups(groups);
  const account = sql`${accounts.number}`;
  const groupOf = sql.join(
    [
      sql`case`,
      ...groups.map((g) => sql`when (${startsWithAny(account, g.prefixes)})${g.excluded.length ? sql` and not (${startsWithAny(account, g.excluded)})` : sql``} then ${g.name}`),
      sql`end`,
    ],
    sql` `,
  );
  return sql`select ${accounts.number} as account_number, ${groupOf} as grp from ${accounts} where ${accounts.coopId} = ${coopId}`;
}

/** The sum of `m.balance` per group, one column per group named as the group. */
const groupSums = (groups: readonly AccountGroup[]) =>
  sql.join(
    groups.map((g) => sql`coalesce(sum(m.balance) filter (where g.grp = ${g.name}), 0)::bigint as ${sql.identifier(g.name)}`),
    sql`, `,
  );

const balancesOf = (groups: readonly AccountGroup[], r: Record<string, string | number>) => Object.fromEntries(groups.map((g) => [g.name, Number(r[g.name])]));

/**
 * The query behind `activityGroupBalances`, for a reader that ranks, pages or totals the
 * activities in SQL (the coop-wide treasury): one row per activity, `activity_id` and one
 * bigint column per group, named as the group.
 */
export function activityGroupBalancesQuery(coopId: string, groups: readonly AccountGroup[], q: { to: string; activityIds?: readonly string[] }): SQL {
  const allTime: SQL[] = [eq(totals.coopId, coopId)];
  // Lines dated after `to`: for listed activities, their lines by the activity index (lines
  // carry their entry's date); for the whole coop, the few entries after the date by theirs.
  let later: SQL;
  if (q.activityIds) {
    allTime.push(q.activityIds.length ? inArray(totals.activityId, [...q.activityIds]) : sql`false`);
    later = sql`select ${l.activityId}, ${l.accountNumber}, ${l.creditCents} - ${l.debitCents} from ${l}
      where ${and(eq(l.coopId, coopId), q.activityIds.length ? inArray(l.activityId, [...q.activityIds]) : sql`false`, gt(l.entryDate, q.to))}`;
  } else {
    later = sql`select ${l.activityId}, ${l.accountNumber}, ${l.creditCents} - ${l.debitCents}
      from ${e} join ${l} on ${l.coopId} = ${e.coopId} and ${l.entryId} = ${e.id}
      where ${and(eq(e.coopId, coopId), gt(e.entryDate, q.to), isNotNull(l.activityId))}`;
  }
  return sql`
    select m.activity_id, ${groupSums(groups)}
    from (
      select ${totals.activityId} as activity_id, ${totals.accountNumber} as account_number, ${totals.debitCents} - ${totals.creditCents} as balance
      from ${totals} where ${and(...allTime)}
      union all
      ${later}
    ) m
    join (${accountGroups(coopId, groups)}) g on g.account_number = m.account_number
    where g.grp is not null
    group by m.activity_id`;
}

/**
 * The balance of each group of accounts on every activity with entries (or the listed ones)
 * up to `to` included, in one pass over the all-time totals of each activity (see
 * `activityTotals`) less the lines dated after `to`, which the entries' date index finds.
 * An account counts in the first group that holds it.
 */
export async function activityGroupBalances(
  db: Executor,
  coopId: string,
  groups: readonly AccountGroup[],
  q: { to: string; activityIds?: readonly string[] },
): Promise<ActivityGroupBalances[]> {
  if (q.activityIds && q.activityIds.length === 0) return [];
  const result = (await db.execute(activityGroupBalancesQuery(coopId, groups, q))) as unknown as { rows: Record<string, string | number>[] };
  return result.rows.map((r) => ({
    activityId: String(r.activity_id),
    balances: balancesOf(groups, r),
  }));
}

/**
 * One activity's balance of each group of accounts before `from` (first day of a month), and
 * the movements of each whole month from `from` to `to` (first days of months), in one read
 * of the monthly totals of the activity (the index on coop, activity and month): a chart of a
 * year reads a few hundred rows whatever the number of lines. Months without movement are
 * absent.
 */
export async function activityMonthlyGroupMovements(
  db: Executor,
  coopId: string,
  activityId: string,
  groups: readonly AccountGroup[],
  q: { from: string; to: string },
): Promise<{ before: Record<string, number>; months: { month: string; balances: Record<string, number> }[] }> {
  const result = (await db.execute(sql`
    select case when m.month < ${q.from} then null else m.month::text end as month, ${groupSums(groups)}
    from (
      select ${monthly.month} as month, ${monthly.accountNumber} as account_number, ${monthly.debitCents} - ${monthly.creditCents} as balance
      from ${monthly}
      where ${and(eq(monthly.coopId, coopId), eq(monthly.activityId, activityId), lte(monthly.month, q.to))}
    ) m
    join (${accountGroups(coopId, groups)}) g on g.account_number = m.account_number
    where g.grp is not null
    group by 1`)) as unknown as { rows: Record<string, string | number | null>[] };
  const rows = result.rows as Record<string, string | number>[];
  const before = rows.find((r) => r.month === null);
  return {
    before: before ? balancesOf(groups, before) : Object.fromEntries(groups.map((g) => [g.name, 0])),
    months: rows.filter((r) => r.month !== null).map((r) => ({ month: String(r.month), balances: balancesOf(groups, r) })),
  };
}
