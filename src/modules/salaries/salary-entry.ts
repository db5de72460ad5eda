import { ACCOUNTS, JOURNALS, type Posting } from '../ledger/index.js';
import type { SalaryRequestRow } from './schema.js';

type Amounts = Pick<SalaryRequestRow, 'activityId' | 'grossCents' | 'employerContributionsCents' | 'employeeContributionsCents' | 'netCents'>;

/**
 * The SA entry of a validated salary, every line on the activity so its treasury shows it:
 * gross salary (641) and employer contributions (645) debited, the net owed to the
 * entrepreneur-salarié (421) and the contributions owed to the social bodies (431: employee
 * and employer parts) credited. The payroll software computes the payslip and its own detail;
 * this entry books what the coop owes from the activity, with the flat rates it was asked at.
 */
export function salaryEntry(r: Amounts, label: string): Posting {
  const socialCents = r.employeeContributionsCents + r.employerContributionsCents;
  const on = { activityId: r.activityId, label };
  return {
    journal: JOURNALS.salaries,
    lines: [
      { account: ACCOUNTS.grossSalaries, debitCents: r.grossCents, ...on },
      ...(r.employerContributionsCents > 0 ? [{ account: ACCOUNTS.employerContributions, debitCents: r.employerContributionsCents, ...on }] : []),
      ...(r.netCents > 0 ? [{ account: ACCOUNTS.salariesPayable, creditCents: r.netCents, ...on }] : []),
      ...(socialCents > 0 ? [{ account: ACCOUNTS.socialContributions, creditCents: socialCents, ...on }] : []),
    ],
  };
}
