/**
 * An activity's treasury (issue 13): what it earned and collected, minus what left it, from
 * the balances of its accounts (the ledger lines carrying its analytic code). Pure: the
 * balances come in, the figures go out; the date they stand at is the caller's.
 */

/** Debits and credits of one account on the activity (sub-accounts are their own rows). */
export interface AccountMovements {
  account: string;
  debitCents: number;
  creditCents: number;
}

/**
 * The groups of accounts behind each figure, by PCG prefix. An account belongs to the first
 * group (in this order) whose prefixes hold it and no exclusion does: 7082 (commissions) is
 * a 708 account but not a sale of the activity; class 6 takes what the named charges leave.
 */
export const TREASURY_GROUPS = [
  // Sales of the activity's services and goods (706, 707, 708), net of credit notes.
  { group: 'revenue', prefixes: ['706', '707', '708'], excluded: ['7082'] },
  { group: 'commissionsIn', prefixes: ['7082'], excluded: [] },
  { group: 'receivables', prefixes: ['411'], excluded: [] },
  { group: 'vatCollected', prefixes: ['44571', '44574'], excluded: [] },
  // A deposit invoice's amount excluding VAT waits on 4191 until the final invoice recognises it.
  { group: 'deposits', prefixes: ['4191'], excluded: [] },
  { group: 'contribution', prefixes: ['6581'], excluded: [] },
  { group: 'commissionsOut', prefixes: ['6222'], excluded: [] },
  { group: 'salaries', prefixes: ['641', '645'], excluded: [] },
  { group: 'advanceFees', prefixes: ['6278'], excluded: [] },
  { group: 'expenses', prefixes: ['6'], excluded: ['6581', '6222', '641', '645', '6278'] },
  { group: 'advances', prefixes: ['4675'], excluded: [] },
  { group: 'loans', prefixes: ['4677'], excluded: [] },
] as const satisfies readonly { group: string; prefixes: readonly string[]; excluded: readonly string[] }[];

export type TreasuryGroup = (typeof TREASURY_GROUPS)[number]['group'];
export const TREASURY_GROUP_NAMES = TREASURY_GROUPS.map((g) => g.group) as [TreasuryGroup, ...TreasuryGroup[]];

/** The group an account number falls in, or null when no figure counts it (512, 401…). */
export function treasuryGroupOf(account: string): TreasuryGroup | null {
  for (const g of TREASURY_GROUPS) {
    if (g.prefixes.some((p) => account.startsWith(p)) && !g.excluded.some((p) => account.startsWith(p))) return g.group;
  }
  return null;
}

export interface TreasuryFigures {
  /** Revenue invoiced, excluding VAT, net of credit notes: the activity's 706/707/708 lines. */
  invoicedCents: number;
  /** The part of that revenue the clients have paid (see `paidShare`). */
  collectedCents: number;
  /** Invoiced and not yet collected, excluding VAT. */
  owedCents: number;
  /** What the clients still owe on the activity's invoices, VAT included (its 411 balance). */
  receivableCents: number;
  contributionCents: number;
  commissionsInCents: number;
  commissionsOutCents: number;
  /** Expenses and purchases: class 6 lines on the activity other than the named charges. */
  expensesCents: number;
  /** Gross salaries and employer contributions (641 + 645). */
  salariesCents: number;
  advanceFeesCents: number;
  /** Advances the guarantee fund paid and the client has not settled yet (4675 balance). */
  advancesOutstandingCents: number;
  /** Loans to the activity not repaid yet (4677 balance). */
  loansOutstandingCents: number;
  /** Asked for (salary requests) and not posted yet: already promised out of the treasury. */
  reservedCents: number;
  /** What the activity may still pay out. */
  availableCents: number;
}

/**
 * The share of what the activity invoiced that its clients have paid, as a fraction of the
 * amount the clients were asked for (VAT and deposits included): 1 − 411 balance / invoiced
 * with VAT. It is read from the activity's own balances, so that the one figure and the
 * coop-wide table (10,000 activities, read from per-activity totals) are the same number;
 * when every invoice of the activity bears the same VAT ratio it is exactly the sum, invoice
 * by invoice, of its revenue times the fraction paid. An over-payment held on 411 never
 * pushes it above 1, nor a debt without a sale below 0.
 */
export function paidShare(invoicedWithVatCents: number, receivableCents: number): number {
  if (invoicedWithVatCents <= 0) return 0;
  return Math.min(1, Math.max(0, 1 - receivableCents / invoicedWithVatCents));
}

const debitBalance = (m: { debitCents: number; creditCents: number }) => m.debitCents - m.creditCents;

/** Debit minus credit of every group, from the activity's account movements. */
export function groupBalances(movements: readonly AccountMovements[]): Record<TreasuryGroup, number> {
  const sums = Object.fromEntries(TREASURY_GROUP_NAMES.map((g) => [g, 0])) as Record<TreasuryGroup, number>;
  for (const m of movements) {
    const group = treasuryGroupOf(m.account);
    if (group) sums[group] += debitBalance(m);
  }
  return sums;
}

/**
 * available = collected + commissions in − commissions out − contribution − expenses
 * − salaries − advance fees + advances outstanding + loans outstanding − reserved
 * (issue 13, "Activity treasury"): money is available once the client paid it, net of what
 * the activity owes the coop and its people; an advance or a loan is money the activity
 * holds before its client pays, so it counts until it is settled or repaid.
 */
export function treasuryFigures(balances: Record<TreasuryGroup, number>, reservedCents = 0): TreasuryFigures {
  const invoicedCents = -balances.revenue;
  const receivableCents = balances.receivables;
  const invoicedWithVat = invoicedCents - balances.vatCollected - balances.deposits;
  const collectedCents = Math.round(invoicedCents * paidShare(invoicedWithVat, receivableCents));
  const figures = {
    invoicedCents,
    collectedCents,
    owedCents: invoicedCents - collectedCents,
    receivableCents,
    contributionCents: balances.contribution,
    commissionsInCents: -balances.commissionsIn,
    commissionsOutCents: balances.commissionsOut,
    expensesCents: balances.expenses,
    salariesCents: balances.salaries,
    advanceFeesCents: balances.advanceFees,
    advancesOutstandingCents: balances.advances,
    loansOutstandingCents: balances.loans,
    reservedCents,
  };
  const availableCents =
    figures.collectedCents +
    figures.commissionsInCents -
    figures.commissionsOutCents -
    figures.contributionCents -
    figures.expensesCents -
    figures.salariesCents -
    figures.advanceFeesCents +
    figures.advancesOutstandingCents +
    figures.loansOutstandingCents -
    reservedCents;
  return { ...figures, availableCents };
}
