import { describe, expect, it } from 'vitest';
import { computeLineAmounts, computeTotals, divRound, type TotalsLine } from './compute-totals.js';

const line = (quantityMilli: number, unitPriceCents: number, more: Partial<TotalsLine> = {}): TotalsLine => ({
  quantityMilli,
  unitPriceCents,
  vatCategory: 'S',
  vatRateBp: 2000,
  ...more,
});

describe('rounding', () => {
  it('rounds half away from zero, on both signs', () => {
    expect(divRound(5n, 10n)).toBe(1n);
    expect(divRound(-5n, 10n)).toBe(-1n);
    expect(divRound(4n, 10n)).toBe(0n);
    expect(divRound(-15n, 10n)).toBe(-2n);
    expect(divRound(14n, 10n)).toBe(1n);
  });
});

describe('line net amounts', () => {
  it('adds 0.10 and 0.20 to exactly 0.30', () => {
    const totals = computeTotals({ lines: [line(1000, 10), line(1000, 20)] });
    expect(totals.lineTotalCents).toBe(30);
    expect(totals.vatTotalCents).toBe(6);
    expect(totals.grandTotalCents).toBe(36);
  });

  it('bills three times 33.33 as 99.99, with 20 % VAT of 20.00 computed once', () => {
    const totals = computeTotals({ lines: [line(3000, 3333)] });
    expect(totals.lineTotalCents).toBe(9999);
    expect(totals.vatTotalCents).toBe(2000);
    expect(totals.grandTotalCents).toBe(11999);
  });

  it('rounds a third of an hour to the cent on the line', () => {
    expect(computeLineAmounts(line(333, 9000)).netCents).toBe(2997);
    expect(computeLineAmounts(line(667, 9000)).netCents).toBe(6003);
    expect(computeLineAmounts(line(1, 1)).netCents).toBe(0);
  });

  it('rounds each line of half a cent up, so many of them add to whole cents (BR-CO-10)', () => {
    const lines = Array.from({ length: 10 }, () => line(1, 500));
    const totals = computeTotals({ lines });
    expect(totals.lines.every((l) => l.netCents === 1)).toBe(true);
    expect(totals.lineTotalCents).toBe(10);
    expect(totals.vatBreakdown[0]?.basisCents).toBe(10);
  });

  it('applies a percentage discount on the rounded gross amount', () => {
    expect(computeLineAmounts(line(1000, 9999, { discountBp: 1000 }))).toEqual({ grossCents: 9999, discountCents: 1000, netCents: 8999 });
  });

  it('applies a discount amount', () => {
    expect(computeLineAmounts(line(2000, 5000, { discountCents: 1250 }))).toEqual({ grossCents: 10000, discountCents: 1250, netCents: 8750 });
  });

  it('gives a returned line a negative net amount, without a discount', () => {
    expect(computeLineAmounts(line(-1000, 2500)).netCents).toBe(-2500);
    expect(() => computeLineAmounts(line(-1000, 2500, { discountCents: 500 }))).toThrow(/negative quantity/);
  });

  it('refuses a negative unit price, a rate with an amount discount, and fractional cents', () => {
    expect(() => computeLineAmounts(line(1000, -1))).toThrow(/BR-27/);
    expect(() => computeLineAmounts(line(1000, 100, { discountBp: 10, discountCents: 1 }))).toThrow();
    expect(() => computeLineAmounts(line(1000, 10.5))).toThrow();
    expect(() => computeLineAmounts(line(1000, 100, { discountCents: 101 }))).toThrow(/exceed/);
  });

  it('keeps exact figures where a product passes 2^53', () => {
    // 1 234 567.891 units at 9 876 543.21 €: quantity in thousandths × price in cents is 1.2e18.
    const totals = computeTotals({ lines: [line(1_234_567_891, 987_654_321)] });
    expect(totals.lineTotalCents).toBe(1_219_326_312_114_007);
    expect(totals.vatTotalCents).toBe(243_865_262_422_801);
  });
});

describe('VAT breakdown', () => {
  it('computes 5.5 % VAT on the group total, not per line', () => {
    // Three lines of 0.10: 0.0055 each would round to 0.03; on the 0.30 basis it is 0.0165 → 0.02.
    const totals = computeTotals({ lines: [1, 2, 3].map(() => line(1000, 10, { vatRateBp: 550 })) });
    expect(totals.vatBreakdown).toEqual([{ vatCategory: 'S', vatRateBp: 550, basisCents: 30, vatCents: 2 }]);
  });

  it('rounds 5.5 % of an odd amount half away from zero', () => {
    expect(computeTotals({ lines: [line(1000, 999, { vatRateBp: 550 })] }).vatTotalCents).toBe(55); // 54.945
    expect(computeTotals({ lines: [line(1000, 1001, { vatRateBp: 550 })] }).vatTotalCents).toBe(55); // 55.055
    expect(computeTotals({ lines: [line(1000, 1010, { vatRateBp: 210 })] }).vatTotalCents).toBe(21); // 21.21
  });

  it('breaks several rates of one invoice into one group each', () => {
    const totals = computeTotals({
      lines: [line(1000, 10000), line(2000, 1999, { vatRateBp: 1000 }), line(1500, 333, { vatRateBp: 550 }), line(1000, 5000)],
    });
    expect(totals.vatBreakdown).toEqual([
      { vatCategory: 'S', vatRateBp: 2000, basisCents: 15000, vatCents: 3000 },
      { vatCategory: 'S', vatRateBp: 1000, basisCents: 3998, vatCents: 400 },
      { vatCategory: 'S', vatRateBp: 550, basisCents: 500, vatCents: 28 },
    ]);
    expect(totals.lineTotalCents).toBe(19498);
    expect(totals.vatTotalCents).toBe(3428);
    expect(totals.grandTotalCents).toBe(22926);
  });

  it('charges no VAT under the franchise of art. 293 B du CGI', () => {
    const reason = 'TVA non applicable, art. 293 B du CGI';
    const totals = computeTotals({ lines: [line(1000, 12345, { vatCategory: 'E', vatRateBp: 0, exemptionReason: reason })] });
    expect(totals.vatBreakdown).toEqual([{ vatCategory: 'E', vatRateBp: 0, basisCents: 12345, vatCents: 0, exemptionReason: reason }]);
    expect(totals.grandTotalCents).toBe(12345);
  });

  it('charges no VAT under reverse charge (Autoliquidation) nor on an intra-EU supply', () => {
    const totals = computeTotals({
      lines: [
        line(1000, 100000, { vatCategory: 'AE', vatRateBp: 0, exemptionReason: 'Autoliquidation' }),
        line(1000, 50000, { vatCategory: 'K', vatRateBp: 0, exemptionReason: 'Exonération de TVA, art. 262 ter I du CGI' }),
      ],
    });
    expect(totals.vatBreakdown.map((g) => [g.vatCategory, g.basisCents, g.vatCents])).toEqual([
      ['AE', 100000, 0],
      ['K', 50000, 0],
    ]);
    expect(totals.vatTotalCents).toBe(0);
  });

  it('refuses a standard line without a rate and an exempt line with one', () => {
    expect(() => computeTotals({ lines: [line(1000, 100, { vatRateBp: 0 })] })).toThrow(/BR-S-05/);
    expect(() => computeTotals({ lines: [line(1000, 100, { vatCategory: 'E', vatRateBp: 2000 })] })).toThrow();
  });
});

describe('document totals', () => {
  it('takes a document allowance off its VAT group before computing the VAT', () => {
    const totals = computeTotals({
      lines: [line(1000, 10000), line(1000, 5000, { vatRateBp: 1000 })],
      allowances: [{ amountCents: 1000, reason: 'Remise fidélité', vatCategory: 'S', vatRateBp: 2000 }],
    });
    expect(totals.lineTotalCents).toBe(15000);
    expect(totals.allowanceTotalCents).toBe(1000);
    expect(totals.taxBasisCents).toBe(14000);
    expect(totals.vatBreakdown.map((g) => [g.vatRateBp, g.basisCents, g.vatCents])).toEqual([
      [2000, 9000, 1800],
      [1000, 5000, 500],
    ]);
    expect(totals.grandTotalCents).toBe(16300);
  });

  it('deducts the deposits already paid from the amount due', () => {
    const totals = computeTotals({ lines: [line(1000, 100000)], prepaidCents: 30000 });
    expect(totals.grandTotalCents).toBe(120000);
    expect(totals.prepaidCents).toBe(30000);
    expect(totals.dueCents).toBe(90000);
  });

  it('totals a document without lines at zero', () => {
    expect(computeTotals({ lines: [] })).toMatchObject({ lineTotalCents: 0, vatTotalCents: 0, grandTotalCents: 0, dueCents: 0 });
  });
});
