import { describe, expect, it } from 'vitest';
import { vatReturnBoxes, type VatBox } from './vat-boxes.js';

const boxes = (f: Parameters<typeof vatReturnBoxes>[0]) => new Map(vatReturnBoxes(f).boxes.map((b) => [b.box as VatBox, b]));

describe('the boxes of the CA3 return', () => {
  it('puts each rate on its line, with its base, and adds them up in 16', () => {
    const b = boxes({ collected: [{ rateBp: 2000, cents: 20000 }, { rateBp: 550, cents: 550 }, { rateBp: 1000, cents: 1000 }, { rateBp: 2000, cents: 4000 }], deductibleOnFixedAssetsCents: 0, deductibleOtherCents: 0, carriedCreditCents: 0 });
    expect(b.get('08')).toEqual({ box: '08', baseCents: 120000, taxCents: 24000 });
    expect(b.get('09')).toEqual({ box: '09', baseCents: 10000, taxCents: 550 });
    expect(b.get('9B')).toEqual({ box: '9B', baseCents: 10000, taxCents: 1000 });
    expect(b.get('A1')!.baseCents).toBe(140000);
    expect(b.get('16')!.taxCents).toBe(25550);
    expect(b.has('10')).toBe(false);
    expect(b.has('11')).toBe(false);
    expect(b.get('28')!.taxCents).toBe(25550);
    expect(b.get('32')!.taxCents).toBe(25550);
  });

  it('shows the overseas rates only when used', () => {
    const b = boxes({ collected: [{ rateBp: 850, cents: 850 }, { rateBp: 210, cents: 21 }], deductibleOnFixedAssetsCents: 0, deductibleOtherCents: 0, carriedCreditCents: 0 });
    expect(b.get('10')).toEqual({ box: '10', baseCents: 10000, taxCents: 850 });
    expect(b.get('11')).toEqual({ box: '11', baseCents: 1000, taxCents: 21 });
    expect(b.get('08')!.taxCents).toBe(0);
  });

  it('deducts 19, 20 and the carried credit 22, and leaves a credit in 25 and 27 when they exceed 16', () => {
    const b = boxes({ collected: [{ rateBp: 2000, cents: 10000 }], deductibleOnFixedAssetsCents: 3000, deductibleOtherCents: 6000, carriedCreditCents: 2500 });
    expect(b.get('23')!.taxCents).toBe(11500);
    expect(b.get('25')!.taxCents).toBe(1500);
    expect(b.get('27')!.taxCents).toBe(1500);
    expect(b.get('28')!.taxCents).toBe(0);
    expect(b.get('32')!.taxCents).toBe(0);
  });

  it('owes the difference in 28 and 32 when the collected VAT exceeds what is deductible', () => {
    const b = boxes({ collected: [{ rateBp: 2000, cents: 10000 }], deductibleOnFixedAssetsCents: 0, deductibleOtherCents: 4000, carriedCreditCents: 1000 });
    expect(b.get('28')!.taxCents).toBe(5000);
    expect(b.get('25')!.taxCents).toBe(0);
  });

  it('counts a VAT line at an unknown rate in 16 without inventing a base for it', () => {
    const r = vatReturnBoxes({ collected: [{ rateBp: null, cents: 123 }, { rateBp: 105, cents: 10 }], deductibleOnFixedAssetsCents: 0, deductibleOtherCents: 0, carriedCreditCents: 0 });
    expect(r.otherCollectedCents).toBe(133);
    expect(r.boxes.find((b) => b.box === '16')!.taxCents).toBe(133);
    expect(r.boxes.find((b) => b.box === 'A1')!.baseCents).toBe(0);
  });

  it('reads a credit note (VAT given back) as a negative amount on its rate', () => {
    const b = boxes({ collected: [{ rateBp: 2000, cents: 20000 }, { rateBp: 2000, cents: -5000 }], deductibleOnFixedAssetsCents: 0, deductibleOtherCents: 0, carriedCreditCents: 0 });
    expect(b.get('08')).toEqual({ box: '08', baseCents: 75000, taxCents: 15000 });
  });
});
