import type { Executor } from '../../platform/db/client.js';
import { accountBalances, ACCOUNTS } from '../ledger/index.js';
import { fundPosition as positionOf, type FundPosition } from './domain/fund-position.js';

/**
 * The guarantee fund's position, read from the ledger: 1068 (endowment) + 7589 (fees) − 6541
 * (written off) − 4676 (advances out). The fund's lines carry no activity; the coop-wide
 * balances are its own. The treasury page shows the same figures from the same accounts.
 */
export async function fundPosition(db: Executor, coopId: string): Promise<FundPosition> {
  const rows = await accountBalances(db, coopId, {});
  const balance = (account: string) => rows.find((r) => r.account === account)?.balanceCents ?? 0;
  // `|| 0`: a credit balance of nothing is 0, not -0.
  const credit = (account: string) => -balance(account) || 0;
  return positionOf({
    endowmentCents: credit(ACCOUNTS.guaranteeFund),
    feesEarnedCents: credit(ACCOUNTS.fundIncome),
    writtenOffCents: balance(ACCOUNTS.badDebts),
    outstandingCents: credit(ACCOUNTS.fundAdvancesOutstanding),
  });
}
