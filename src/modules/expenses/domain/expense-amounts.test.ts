import { describe, expect, it } from 'vitest';
import { expenseAmounts, refundOf, vatInGross } from './expense-amounts.js';

describe('expense line amounts', () => {
  it('computes the VAT inside the amount from the rate, half-up to the cent', () => {
    expect(vatInGross(12_000, 2000)).toBe(2_000);
    expect(vatInGross(1_000, 1000)).toBe(91); // 1 000 / 11 = 90,9 → 91
    expect(vatInGross(1_000, 0)).toBe(0);
    expect(expenseAmounts({ grossCents: 12_000, vatRateBp: 2000 })).toEqual({ ok: true, amounts: { grossCents: 12_000, vatCents: 2_000, netCents: 10_000 } });
  });

  it('takes the VAT amount of a receipt with several rates: HT + TVA = TTC', () => {
    const r = expenseAmounts({ grossCents: 5_000, vatCents: 620 });
    expect(r).toEqual({ ok: true, amounts: { grossCents: 5_000, vatCents: 620, netCents: 4_380 } });
  });

  it('refuses a VAT not below the amount, a negative VAT, an unknown rate, amounts out of bounds', () => {
    expect(expenseAmounts({ grossCents: 5_000, vatCents: 5_000 })).toMatchObject({ ok: false, problems: [{ path: 'vatCents' }] });
    expect(expenseAmounts({ grossCents: 5_000, vatCents: -1 })).toMatchObject({ ok: false, problems: [{ path: 'vatCents' }] });
    expect(expenseAmounts({ grossCents: 5_000, vatRateBp: 1900 })).toMatchObject({ ok: false, problems: [{ path: 'vatRateBp' }] });
    expect(expenseAmounts({ grossCents: 0 })).toMatchObject({ ok: false, problems: [{ path: 'grossCents' }] });
    expect(expenseAmounts({ grossCents: 100_000_001 })).toMatchObject({ ok: false, problems: [{ path: 'grossCents' }] });
    expect(expenseAmounts({ grossCents: 10.5 })).toMatchObject({ ok: false, problems: [{ path: 'grossCents' }] });
    expect(expenseAmounts({ grossCents: 100_000_000, vatRateBp: 2000 }).ok).toBe(true);
  });

  it('settles an outstanding expense advance first, and refunds the rest', () => {
    expect(refundOf(30_000, 0)).toEqual({ settledCents: 0, refundCents: 30_000 });
    expect(refundOf(30_000, 10_000)).toEqual({ settledCents: 10_000, refundCents: 20_000 });
    expect(refundOf(30_000, 50_000)).toEqual({ settledCents: 30_000, refundCents: 0 });
  });
});
