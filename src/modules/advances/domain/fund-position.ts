/** The balances of the fund's accounts (all without activity), as the ledger keeps them. */
export interface FundBalances {
  /** 1068 credit balance: what the coop allotted to the fund. */
  endowmentCents: number;
  /** 7589 credit balance: fees of advances, earned by the fund. */
  feesEarnedCents: number;
  /** 6541 debit balance: advances written off, the fund's losses. */
  writtenOffCents: number;
  /** 4676 credit balance: advances paid and not yet settled by the clients. */
  outstandingCents: number;
}

export interface FundPosition extends FundBalances {
  /** What the fund may still advance: endowment + fees − written off − outstanding. */
  availableCents: number;
}

/**
 * The fund's position. A write-off moves an amount from "outstanding" to "written off" (the
 * money had left the fund when it was advanced), so it does not lower what is available twice.
 */
export function fundPosition(b: FundBalances): FundPosition {
  return { ...b, availableCents: b.endowmentCents + b.feesEarnedCents - b.writtenOffCents - b.outstandingCents };
}
