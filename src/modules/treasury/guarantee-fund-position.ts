import type { Executor } from '../../platform/db/client.js';
import { accountBalances, ACCOUNTS } from '../ledger/index.js';
import type { GuaranteeFund } from './contract.js';
import { guaranteeFundPosition as position } from './domain/guarantee-fund.js';

/**
 * The guarantee fund as the ledger shows it on `today`: the coop-wide balances (daily totals)
 * of its accounts, sub-accounts included. Other operations post to them (the advances);
 * this only reads.
 */
export async function guaranteeFundPosition(db: Executor, coopId: string, today: string): Promise<GuaranteeFund> {
  const rows = await accountBalances(db, coopId, { to: today });
  const balanceOf = (prefix: string) => rows.filter((r) => r.account.startsWith(prefix)).reduce((n, r) => n + r.balanceCents, 0);
  return {
    asOf: today,
    ...position({
      endowment: balanceOf(ACCOUNTS.guaranteeFund),
      fundIncome: balanceOf(ACCOUNTS.fundIncome),
      writeOffs: balanceOf(ACCOUNTS.badDebts),
      advancesOutstanding: balanceOf(ACCOUNTS.fundAdvancesOutstanding),
    }),
  };
}
