import { vatOf, type VatCategory } from '../../documents/index.js';

export interface OpenVatGroup {
  vatCategory: VatCategory;
  vatRateBp: number;
  /** Basis of the quote's group not invoiced yet. */
  remainingBasisCents: number;
  /** VAT of the quote's group not invoiced yet. */
  remainingVatCents: number;
  /** The basis the plan gives this group on the next deposit or stage. */
  shareCents: number;
}

/** How far a share may move: a few cents suffice at every French rate (2.1 % is the slowest). */
const MAX_MOVE = 100;

/**
 * The shares of a deposit or a stage, moved by the fewest cents so that the quote's VAT is
 * still reached exactly by the invoices that follow.
 *
 * Each invoice computes its VAT on its own basis, rounded once per rate (EN 16931 BR-CO-17),
 * and the balance invoice recomputes its VAT from its lines: a deposit and a balance rounded
 * apart can miss the quote's VAT by a cent, which no later invoice can take back. So a share
 * is kept only where VAT(share) + VAT(rest of the group) = VAT the group has left; otherwise
 * it moves to the nearest basis where that holds, and the cents moved go to the next group
 * (a group without VAT takes any), so the invoice keeps the amount asked for whenever the
 * quote has more than one rate. With a single rate the share may differ from the amount asked
 * by a cent or two: the quote's total wins over the exact percentage.
 */
export function vatExactShares(groups: readonly OpenVatGroup[]): number[] {
  const shares = groups.map((g) => g.shareCents);
  const fits = (g: OpenVatGroup, share: number) => {
    // Exceeding the quote, or a group whose remainder is already off: nothing left to keep exact.
    if (share > g.remainingBasisCents || g.remainingVatCents !== vatOf(g.remainingBasisCents, g.vatRateBp)) return true;
    return vatOf(share, g.vatRateBp) + vatOf(g.remainingBasisCents - share, g.vatRateBp) === g.remainingVatCents;
  };
  // Groups without VAT last: they absorb whatever the others moved.
  const order = groups.map((g, i) => ({ g, i })).sort((a, b) => Number(a.g.vatRateBp === 0) - Number(b.g.vatRateBp === 0) || a.i - b.i);
  let carry = 0;
  for (const { g, i } of order) {
    if (g.remainingBasisCents <= 0) continue;
    const wanted = shares[i]! + carry;
    const low = 0;
    const high = wanted > g.remainingBasisCents ? wanted : g.remainingBasisCents;
    let chosen = Math.min(Math.max(wanted, low), high);
    for (let move = 0; move <= MAX_MOVE; move++) {
      const candidates = move === 0 ? [wanted] : [wanted + move, wanted - move];
      const found = candidates.find((s) => s >= low && s <= high && fits(g, s));
      if (found !== undefined) {
        chosen = found;
        break;
      }
    }
    shares[i] = chosen;
    carry = wanted - chosen;
  }
  return shares;
}
