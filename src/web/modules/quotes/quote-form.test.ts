import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../../modules/documents/contract';
import { liveTotals } from '../documents/pure';
import { addDays } from '../../../platform/calendar/contract';
import { emptyQuoteLine, newQuoteValues, percentToBp, quoteBodyOf, quoteButtons } from './quote-form';

const line = (more: Partial<ReturnType<typeof emptyQuoteLine>>) => ({ ...emptyQuoteLine(), description: 'Prestation', ...more });

describe('quote form', () => {
  it('turns euros typed with a comma into exact cents and 3-decimal quantities into thousandths', () => {
    const values = { ...newQuoteValues({ activityId: 'a', clientId: 'c', today: '2026-11-23' }), lines: [line({ sectionTitle: ' Lot 1 ', quantity: '2,125', unitPrice: '0,1' }), line({ quantity: '3', unitPrice: '1 234,56', vat: 'E:0', exemptionReason: 'Exonération, art. 261 du CGI' })] };
    const { body, typing } = quoteBodyOf(values);
    expect(typing).toEqual([]);
    expect(body.validUntil).toBe('2026-12-23');
    expect(body.lines).toMatchObject([
      { sectionTitle: 'Lot 1', quantityMilli: 2125, unitPriceCents: 10, vatCategory: 'S', vatRateBp: 2000 },
      { sectionTitle: null, quantityMilli: 3000, unitPriceCents: 123_456, vatCategory: 'E', vatRateBp: 0, exemptionReason: 'Exonération, art. 261 du CGI' },
    ]);
  });

  it('shows the totals the server will compute, with the same function', () => {
    const lines = [line({ quantity: '3', unitPrice: '0,1' }), line({ quantity: '1', unitPrice: '0,2', vat: 'S:550' })];
    const { body } = quoteBodyOf({ ...newQuoteValues({ today: '2026-01-01' }), lines });
    expect(liveTotals(lines).totals).toEqual(computeTotals({ lines: body.lines!.map(({ quantityMilli, unitPriceCents, vatCategory, vatRateBp }) => ({ quantityMilli, unitPriceCents, vatCategory, vatRateBp })) }));
    expect(liveTotals(lines).totals.taxBasisCents).toBe(50);
  });

  it('lists what cannot be read as a number instead of guessing', () => {
    const { typing } = quoteBodyOf({ ...newQuoteValues({ today: '2026-01-01' }), lines: [line({ unitPrice: '12,345' })] });
    expect(typing.map((p) => p.path)).toEqual(['lines.0.unitPrice']);
  });

  it('offers a member to submit, not to validate, when the coop validates quotes; staff validate', () => {
    const draft = { status: 'draft' as const, validUntil: '2026-12-31' };
    const member = quoteButtons(draft, { roles: ['member'], needsValidation: true, today: '2026-11-23' });
    expect([...member].sort()).toEqual(['delete', 'duplicate', 'edit', 'submit']);
    const staff = quoteButtons({ ...draft, status: 'submitted' }, { roles: ['staff'], needsValidation: true, today: '2026-11-23' });
    expect(staff.has('validate') && staff.has('send_back')).toBe(true);
    expect(quoteButtons({ ...draft, status: 'sent' }, { roles: ['member'], needsValidation: true, today: '2026-11-23' }).has('accept')).toBe(false);
    expect(quoteButtons({ ...draft, status: 'accepted' }, { roles: ['member'], needsValidation: true, today: '2026-11-23' }).has('invoice')).toBe(true);
  });

  it('reads a deposit percentage and a validity date', () => {
    expect(percentToBp('30')).toBe(3000);
    expect(percentToBp('33,33 %')).toBe(3333);
    expect(percentToBp('0')).toBeNull();
    expect(percentToBp('101')).toBeNull();
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
  });
});
