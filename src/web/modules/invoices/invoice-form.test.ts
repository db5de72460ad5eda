import { describe, expect, it } from 'vitest';
import { emptyLine, formPathOf, liveTotals, parseScaled, scaledToInput } from '../documents/pure';
import { bodyOf, newInvoiceValues } from './invoice-form';

describe('amounts typed in euros', () => {
  it('become cents from their digits, with no float error', () => {
    expect(parseScaled('0,1', 2)).toBe(10);
    expect(parseScaled('1 234,56', 2)).toBe(123_456);
    expect(parseScaled('1234.5', 2)).toBe(123_450);
    expect(parseScaled('19,99', 2)).toBe(1999);
    expect(parseScaled('4,35', 2)).toBe(435);
    expect(parseScaled('1.005', 2)).toBeNull();
    expect(parseScaled('abc', 2)).toBeNull();
    expect(parseScaled('', 2)).toBeNull();
    expect(parseScaled('-3', 2)).toBeNull();
  });

  it('quantities keep three decimals and may be negative', () => {
    expect(parseScaled('1,125', 3, { allowNegative: true })).toBe(1125);
    expect(parseScaled('-2', 3, { allowNegative: true })).toBe(-2000);
    expect(parseScaled('0,0005', 3, { allowNegative: true })).toBeNull();
  });

  it('a stored amount shows back as the person would type it', () => {
    expect(scaledToInput(123_450, 2, 'fr')).toBe('1234,5');
    expect(scaledToInput(5, 2, 'en')).toBe('0.05');
    expect(scaledToInput(2000, 3, 'fr')).toBe('2');
  });
});

describe('live totals', () => {
  it('are those of the server for two VAT rates', () => {
    const lines = [
      { ...emptyLine(), description: 'Jours', quantity: '2', unitPrice: '500', vat: 'S:2000' as const },
      { ...emptyLine(), description: 'Livre', quantity: '1', unitPrice: '20', vat: 'S:550' as const, discountKind: 'percent' as const, discount: '10' },
    ];
    const { totals, problems } = liveTotals(lines);
    expect(problems).toEqual([]);
    expect(totals).toMatchObject({ taxBasisCents: 101_800, vatTotalCents: 20_099, grandTotalCents: 121_899 });
  });

  it('name the line whose discount exceeds it, under its discount field', () => {
    const { problems } = liveTotals([{ ...emptyLine(), quantity: '1', unitPrice: '10', discountKind: 'amount', discount: '20' }]);
    expect(problems.map((p) => p.path)).toEqual(['lines.0.discount']);
  });

  it('map API paths onto the form fields', () => {
    expect(formPathOf('lines.3.vatRateBp')).toBe('lines.3.vat');
    expect(formPathOf('lines.0.unitPriceCents')).toBe('lines.0.unitPrice');
    expect(formPathOf('clientId')).toBe('clientId');
  });
});

describe('the body sent to the API', () => {
  it('carries the period instead of a date, and exempt lines with their reason', () => {
    const values = {
      ...newInvoiceValues({ activityId: 'a', clientId: 'c', today: '2026-06-01' }),
      dateMode: 'period' as const,
      periodStart: '2026-05-01',
      periodEnd: '2026-05-31',
      lines: [{ ...emptyLine(), description: 'Cours', quantity: '3', unitPrice: '40', vat: 'E:0' as const, exemptionReason: 'TVA non applicable, art. 293 B du CGI' }],
    };
    const { body, typing } = bodyOf(values);
    expect(typing).toEqual([]);
    expect(body).toMatchObject({ serviceDate: null, servicePeriod: { start: '2026-05-01', end: '2026-05-31' } });
    expect(body.lines![0]).toMatchObject({ quantityMilli: 3000, unitPriceCents: 4000, vatCategory: 'E', vatRateBp: 0, exemptionReason: 'TVA non applicable, art. 293 B du CGI' });
  });
});
