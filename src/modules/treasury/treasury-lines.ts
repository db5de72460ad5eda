import type { Executor } from '../../platform/db/client.js';
import { generalLedger } from '../ledger/index.js';
import type { TreasuryLinesPage, TreasuryLinesQuery } from './contract.js';
import { TREASURY_GROUPS } from './domain/activity-treasury.js';

/**
 * The ledger lines behind one figure of an activity's treasury, up to `today`: the lines of
 * the activity on the figure's accounts, in the general ledger's order. Members cannot open
 * the general ledger; this shows them the part of it that is their activity's. The caller
 * checks that the person may see the activity.
 */
export async function treasuryLines(db: Executor, coopId: string, activityId: string, q: TreasuryLinesQuery, today: string): Promise<TreasuryLinesPage> {
  const group = TREASURY_GROUPS.find((g) => g.group === q.group)!;
  return generalLedger(db, coopId, { activityId, accounts: group, to: today, page: q.page, pageSize: q.pageSize });
}
