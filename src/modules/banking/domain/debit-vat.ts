/**
 * The deductible VAT inside an amount paid VAT included, from its rate in basis points
 * (2000 = 20 %): amount × rate / (1 + rate), rounded to the cent, as the supplier's invoice
 * computes it. Staff may instead give the VAT amount printed on the invoice, which wins.
 */
export function vatOfGross(grossCents: number, rateBp: number): number {
  return Math.round((grossCents * rateBp) / (10_000 + rateBp));
}
