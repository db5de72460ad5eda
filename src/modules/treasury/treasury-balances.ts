import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityLinesAfterQuery } from '../ledger/index.js';
import { TREASURY_GROUP_NAMES, type TreasuryGroup } from './domain/activity-treasury.js';
import { activityBalances as kept } from './schema.js';

export type TreasuryBalances = Record<TreasuryGroup, number>;

export const noBalances = (): TreasuryBalances => Object.fromEntries(TREASURY_GROUP_NAMES.map((g) => [g, 0])) as TreasuryBalances;

/**
 * The balance of each treasury group of every activity with money on it (or of the listed
 * ones) on `to`: the kept all-time row of each activity (`treasury_activity_balances`) less
 * its lines dated after `to`. One row per activity, `activity_id` and one bigint column per
 * group, named as the group, for readers that rank, page or total in SQL (the coop table).
 *
 * The later lines are found by the activity index for listed activities, by the entries'
 * date index for the whole coop (a few entries at most: postings are rarely dated ahead).
 * Opening entries are left out of them as they are of the kept rows. They are summed by
 * activity and group first, so that each line's group is computed once.
 */
export function treasuryBalancesQuery(coopId: string, q: { to: string; activityIds?: readonly string[] }): SQL {
  const later = activityLinesAfterQuery(coopId, { after: q.to, activityIds: q.activityIds });
  const laterLines = sql`select x.activity_id, treasury_group_of(x.account_number) as grp, sum(x.balance) as balance from (${later}) x group by 1, 2`;
  const laterSums = sql.join(
    TREASURY_GROUP_NAMES.map((g) => sql`coalesce(sum(x.balance) filter (where x.grp = ${g}), 0) as ${sql.identifier(g)}`),
    sql`, `,
  );
  const columns = sql.join(
    TREASURY_GROUP_NAMES.map((g) => sql`(${kept[g]} - coalesce(later.${sql.identifier(g)}, 0))::bigint as ${sql.identifier(g)}`),
    sql`, `,
  );
  const keptListed = q.activityIds ? (q.activityIds.length ? inArray(kept.activityId, [...q.activityIds]) : sql`false`) : undefined;
  return sql`
    select ${kept.activityId} as activity_id, ${columns}
    from ${kept}
    left join (select x.activity_id, ${laterSums} from (${laterLines}) x where x.grp is not null group by x.activity_id) later
      on later.activity_id = ${kept.activityId}
    where ${and(eq(kept.coopId, coopId), keptListed)}`;
}

/** The balance of each treasury group of the listed activities on a day (see `treasuryBalancesQuery`). */
export async function treasuryBalances(db: Executor, coopId: string, q: { to: string; activityIds?: readonly string[] }): Promise<Map<string, TreasuryBalances>> {
  if (q.activityIds && q.activityIds.length === 0) return new Map();
  const result = (await db.execute(treasuryBalancesQuery(coopId, q))) as unknown as { rows: Record<string, string | number>[] };
  return new Map(result.rows.map((r) => [String(r.activity_id), Object.fromEntries(TREASURY_GROUP_NAMES.map((g) => [g, Number(r[g])])) as TreasuryBalances]));
}
