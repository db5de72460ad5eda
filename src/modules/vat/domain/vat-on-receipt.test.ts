import { describe, expect, it } from 'vitest';
import { vatMovesToTarget } from './vat-on-receipt.js';

const map = (entries: [number, number][]) => new Map(entries);

/** Pays an invoice in the given instalments, moving VAT as the platform does after each one. */
function payInInstalments(vatByRate: [number, number][], grossCents: number, instalments: number[]) {
  const pending = map(vatByRate);
  const moved: number[] = [];
  let paid = 0;
  for (const amount of instalments) {
    paid += amount;
    const moves = vatMovesToTarget({ invoicedByRate: map(vatByRate), creditedByRate: new Map(), pendingByRate: pending }, { grossCents, creditedCents: 0, leftCents: grossCents - paid });
    for (const m of moves) pending.set(m.rateBp, (pending.get(m.rateBp) ?? 0) - m.cents);
    moved.push(moves.reduce((s, m) => s + m.cents, 0));
  }
  return { pending, moved };
}

describe('VAT on receipts: what moves to 44571 with each payment', () => {
  it('moves the VAT in proportion of what the client paid', () => {
    const { moved } = payInInstalments([[2000, 20000]], 120000, [60000]);
    expect(moved).toEqual([10000]);
  });

  it('rounds on the cumulative amount, so three thirds of an awkward invoice move exactly its VAT', () => {
    // 100.01 € excl. VAT at 20 % = 20.00 € of VAT, 120.01 € paid in three awkward parts.
    const { pending, moved } = payInInstalments([[2000, 2000]], 12001, [4000, 4000, 4001]);
    expect(moved.reduce((s, m) => s + m, 0)).toBe(2000);
    expect(pending.get(2000)).toBe(0);
    expect(moved).toEqual([667, 666, 667]);
  });

  it('one cent at a time still moves the VAT exactly once', () => {
    const { pending, moved } = payInInstalments([[550, 7]], 133, Array.from({ length: 133 }, () => 1));
    expect(moved.reduce((s, m) => s + m, 0)).toBe(7);
    expect(moved.every((m) => m >= 0)).toBe(true);
    expect(pending.get(550)).toBe(0);
  });

  it('splits a payment between the rates of the invoice', () => {
    // 1000 € at 20 % (200 €) and 1000 € at 5.5 % (55 €): 2255 €, half paid.
    const { moved, pending } = payInInstalments(
      [
        [2000, 20000],
        [550, 5500],
      ],
      225500,
      [112750],
    );
    expect(moved).toEqual([12750]);
    expect(pending).toEqual(map([[2000, 10000], [550, 2750]]));
  });

  it('moves it back when a payment is cancelled', () => {
    const moves = vatMovesToTarget({ invoicedByRate: map([[2000, 20000]]), creditedByRate: new Map(), pendingByRate: map([[2000, 10000]]) }, { grossCents: 120000, creditedCents: 0, leftCents: 120000 });
    expect(moves).toEqual([{ rateBp: 2000, cents: -10000 }]);
  });

  it('after a credit note, leaves on 44574 the VAT of what is still to pay of what remains invoiced', () => {
    // 1000 € at 20 % and 1000 € at 5.5 %, 1000 € paid, then the 20 % line credited in full:
    // 1000 € paid of the 1055 € left invoiced, so 55 € × 55 / 1055 ≈ 3 € stays waiting.
    const moves = vatMovesToTarget(
      { invoicedByRate: map([[2000, 20000], [550, 5500]]), creditedByRate: map([[2000, 20000]]), pendingByRate: map([[2000, 0], [550, 3050]]) },
      { grossCents: 225500, creditedCents: 120000, leftCents: 5500 },
    );
    expect(moves).toEqual([{ rateBp: 550, cents: 3050 - 287 }]);
  });

  it('moves nothing more once everything is settled', () => {
    expect(vatMovesToTarget({ invoicedByRate: map([[2000, 20000]]), creditedByRate: map([[2000, 20000]]), pendingByRate: map([[2000, 0]]) }, { grossCents: 120000, creditedCents: 120000, leftCents: 0 })).toEqual([]);
  });
});
