import { and, eq, gt, inArray, isNotNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { accounts, journalEntries as e, journalEntryLines as l, monthlyTotals as monthly } from './schema.js';

/** A named set of accounts: the numbers starting with one of `prefixes` and none of `excluded`. */
export interface AccountGroup {
  name: string;
  prefixes: readonly string[];
  excluded: readonly string[];
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

/**
 * The activity lines dated after `after` (of the listed activities, or of every activity),
 * opening entries left out as the kept totals leave them out: `activity_id`, `account_number`
 * and `balance` (debit minus credit), for a reader that takes them off all-time totals. The
 * listed activities' lines are found by the activity index; the whole coop's by the entries'
 * date index (postings are rarely dated ahead, so there are a few at most).
 */
export function activityLinesAfterQuery(coopId: string, q: { after: string; activityIds?: readonly string[] }): SQL {
  if (q.activityIds) {
    const listed = q.activityIds.length ? inArray(l.activityId, [...q.activityIds]) : sql`false`;
    return sql`select ${l.activityId} as activity_id, ${l.accountNumber} as account_number, ${l.debitCents} - ${l.creditCents} as balance from ${l}
      where ${and(eq(l.coopId, coopId), listed, gt(l.entryDate, q.after))}
        and not exists (select 1 from ${e} where ${e.coopId} = ${l.coopId} and ${e.id} = ${l.entryId} and ${e.sourceType} = 'carried_forward')`;
  }
  return sql`select ${l.activityId} as activity_id, ${l.accountNumber} as account_number, ${l.debitCents} - ${l.creditCents} as balance
    from ${e} join ${l} on ${l.coopId} = ${e.coopId} and ${l.entryId} = ${e.id}
    where ${and(eq(e.coopId, coopId), gt(e.entryDate, q.after), isNotNull(l.activityId), ne(e.sourceType, 'carried_forward'))}`;
}
