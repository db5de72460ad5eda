import { and, eq, gt, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityTotals as totals, journalEntries as e, journalEntryLines as l } from './schema.js';

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
  for (const g of groups) {
    // The prefixes are written into LIKE patterns: digits only, so no wildcard slips in.
    if (![...g.prefixes, ...g.excluded].every((p) => digits.test(p))) throw new RangeError(`account group ${g.name}: prefixes are digits`);
  }
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
    balances: Object.fromEntries(groups.map((g, i) => [g.name, Number(r[`g${i}`])])),
  }));
}
