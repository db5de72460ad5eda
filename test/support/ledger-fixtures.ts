import type { Db } from '../../src/platform/db/client.js';
import { ensureChartOfAccounts } from '../../src/modules/ledger/index.js';

/** The ledger of a test coop: PCG accounts, journals and the fiscal year 2026. */
export async function setUpLedger(db: Db, coopId: string) {
  return db.transaction((tx) => ensureChartOfAccounts(tx, coopId, { today: '2026-06-15' }));
}
