import type { Executor } from '../../platform/db/client.js';
import { activityGroupBalances } from '../ledger/index.js';
import type { ActivityTreasury } from './contract.js';
import { TREASURY_GROUPS, treasuryFigures, type TreasuryGroup } from './domain/activity-treasury.js';

export interface TreasuryOptions {
  /** The day the figures stand at: entries dated after it do not count yet. */
  today: string;
  /**
   * Already asked for and not posted yet (pending salary requests), taken off what is
   * available so that two requests cannot spend the same euros.
   */
  reservedCents?: number;
}

/** The treasury's groups of accounts, as the ledger's readers take them. */
export const LEDGER_GROUPS = TREASURY_GROUPS.map((g) => ({ name: g.group, prefixes: g.prefixes, excluded: g.excluded }));

const noBalances = () => Object.fromEntries(TREASURY_GROUPS.map((g) => [g.group, 0])) as Record<TreasuryGroup, number>;

/** The balance of each treasury group of the listed activities on a day (the ledger's per-activity totals). */
export async function treasuryBalances(db: Executor, coopId: string, q: { to: string; activityIds?: readonly string[] }): Promise<Map<string, Record<TreasuryGroup, number>>> {
  const rows = await activityGroupBalances(db, coopId, LEDGER_GROUPS, q);
  return new Map(rows.map((r) => [r.activityId, { ...noBalances(), ...r.balances } as Record<TreasuryGroup, number>]));
}

/**
 * Where one activity's money stands on `today`, from its ledger lines. The caller checks that
 * the person may see the activity. Salary and advance requests call this; nobody recomputes
 * "available". The coop-wide table reads the same balances, so both show the same figures.
 */
export async function activityTreasury(db: Executor, coopId: string, activityId: string, options: TreasuryOptions): Promise<ActivityTreasury> {
  const balances = await treasuryBalances(db, coopId, { to: options.today, activityIds: [activityId] });
  return { activityId, asOf: options.today, ...treasuryFigures(balances.get(activityId) ?? noBalances(), options.reservedCents ?? 0) };
}

export { noBalances };
