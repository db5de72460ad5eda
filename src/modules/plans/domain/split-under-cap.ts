/**
 * A member's month of resources cut into invoices each at most `capCents` (the fee kernel's
 * ceiling per document, 100,000 € excl. VAT): items kept whole and in their order, each put on
 * the first invoice it fits. An item above the ceiling on its own cannot be invoiced this way:
 * it is set apart, for the team to bill by hand, rather than cut into an invented split.
 */
export function splitUnderCap<T extends { netCents: number }>(items: readonly T[], capCents: number): { batches: T[][]; tooLarge: T[] } {
  const batches: { items: T[]; total: number }[] = [];
  const tooLarge: T[] = [];
  for (const item of items) {
    if (item.netCents > capCents) {
      tooLarge.push(item);
      continue;
    }
    const fits = batches.find((b) => b.total + item.netCents <= capCents);
    if (fits) {
      fits.items.push(item);
      fits.total += item.netCents;
    } else batches.push({ items: [item], total: item.netCents });
  }
  return { batches: batches.map((b) => b.items), tooLarge };
}
