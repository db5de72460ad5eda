/**
 * The guarantee fund's position (issue 13): its endowment (1068, a reserve of the coop's own
 * funds) and the fees advances earned it (7589), less the advances it wrote off (6541) and
 * the advances it has paid out and not got back (4676). Balances are debit minus credit,
 * as the ledger gives them; the figures are shown the way a reader counts money in the fund.
 */
export interface GuaranteeFundBalances {
  endowment: number;
  fundIncome: number;
  writeOffs: number;
  advancesOutstanding: number;
}

export interface GuaranteeFundPosition {
  endowmentCents: number;
  incomeCents: number;
  writeOffsCents: number;
  advancesOutstandingCents: number;
  /** What the fund could still advance. */
  availableCents: number;
}

export function guaranteeFundPosition(b: GuaranteeFundBalances): GuaranteeFundPosition {
  const endowmentCents = -b.endowment;
  const incomeCents = -b.fundIncome;
  const writeOffsCents = b.writeOffs;
  const advancesOutstandingCents = -b.advancesOutstanding;
  return { endowmentCents, incomeCents, writeOffsCents, advancesOutstandingCents, availableCents: endowmentCents + incomeCents - writeOffsCents - advancesOutstandingCents };
}
