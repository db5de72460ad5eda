import { describe, expect, it } from 'vitest';
import { breakdownOfGross, grossForNet, MAX_SIMULATED_CENTS, percentOf, simulateFromNet, simulateFromRevenue, type SalaryRates } from './simulate-salary.js';

const rates: SalaryRates = { contributionRateBp: 1000, employerRateBp: 4500, employeeRateBp: 2200 };

describe('forward: revenue → salary', () => {
  it('10 000 € of revenue at 10 %, 45 % and 22 %: contribution, left, gross, net', () => {
    const s = simulateFromRevenue(10_000_00, rates);
    expect(s).toEqual({
      revenueCents: 10_000_00,
      contributionCents: 1_000_00,
      leftCents: 9_000_00,
      // 9000 / 1.45 = 6206.896… rounded down.
      grossCents: 6_206_89,
      employerContributionsCents: 2_793_10, // 6206.89 × 0.45 = 2793.1005
      employerCostCents: 8_999_99,
      employeeContributionsCents: 1_365_52, // 6206.89 × 0.22 = 1365.5158
      netCents: 4_841_37,
    });
  });

  it('the employer cost never exceeds what is left after the contribution, whatever the amount', () => {
    for (const revenue of [0, 1, 2, 3, 99, 100, 101, 333_33, 1_234_57, 9_999_99, 77_777_77, MAX_SIMULATED_CENTS]) {
      for (const employerRateBp of [0, 1, 4500, 4999, 10_000]) {
        const s = simulateFromRevenue(revenue, { ...rates, employerRateBp });
        expect(s.employerCostCents).toBeLessThanOrEqual(s.leftCents);
        // …and it is the greatest gross that fits: one cent more would not.
        expect(breakdownOfGross(s.grossCents + 1, { ...rates, employerRateBp }).employerCostCents).toBeGreaterThan(s.leftCents);
      }
    }
  });

  it('halves round up: 0,5 cent of contribution is a cent', () => {
    expect(percentOf(5, 1000)).toBe(1); // 0.5
    expect(percentOf(4, 1000)).toBe(0); // 0.4
    expect(simulateFromRevenue(5, rates).contributionCents).toBe(1);
  });

  it('nothing in, nothing out', () => {
    expect(simulateFromRevenue(0, rates)).toMatchObject({ contributionCents: 0, grossCents: 0, employerCostCents: 0, netCents: 0 });
  });

  it('a 100 % contribution leaves nothing for a salary', () => {
    expect(simulateFromRevenue(1_000_00, { ...rates, contributionRateBp: 10_000 })).toMatchObject({ leftCents: 0, grossCents: 0, netCents: 0 });
  });

  it('refuses what is out of bounds: a negative or fractional amount, past 10 million euros, a rate over 100 %', () => {
    expect(() => simulateFromRevenue(-1, rates)).toThrow(RangeError);
    expect(() => simulateFromRevenue(1.5, rates)).toThrow(RangeError);
    expect(() => simulateFromRevenue(MAX_SIMULATED_CENTS + 1, rates)).toThrow(RangeError);
    expect(() => simulateFromRevenue(100, { ...rates, employerRateBp: 10_001 })).toThrow(RangeError);
    expect(() => simulateFromRevenue(100, { ...rates, employeeRateBp: -1 })).toThrow(RangeError);
  });
});

describe('backward: a net → what to invoice', () => {
  it('"I want 1 800 € net": the gross, the employer cost and the revenue to invoice', () => {
    const s = simulateFromNet(1_800_00, rates)!;
    // 1800 / 0.78 = 2307.69…: 2307.70 pays 1800.01 − …; the least gross paying 1800.00 net.
    expect(s.netCents).toBe(1_800_00);
    expect(s.grossCents).toBe(2_307_69);
    expect(breakdownOfGross(2_307_68, rates).netCents).toBeLessThan(1_800_00);
    expect(s.employerCostCents).toBe(2_307_69 + 1_038_46);
    // The least revenue: one cent less would pay less than 1800 net.
    expect(simulateFromRevenue(s.revenueCents - 1, rates).netCents).toBeLessThan(1_800_00);
    expect(s.revenueCents).toBe(3_717_94); // 3717.94 − 10 % (371.79) = 3346.15 = 2307.69 + 1038.46
  });

  it('round trip net → revenue → net gives back the same net, to the cent, for awkward amounts', () => {
    const awkward = [0, 1, 2, 7, 99, 101, 1_799_99, 1_800_00, 1_800_01, 3_333_33, 12_345_67, 99_999_99];
    for (const contributionRateBp of [0, 800, 1150, 2500]) {
      for (const employeeRateBp of [0, 2200, 2333, 5000]) {
        const r = { contributionRateBp, employerRateBp: 4500, employeeRateBp };
        for (const net of awkward) {
          const back = simulateFromNet(net, r)!;
          expect(simulateFromRevenue(back.revenueCents, r).netCents).toBe(net);
        }
      }
    }
  });

  it('round trip revenue → net → revenue gives back the revenue or less (the least revenue paying that net)', () => {
    for (const revenue of [1, 3, 100, 3_718_27, 3_718_28, 5_000_00, 12_345_67]) {
      const net = simulateFromRevenue(revenue, rates).netCents;
      const back = simulateFromNet(net, rates)!;
      expect(back.revenueCents).toBeLessThanOrEqual(revenue);
      expect(back.netCents).toBe(net);
    }
  });

  it('a net of 0 needs no revenue', () => {
    expect(simulateFromNet(0, rates)).toMatchObject({ revenueCents: 0, grossCents: 0, netCents: 0 });
  });

  it('no revenue pays a net when the contribution or the employee contributions take everything', () => {
    expect(simulateFromNet(1_00, { ...rates, contributionRateBp: 10_000 })).toBeNull();
    expect(grossForNet(1_00, 10_000)).toBeNull();
    expect(simulateFromNet(1_00, { ...rates, employeeRateBp: 10_000 })).toBeNull();
  });
});
