import { and, eq, gt, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityTotals as totals, journalEntries as e, journalEntryLines as l, monthlyTotals as monthly } from './schema.js';

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

/** The group of `m.account_number` (the first group holding it), and the sum of `m.balance` per group as columns g0, g1… */
function groupColumns(groups: readonly AccountGroup[]) {
  checkGroups(groups);
  const account = sql`m.account_number`;
  const groupOf = sql.join(
    [
      sql`case`,
      ...groups.map((g) => sql`when (${startsWithAny(account, g.prefixes)})${g.excluded.length ? sql` and not (${startsWithAny(account, g.excluded)})` : sql``} then ${g.name}`),
      sql`end`,
    ],
    sql` `,
  );
  const sums = sql.join(
    groups.map((g, i) => sql`coalesce(sum(m.balance) filter (where m.grp = ${g.name}), 0)::bigint as ${sql.identifier(`g${i}`)}`),
    sql`, `,
  );
  return { groupOf, sums };
}

const balancesOf = (groups: readonly AccountGroup[], r: Record<string, string | number>) => Object.fromEntries(groups.map((g, i) => [g.name, Number(r[`g${i}`])]));

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
  const allTime: SQL[] = [eq(totals.coopId, coopId)];
  // Lines dated after `to`: for listed activities, their lines by the activity index (lines
  // carry their entry's date); for the whole coop, the few entries after the date by theirs.
  let later: SQL;
  if (q.activityIds) {
    allTime.push(inArray(totals.activityId, [...q.activityIds]));
    later = sql`select ${l.activityId}, ${l.accountNumber}, ${l.creditCents} - ${l.debitCents} from ${l}
      where ${and(eq(l.coopId, coopId), inArray(l.activityId, [...q.activityIds]), gt(l.entryDate, q.to))}`;
  } else {
    later = sql`select ${l.activityId}, ${l.accountNumber}, ${l.creditCents} - ${l.debitCents}
      from ${e} join ${l} on ${l.coopId} = ${e.coopId} and ${l.entryId} = ${e.id}
      where ${and(eq(e.coopId, coopId), gt(e.entryDate, q.to), isNotNull(l.activityId))}`;
  }
  const { groupOf, sums } = groupColumns(groups);
  const result = (await db.execute(sql`
    select m.activity_id, ${sums}
    from (
      select m.activity_id, m.balance, ${groupOf} as grp
      from (
        select ${totals.activityId} as activity_id, ${totals.accountNumber} as account_number, ${totals.debitCents} - ${totals.creditCents} as balance
        from ${totals} where ${and(...allTime)}
        union all
        ${later}
      ) m
    ) m
    where m.grp is not null
    group by m.activity_id`)) as unknown as { rows: Record<string, string | number>[] };
  return result.rows.map((r) => ({
    activityId: String(r.activity_id),
    balances: balancesOf(groups, r),
  }));
}

/**
 * The movements of each group of accounts on one activity, month by month, for the whole
 * months from `from` to `to` (first days of months), read from the monthly totals: one query
 * for a year of a chart. Months without movement are absent.
 */
export async function activityMonthlyGroupMovements(
  db: Executor,
  coopId: string,
  activityId: string,
  groups: readonly AccountGroup[],
  q: { from: string; to: string },
): Promise<{ month: string; balances: Record<string, number> }[]> {
  const { groupOf, sums } = groupColumns(groups);
  const result = (await db.execute(sql`
    select m.month, ${sums}
    from (
      select m.month, m.balance, ${groupOf} as grp
      from (
        select ${monthly.month}::text as month, ${monthly.accountNumber} as account_number, ${monthly.debitCents} - ${monthly.creditCents} as balance
        from ${monthly}
        where ${and(eq(monthly.coopId, coopId), eq(monthly.activityId, activityId), gte(monthly.month, q.from), lte(monthly.month, q.to))}
      ) m
    ) m
    where m.grp is not null
    group by m.month`)) as unknown as { rows: Record<string, string | number>[] };
  return result.rows.map((r) => ({ month: String(r.month), balances: balancesOf(groups, r) }));
}
