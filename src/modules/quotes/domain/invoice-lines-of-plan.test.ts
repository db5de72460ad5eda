import { describe, expect, it } from 'vitest';
import { invoiceLinesOfPlan } from './invoice-lines-of-plan.js';

describe('invoice lines of a quote invoicing plan', () => {
  it('gives one line per VAT group naming the deposit share, the quote and the rate', () => {
    const lines = invoiceLinesOfPlan(
      [
        { vatCategory: 'S', vatRateBp: 2000, basisCents: 30_000 },
        { vatCategory: 'S', vatRateBp: 550, basisCents: 600 },
        { vatCategory: 'S', vatRateBp: 1000, basisCents: 0 },
      ],
      { kind: 'deposit', quoteNumber: 'D2026-0001', percentBp: 3000, exemptionReasons: new Map() },
    );
    expect(lines.map((l) => l.description)).toEqual(['Acompte 30 % sur devis D2026-0001 — TVA 20 %', 'Acompte 30 % sur devis D2026-0001 — TVA 5,5 %']);
    expect(lines[0]).toMatchObject({ quantityMilli: 1000, unitPriceCents: 30_000, vatRateBp: 2000 });
  });

  it('carries the exemption reason of a group without VAT', () => {
    const [line] = invoiceLinesOfPlan([{ vatCategory: 'E', vatRateBp: 0, basisCents: 1000 }], {
      kind: 'balance',
      quoteNumber: 'D2026-0002',
      exemptionReasons: new Map([['E/0', 'TVA non applicable, art. 293 B du CGI']]),
    });
    expect(line).toMatchObject({ description: 'Solde sur devis D2026-0002 — sans TVA', exemptionReason: 'TVA non applicable, art. 293 B du CGI' });
  });
});
