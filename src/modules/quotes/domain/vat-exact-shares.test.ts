import { describe, expect, it } from 'vitest';
import { vatOf } from '../../documents/index.js';
import { vatExactShares, type OpenVatGroup } from './vat-exact-shares.js';

const group = (vatRateBp: number, basis: number, share: number): OpenVatGroup => ({
  vatCategory: vatRateBp === 0 ? 'E' : 'S',
  vatRateBp,
  remainingBasisCents: basis,
  remainingVatCents: vatOf(basis, vatRateBp),
  shareCents: share,
});

const vatKeptExact = (g: OpenVatGroup, share: number) => vatOf(share, g.vatRateBp) + vatOf(g.remainingBasisCents - share, g.vatRateBp) === g.remainingVatCents;

describe('deposit shares that keep the VAT of the quote exact', () => {
  it('a share whose VAT and the rest\'s VAT already add up is kept', () => {
    expect(vatExactShares([group(2000, 110_250, 33_075)])).toEqual([33_075]);
  });

  it('a 5.5 % share that would lose a cent moves, and the exempt group takes the cent back', () => {
    // 30 % of 399,60 € at 5.5 %: 0,66 € + 1,54 € of VAT, one cent short of the quote's 2,20 €.
    const groups = [group(550, 39_960, 11_988), group(0, 60_000, 18_000)];
    const shares = vatExactShares(groups);
    expect(vatKeptExact(groups[0]!, shares[0]!)).toBe(true);
    expect(Math.abs(shares[0]! - 11_988)).toBeLessThanOrEqual(5);
    expect(shares[0]! + shares[1]!).toBe(11_988 + 18_000);
  });

  it('every rate of a quote stays exact while the deposit keeps its amount', () => {
    for (let basis = 10_001; basis < 10_400; basis += 7) {
      const groups = [group(2000, basis, Math.round(basis * 0.3)), group(1000, basis * 3 + 1, Math.round((basis * 3 + 1) * 0.3)), group(550, basis + 13, Math.round((basis + 13) * 0.3)), group(210, basis * 2, Math.round(basis * 0.6))];
      const shares = vatExactShares(groups);
      groups.slice(0, 3).forEach((g, i) => expect(vatKeptExact(g, shares[i]!), `basis ${basis}, rate ${g.vatRateBp}`).toBe(true));
      expect(vatKeptExact(groups[3]!, shares[3]!) || shares.reduce((s, x) => s + x, 0) !== groups.reduce((s, g) => s + g.shareCents, 0)).toBe(true);
    }
  });

  it('a share beyond what the group has left (an agreed excess) is not moved', () => {
    expect(vatExactShares([group(2000, 1000, 1503)])).toEqual([1503]);
  });
});
