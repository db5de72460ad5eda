import { describe, expect, it } from 'vitest';
import { simulateFromRevenue, type SalaryRates } from './simulate-salary.js';
import { smoothSalary } from './smooth-salary.js';

const rates: SalaryRates = { contributionRateBp: 1000, employerRateBp: 4500, employeeRateBp: 2200 };

describe('a salary smoothed over months', () => {
  it('the treasury available and the accepted quotes, after contribution, are shared evenly between the months', () => {
    const p = smoothSalary({ availableCents: 3_000_00, pipelineNetCents: [6_000_00, 4_000_00], months: 6, rates });
    expect(p.pipelineNetCents).toBe(10_000_00);
    expect(p.pipelineContributionCents).toBe(1_000_00);
    expect(p.poolCents).toBe(12_000_00);
    // 2000 € of employer cost a month.
    expect(p.monthly.employerCostCents).toBeLessThanOrEqual(2_000_00);
    expect(p.monthly.grossCents).toBe(1_379_31);
    expect(p.monthly.employerCostCents * 6).toBeLessThanOrEqual(p.poolCents);
    // 3000 € today pays one month of 1999.99; the others wait for the quotes to be paid.
    expect(p.monthsCoveredNow).toBe(1);
  });

  it('over one month with no pipeline, the proposal is what the treasury pays now', () => {
    const p = smoothSalary({ availableCents: 9_000_00, pipelineNetCents: [], months: 1, rates });
    expect(p.monthly.grossCents).toBe(simulateFromRevenue(10_000_00, rates).grossCents);
    expect(p.monthsCoveredNow).toBe(1);
  });

  it('an overdrawn treasury counts as nothing: only the pipeline is shared', () => {
    const p = smoothSalary({ availableCents: -500_00, pipelineNetCents: [1_000_00], months: 3, rates });
    expect(p.poolCents).toBe(900_00);
    expect(p.monthly.employerCostCents).toBeLessThanOrEqual(300_00);
    expect(p.monthsCoveredNow).toBe(0);
  });

  it('awkward amounts: the rest of the division stays on the activity, never a cent over the pool', () => {
    const p = smoothSalary({ availableCents: 1, pipelineNetCents: [3_333_33], months: 7, rates });
    expect(p.monthly.employerCostCents * 7).toBeLessThanOrEqual(p.poolCents);
  });

  it('nothing to share gives a salary of 0, every month covered', () => {
    const p = smoothSalary({ availableCents: 0, pipelineNetCents: [], months: 12, rates });
    expect(p.monthly.grossCents).toBe(0);
    expect(p.monthsCoveredNow).toBe(12);
  });

  it('refuses a number of months outside 1 to 12', () => {
    for (const months of [0, 13, 1.5, -1]) expect(() => smoothSalary({ availableCents: 1_000_00, pipelineNetCents: [], months, rates })).toThrow(RangeError);
  });
});
