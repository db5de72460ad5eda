/**
 * The rules of a salary request, pure: which months may be asked, the bounds, the life of a
 * request and the day its entry is dated. Time is an argument (`today`, 'YYYY-MM-DD').
 */

export const SALARY_STATUSES = ['requested', 'validated', 'refused', 'cancelled'] as const;
export type SalaryStatus = (typeof SALARY_STATUSES)[number];

/** Employer contributions of a French salary are around 40–45 % of the gross; the bound leaves room, not nonsense. */
export const MAX_EMPLOYER_RATE_BP = 10_000;
/** Employee contributions are around 22 %; more than half of the gross is no salary. */
export const MAX_EMPLOYEE_RATE_BP = 5_000;
/** Indicative defaults until the coop sets its own: 45 % employer, 22 % employee. */
export const DEFAULT_SALARY_RATES = { employerRateBp: 4_500, employeeRateBp: 2_200 } as const;
/** A month's gross salary: at least a cent, at most 100,000 €. */
export const MAX_SALARY_GROSS_CENTS = 10_000_000;

const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const monthOfIndex = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}-01`;

/** The first day of the month holding `day`. */
export const firstDayOfMonth = (day: string): string => `${day.slice(0, 7)}-01`;

/** The last day of the month starting on `month` ('YYYY-MM-01'). */
export function lastDayOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month.slice(0, 7)}-${String(days).padStart(2, '0')}`;
}

/**
 * The months a member may ask a salary for: the month before (a salary asked late, paid in the
 * first days of the next month), this month and the next (asked ahead of the payroll run).
 * Further back is a correction for the payroll service, further ahead a promise the treasury
 * cannot check.
 */
export function askableMonths(today: string): string[] {
  const now = monthIndex(today);
  return [now - 1, now, now + 1].map(monthOfIndex);
}

/**
 * The day the salary entry is dated: the last day of its month, when the salary is a charge of
 * that month (accrual: a charge belongs to the period it pays for, C. com. art. L123-13), but
 * never after `today`. An entry dated ahead would not count in the treasury of today
 * (`activityTreasury` reads entries up to `today`), and the same euros could pay a second
 * salary or an expense until that day.
 */
export function salaryEntryDate(month: string, today: string): string {
  const last = lastDayOfMonth(month);
  return last < today ? last : today;
}

export type SalaryAction = 'validate' | 'refuse' | 'cancel';

/** Whether a request in `status` may take `action`: asked → validated | refused | cancelled; validated → cancelled (by reversal). */
export function maySalaryRequest(status: SalaryStatus, action: SalaryAction): boolean {
  if (status === 'requested') return true;
  return status === 'validated' && action === 'cancel';
}
