import { describe, expect, it } from 'vitest';
import { computeTotals, vatOf, type TotalsLine } from '../../documents/index.js';
import { planNextInvoice, splitProportionally, type PlannedInvoice, type PlanResult, type QuoteTotalsForPlan, type VatGroupAmounts } from './invoicing-plan.js';

const line = (quantityMilli: number, unitPriceCents: number, vatRateBp: number): TotalsLine => ({ quantityMilli, unitPriceCents, vatCategory: 'S', vatRateBp });

// Renovation work: labour at 10 %, fittings at 20 %, insulation at 5.5 %, with odd cents.
const quote = computeTotals({ lines: [line(1000, 1_234_567, 2000), line(3000, 333_333, 1000), line(1000, 99_999, 550)] });

function invoiced(result: PlanResult): PlannedInvoice {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
}

/** Adds up the planned invoices per VAT group, as the service passes them back in. */
function groupsOf(invoices: readonly PlannedInvoice[]): VatGroupAmounts[] {
  return invoices.flatMap((i) => i.groups.map(({ vatCategory, vatRateBp, basisCents, vatCents }) => ({ vatCategory, vatRateBp, basisCents, vatCents })));
}

function expectSumsToQuote(q: QuoteTotalsForPlan & { taxBasisCents: number; vatTotalCents: number; grandTotalCents: number }, invoices: readonly PlannedInvoice[]) {
  expect(invoices.reduce((s, i) => s + i.netCents, 0)).toBe(q.taxBasisCents);
  expect(invoices.reduce((s, i) => s + i.vatCents, 0)).toBe(q.vatTotalCents);
  expect(invoices.reduce((s, i) => s + i.grossCents, 0)).toBe(q.grandTotalCents);
  for (const group of q.vatBreakdown) {
    const parts = groupsOf(invoices).filter((g) => g.vatRateBp === group.vatRateBp && g.vatCategory === group.vatCategory);
    expect(parts.reduce((s, g) => s + g.basisCents, 0)).toBe(group.basisCents);
    expect(parts.reduce((s, g) => s + g.vatCents, 0)).toBe(group.vatCents);
  }
}

describe('invoicing an accepted quote', () => {
  it('the whole quote is invoiced at once, identical to the quote', () => {
    const whole = invoiced(planNextInvoice(quote, [], { kind: 'whole' }));
    expect(whole.grossCents).toBe(quote.grandTotalCents);
    expect(whole.groups.every((g) => g.vatAdjustmentCents === 0)).toBe(true);
    expect(whole.remainingGrossCents).toBe(0);
  });

  it('a 30 % deposit then the balance add up exactly to the quote, per VAT rate', () => {
    const deposit = invoiced(planNextInvoice(quote, [], { kind: 'deposit', percentBp: 3000 }));
    expect(deposit.netCents).toBe(Math.round(quote.taxBasisCents * 0.3));
    const balance = invoiced(planNextInvoice(quote, groupsOf([deposit]), { kind: 'balance' }));
    expectSumsToQuote(quote, [deposit, balance]);
    expect(balance.remainingNetCents).toBe(0);
    expect(balance.remainingGrossCents).toBe(0);
  });

  it('the deposit carries every VAT rate of the quote in proportion, with VAT computed on each share', () => {
    const deposit = invoiced(planNextInvoice(quote, [], { kind: 'deposit', percentBp: 3000 }));
    expect(deposit.groups.map((g) => g.vatRateBp)).toEqual(quote.vatBreakdown.map((g) => g.vatRateBp));
    for (const group of deposit.groups) {
      const ofQuote = quote.vatBreakdown.find((g) => g.vatRateBp === group.vatRateBp)!;
      expect(Math.abs(group.basisCents - ofQuote.basisCents * 0.3)).toBeLessThanOrEqual(1);
      expect(group.vatCents).toBe(vatOf(group.basisCents, group.vatRateBp));
    }
  });

  it('the balance absorbs the rounding of the deposits, and says by how much its VAT differs', () => {
    const deposit = invoiced(planNextInvoice(quote, [], { kind: 'deposit', percentBp: 3000 }));
    const balance = invoiced(planNextInvoice(quote, groupsOf([deposit]), { kind: 'balance' }));
    for (const group of balance.groups) {
      expect(group.vatCents - vatOf(group.basisCents, group.vatRateBp)).toBe(group.vatAdjustmentCents);
      expect(Math.abs(group.vatAdjustmentCents)).toBeLessThanOrEqual(1);
    }
  });

  it('three stages of 33.33 % and the balance add up exactly to the quote', () => {
    const done: PlannedInvoice[] = [];
    for (let i = 0; i < 3; i++) done.push(invoiced(planNextInvoice(quote, groupsOf(done), { kind: 'stage', percentBp: 3333 })));
    // 33.33 % of 23 345.65 € is 7 781.105… €, rounded to 7 781.11 € on each stage.
    expect(quote.taxBasisCents).toBe(2_334_565);
    expect(done.map((s) => s.netCents)).toEqual([778_111, 778_111, 778_111]);
    const balance = invoiced(planNextInvoice(quote, groupsOf(done), { kind: 'balance' }));
    expect(balance.netCents).toBe(232);
    expectSumsToQuote(quote, [...done, balance]);
  });

  it('a deposit given as an amount is invoiced to the exact cent, spread over the VAT rates', () => {
    const deposit = invoiced(planNextInvoice(quote, [], { kind: 'deposit', amountCents: 500_000 }));
    expect(deposit.netCents).toBe(500_000);
    expect(deposit.groups).toHaveLength(3);
    expect(deposit.vatCents).toBe(deposit.groups.reduce((s, g) => s + vatOf(g.basisCents, g.vatRateBp), 0));
    const balance = invoiced(planNextInvoice(quote, groupsOf([deposit]), { kind: 'balance' }));
    expectSumsToQuote(quote, [deposit, balance]);
  });

  it('invoicing more than the quote is refused, and the excess is named', () => {
    const deposit = invoiced(planNextInvoice(quote, [], { kind: 'deposit', percentBp: 8000 }));
    expect(planNextInvoice(quote, groupsOf([deposit]), { kind: 'stage', percentBp: 3000 })).toEqual({
      ok: false,
      reason: 'exceeds_quote',
      excessNetCents: deposit.netCents + Math.round(quote.taxBasisCents * 0.3) - quote.taxBasisCents,
    });
    expect(planNextInvoice(quote, [], { kind: 'deposit', amountCents: quote.taxBasisCents + 1 })).toEqual({ ok: false, reason: 'exceeds_quote', excessNetCents: 1 });
  });

  it('exceeding the quote needs an explicit permission with a reason, and the excess is reported', () => {
    expect(planNextInvoice(quote, [], { kind: 'deposit', amountCents: quote.taxBasisCents + 100, allowExceed: true })).toEqual({
      ok: false,
      reason: 'exceed_reason_required',
    });
    const over = invoiced(planNextInvoice(quote, [], { kind: 'deposit', amountCents: quote.taxBasisCents + 100, allowExceed: true, exceedReason: 'Travaux supplémentaires validés par le client' }));
    expect(over.excessNetCents).toBe(100);
    expect(over.exceedReason).toBe('Travaux supplémentaires validés par le client');
    expect(over.remainingNetCents).toBe(-100);
  });

  it('a quote fully invoiced has no balance left, and "the whole" is refused once a deposit exists', () => {
    const whole = invoiced(planNextInvoice(quote, [], { kind: 'whole' }));
    expect(planNextInvoice(quote, groupsOf([whole]), { kind: 'balance' })).toEqual({ ok: false, reason: 'nothing_left_to_invoice' });
    const deposit = invoiced(planNextInvoice(quote, [], { kind: 'deposit', percentBp: 3000 }));
    expect(planNextInvoice(quote, groupsOf([deposit]), { kind: 'whole' })).toEqual({ ok: false, reason: 'already_partly_invoiced' });
  });

  it('refuses a percentage outside 0–100 %, an amount of nothing, and an invoice in a rate the quote lacks', () => {
    expect(planNextInvoice(quote, [], { kind: 'deposit', percentBp: 0 })).toEqual({ ok: false, reason: 'invalid_percentage' });
    expect(planNextInvoice(quote, [], { kind: 'stage', percentBp: 10_001 })).toEqual({ ok: false, reason: 'invalid_percentage' });
    expect(planNextInvoice(quote, [], { kind: 'deposit', amountCents: 0 })).toEqual({ ok: false, reason: 'invalid_amount' });
    expect(planNextInvoice(quote, [{ vatCategory: 'S', vatRateBp: 210, basisCents: 100, vatCents: 2 }], { kind: 'balance' })).toMatchObject({
      ok: false,
      reason: 'unknown_vat_group',
    });
  });

  it('any sequence of deposits and stages closed by a balance adds up to the quote', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const rates = [2000, 1000, 550, 210];
    for (let run = 0; run < 200; run++) {
      const lines = Array.from({ length: 1 + random(5) }, () => line(1 + random(5000), 1 + random(1_000_000), rates[random(4)]!));
      const q = computeTotals({ lines });
      const done: PlannedInvoice[] = [];
      for (let step = random(4); step > 0; step--) {
        const result = planNextInvoice(q, groupsOf(done), random(2) ? { kind: 'stage', percentBp: 1 + random(3000) } : { kind: 'deposit', amountCents: 1 + random(q.taxBasisCents / 3 + 1) });
        if (result.ok) done.push(result);
      }
      const balance = planNextInvoice(q, groupsOf(done), { kind: 'balance' });
      if (balance.ok) done.push(balance);
      expectSumsToQuote(q, done);
    }
  });
});

describe('proportional split', () => {
  it('parts add up to the total and follow the weights, ties to the first', () => {
    expect(splitProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitProportionally(10, [3, 7])).toEqual([3, 7]);
    expect(splitProportionally(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(() => splitProportionally(10, [0, 0])).toThrow(RangeError);
  });
});
