export interface LoanTerms {
  principalCents: number;
  /** Yearly rate in basis points; 0 for an interest-free loan. */
  rateBp: number;
  installments: number;
  /** The month of the first installment, `YYYY-MM`. */
  startMonth: string;
}

export interface Installment {
  seq: number;
  /** `YYYY-MM`: taken from the activity on the first day of that month. */
  month: string;
  principalCents: number;
  interestCents: number;
}

export const addMonths = (month: string, n: number): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/**
 * Constant monthly installments (French amortissement: principal + interest at the monthly
 * rate on what is left). Each installment's interest is rounded to the cent on what is left;
 * the last one takes whatever principal is left, so the principal parts add up exactly to the
 * loan and no cent is created or lost by rounding.
 */
export function loanSchedule(t: LoanTerms): Installment[] {
  const r = t.rateBp / 10_000 / 12;
  const payment = r === 0 ? t.principalCents / t.installments : (t.principalCents * r) / (1 - (1 + r) ** -t.installments);
  const out: Installment[] = [];
  let left = t.principalCents;
  for (let seq = 1; seq <= t.installments; seq++) {
    const interestCents = Math.round(left * r);
    const principalCents = seq === t.installments ? left : Math.min(left, Math.max(0, Math.floor(payment) - interestCents));
    left -= principalCents;
    out.push({ seq, month: addMonths(t.startMonth, seq - 1), principalCents, interestCents });
  }
  return out;
}
