import { shareOf } from './share-of.js';

/**
 * The boxes of the French return CA3 (form n° 3310-CA3-SD) the platform fills:
 * A1 sales and services (base excl. VAT); 08 / 09 / 9B / 10 / 11 the taxed operations at
 * 20 %, 5.5 %, 10 %, 8.5 % and 2.1 % (the last two in the overseas departments); 16 total
 * gross VAT due; 19 deductible VAT on fixed assets; 20 on other goods and services; 22 the
 * credit carried from the last return; 23 total deductible; 25 VAT credit; 27 credit to carry
 * (no refund is asked for here, so 27 = 25); 28 net VAT due; 32 total to pay (no other sums
 * are added, 29 to 31 are not used).
 */
export const VAT_BOXES = ['A1', '08', '09', '9B', '10', '11', '16', '19', '20', '22', '23', '25', '27', '28', '32'] as const;
export type VatBox = (typeof VAT_BOXES)[number];

/** The CA3 line of each rate of metropolitan France and the overseas departments (CGI art. 278 to 281 nonies, 296). */
export const RATE_BOXES: ReadonlyMap<number, VatBox> = new Map([
  [2000, '08'],
  [550, '09'],
  [1000, '9B'],
  [850, '10'],
  [210, '11'],
]);


/** What the ledger holds for a period, in cents. */
export interface VatFigures {
  /** VAT that became due (net credit of 44571), per rate; `null` for lines without a rate the platform knows. */
  collected: readonly { rateBp: number | null; cents: number }[];
  /** Net debit of 44562 in the period. */
  deductibleOnFixedAssetsCents: number;
  /** Net debit of 44566 in the period. */
  deductibleOtherCents: number;
  /** Debit balance of 44567 before the period: the credit the last return carried. */
  carriedCreditCents: number;
}

export interface VatBoxFigure {
  box: VatBox;
  /** The base excl. VAT (the rate lines and A1). */
  baseCents: number | null;
  taxCents: number;
}

export interface VatReturnFigures {
  boxes: VatBoxFigure[];
  /** VAT collected at rates with no box of their own (a rate the platform does not know): in 16, shown apart. */
  otherCollectedCents: number;
}

/**
 * The boxes from the period's figures. The base of a rate line is the tax divided by the rate
 * (rounded to the cent): under VAT on receipts the VAT due is the share of each invoice the
 * client paid, and only the tax carries that share, so the base is read back from it, as the
 * return itself computes the tax from the base (the difference stays under a cent per entry line).
 * Only the boxes used are listed, and 16 to 32 always.
 */
export function vatReturnBoxes(f: VatFigures): VatReturnFigures {
  const byBox = new Map<VatBox, number>();
  let otherCollectedCents = 0;
  for (const c of f.collected) {
    const box = c.rateBp === null ? undefined : RATE_BOXES.get(c.rateBp);
    if (box) byBox.set(box, (byBox.get(box) ?? 0) + c.cents);
    else otherCollectedCents += c.cents;
  }
  const rateOf = new Map([...RATE_BOXES].map(([rate, box]) => [box, rate]));
  const rateLines: VatBoxFigure[] = [];
  for (const box of ['08', '09', '9B', '10', '11'] as const) {
    const tax = byBox.get(box);
    // 10 and 11 (overseas rates) only when used; 08 always, the line every return fills.
    if (tax === undefined && box !== '08') continue;
    rateLines.push({ box, baseCents: shareOf(tax ?? 0, 10000, rateOf.get(box)!), taxCents: tax ?? 0 });
  }
  const total = rateLines.reduce((s, l) => s + l.taxCents, 0) + otherCollectedCents;
  const deductible = f.deductibleOnFixedAssetsCents + f.deductibleOtherCents + f.carriedCreditCents;
  const credit = Math.max(0, deductible - total);
  const due = Math.max(0, total - deductible);
  const tax = (box: VatBox, taxCents: number): VatBoxFigure => ({ box, baseCents: null, taxCents });
  return {
    boxes: [
      { box: 'A1', baseCents: rateLines.reduce((s, l) => s + (l.baseCents ?? 0), 0), taxCents: 0 },
      ...rateLines,
      tax('16', total),
      tax('19', f.deductibleOnFixedAssetsCents),
      tax('20', f.deductibleOtherCents),
      tax('22', f.carriedCreditCents),
      tax('23', deductible),
      tax('25', credit),
      tax('27', credit),
      tax('28', due),
      tax('32', due),
    ],
    otherCollectedCents,
  };
}
