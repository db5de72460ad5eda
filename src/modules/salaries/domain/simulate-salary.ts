/**
 * The salary simulator of an entrepreneur-salarié: how revenue becomes a salary, and back.
 *
 * It is an estimate with flat rates the coop sets (employer and employee contributions as a
 * single percentage each), not a payslip: the payroll software computes the real one, line by
 * line. What the simulator promises is only what the coop books when a salary is validated:
 * gross (641), employer contributions (645), employee contributions and net (421/431), from the
 * same rates and the same rounding.
 *
 * Rounding, all in integer cents (rates in basis points, 10,000 = 100 %):
 * - contribution = revenue × contribution rate, to the nearest cent (half up);
 * - left = revenue − contribution;
 * - employer contributions = gross × employer rate, to the nearest cent (half up);
 * - gross = the greatest gross whose employer cost (gross + employer contributions, as booked,
 *   rounded) fits in `left`: about left ÷ (1 + employer rate), never a cent of cost more than
 *   what is left;
 * - employee contributions = gross × employee rate, to the nearest cent (half up);
 * - net = gross − employee contributions.
 * Backward (a target net), each step takes the LEAST amount whose forward result reaches the
 * target: the least gross whose net is at least the target, then the least revenue whose gross
 * is at least that gross. Every forward step grows by 0 or 1 cent when its input grows by one
 * cent, so "at least" is "exactly": net → revenue → net gives back the same net, to the cent;
 * revenue → net → revenue gives back the revenue or less (the least revenue paying that net).
 *
 * A pure rule: no clock, no database.
 */

/** 100 % in basis points. */
export const FULL_BP = 10_000;

/** The largest amount the simulator takes, 10 million euros: bounds every product below 2^53. */
export const MAX_SIMULATED_CENTS = 1_000_000_000;

export interface SalaryRates {
  /** The coop's contribution on revenue excl. VAT (coops.contributionRateBp). */
  contributionRateBp: number;
  /** Employer contributions on the gross, flat. */
  employerRateBp: number;
  /** Employee contributions on the gross, flat. */
  employeeRateBp: number;
}

/** What a gross salary costs and pays. */
export interface SalaryBreakdown {
  grossCents: number;
  employerContributionsCents: number;
  /** Gross + employer contributions: what leaves the activity. */
  employerCostCents: number;
  employeeContributionsCents: number;
  netCents: number;
}

/** The whole chain from revenue excl. VAT. */
export interface RevenueSimulation extends SalaryBreakdown {
  revenueCents: number;
  contributionCents: number;
  /** Revenue − contribution: what the employer cost may use. */
  leftCents: number;
}

/** amount × rate ÷ 10,000 to the nearest cent, halves up (amount ≥ 0). */
export const percentOf = (cents: number, rateBp: number): number => Math.floor((cents * rateBp + FULL_BP / 2) / FULL_BP);

function assertAmount(cents: number, what: string): void {
  if (!Number.isSafeInteger(cents) || cents < 0 || cents > MAX_SIMULATED_CENTS) throw new RangeError(`${what} must be whole cents between 0 and ${MAX_SIMULATED_CENTS}`);
}

function assertRates(rates: SalaryRates): void {
  for (const [name, bp] of Object.entries(rates)) {
    if (!Number.isInteger(bp) || bp < 0 || bp > FULL_BP) throw new RangeError(`${name} must be whole basis points between 0 and ${FULL_BP}`);
  }
}

/** What a gross salary costs the activity and pays the member. */
export function breakdownOfGross(grossCents: number, rates: Pick<SalaryRates, 'employerRateBp' | 'employeeRateBp'>): SalaryBreakdown {
  assertAmount(grossCents, 'gross');
  const employerContributionsCents = percentOf(grossCents, rates.employerRateBp);
  const employeeContributionsCents = percentOf(grossCents, rates.employeeRateBp);
  return {
    grossCents,
    employerContributionsCents,
    employerCostCents: grossCents + employerContributionsCents,
    employeeContributionsCents,
    netCents: grossCents - employeeContributionsCents,
  };
}

/**
 * The greatest gross whose employer cost, rounded as it is booked, fits in `costCents`. The
 * exact quotient is a lower bound; rounding the contributions half up may let a cent more fit.
 */
export function grossForEmployerCost(costCents: number, employerRateBp: number): number {
  assertAmount(costCents, 'employer cost');
  const costOf = (g: number) => g + percentOf(g, employerRateBp);
  let gross = Math.floor((costCents * FULL_BP) / (FULL_BP + employerRateBp));
  while (costOf(gross + 1) <= costCents) gross += 1;
  return gross;
}

/** Forward: revenue excl. VAT → contribution → left → gross → net. */
export function simulateFromRevenue(revenueCents: number, rates: SalaryRates): RevenueSimulation {
  assertAmount(revenueCents, 'revenue');
  assertRates(rates);
  const contributionCents = percentOf(revenueCents, rates.contributionRateBp);
  const leftCents = revenueCents - contributionCents;
  return { revenueCents, contributionCents, leftCents, ...breakdownOfGross(grossForEmployerCost(leftCents, rates.employerRateBp), rates) };
}

/** The least value in [low, high] where `reaches` holds, `reaches` being monotonic; null when none. */
function leastReaching(low: number, high: number, reaches: (x: number) => boolean): number | null {
  if (!reaches(high)) return null;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (reaches(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The least gross paying at least `netCents`; null when the employee rate leaves nothing (100 %) or the bound is passed. */
export function grossForNet(netCents: number, employeeRateBp: number): number | null {
  assertAmount(netCents, 'net');
  return leastReaching(netCents, MAX_SIMULATED_CENTS, (g) => g - percentOf(g, employeeRateBp) >= netCents);
}

/**
 * Backward: "I want this net: how much must I invoice?". The least revenue excl. VAT whose
 * forward simulation pays at least `netCents` (exactly that, see the rounding above); null when
 * no revenue within the simulator's bound can (a contribution or employee rate of 100 %).
 */
export function simulateFromNet(netCents: number, rates: SalaryRates): RevenueSimulation | null {
  assertAmount(netCents, 'net');
  assertRates(rates);
  const gross = grossForNet(netCents, rates.employeeRateBp);
  if (gross === null) return null;
  const revenue = leastReaching(gross, MAX_SIMULATED_CENTS, (r) => simulateFromRevenue(r, rates).grossCents >= gross);
  return revenue === null ? null : simulateFromRevenue(revenue, rates);
}
