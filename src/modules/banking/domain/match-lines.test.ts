import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMBINATION_LIMITS, matchLine, matchLines, nameSimilarity, type LineToMatch, type OpenInvoice } from './match-lines.js';
import { decodeStatementText } from './decode-statement-text.js';
import { parseCamt053 } from './parse-camt053.js';
import { parseCsvStatement } from './parse-csv-statement.js';

const invoice = (number: string, clientName: string, amountDueCents: number, dueDate = '2026-11-15'): OpenInvoice => ({
  id: `id-${number}`,
  number,
  clientName,
  amountDueCents,
  issueDate: '2026-10-15',
  dueDate,
});

const OPEN: OpenInvoice[] = [
  invoice('F2026-00042', 'Atelier du Bois', 144_000),
  invoice('F2026-00043', 'Atelier du Bois', 60_000, '2026-11-30'),
  invoice('F2026-00045', 'Commune de Saint-Malo', 258_000),
  invoice('F2026-00038', 'Pierre Lefèvre', 20_000, '2026-10-31'),
  invoice('F2026-00039', 'Pierre Lefèvre', 25_000, '2026-11-10'),
  invoice('F2026-00051', 'La Boulangerie Martin', 120_000),
  invoice('F2026-00052', 'Garage Charpentier', 35_000),
  invoice('F2026-00053', 'Biocoop des Remparts', 35_000),
];

const credit = (amountCents: number, remittance: string, counterpartyName: string | null = null, label = ''): LineToMatch => ({
  amountCents,
  remittance,
  label,
  counterpartyName,
});
const codes = (candidate: { reasons: { code: string }[] } | undefined) => candidate?.reasons.map((r) => r.code);
const numbers = (candidate: { invoices: { number: string }[] } | undefined) => candidate?.invoices.map((i) => i.number);

describe('proposing the invoices a payment settles', () => {
  it('proposes with high confidence the invoice whose number is in the remittance and whose balance is the amount paid', () => {
    const [best, ...others] = matchLine(credit(144_000, 'Reglement facture F2026-00042 du 15/10', 'ATELIER DU BOIS SARL'), OPEN);
    expect(numbers(best)).toEqual(['F2026-00042']);
    expect(codes(best)).toEqual(['INVOICE_NUMBER', 'EXACT_AMOUNT', 'CLIENT_NAME']);
    expect(best!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(best!.invoices[0]!.allocatedCents).toBe(144_000);
    expect(others.every((o) => o.confidence < best!.confidence)).toBe(true);
  });

  it('finds the invoice number written without its dash, in lower case, or only in the bank label', () => {
    for (const [remittance, label] of [['f202600045', ''], ['FACT F2026 00045', ''], ['', 'VIR SEPA RECU /MOTIF F2026-00045']]) {
      const [best] = matchLine(credit(258_000, remittance!, null, label), OPEN);
      expect(numbers(best)).toEqual(['F2026-00045']);
      expect(codes(best)).toContain('INVOICE_NUMBER');
    }
  });

  it('does not take a longer number for the invoice number', () => {
    const candidates = matchLine(credit(99_900, 'F2026-000421 F2026-000420'), OPEN);
    expect(candidates).toEqual([]);
  });

  it('reads the invoice number inside an ISO 11649 structured creditor reference', () => {
    const [best] = matchLine(credit(35_000, 'RF55F202600053'), OPEN);
    expect(numbers(best)).toEqual(['F2026-00053']);
    expect(codes(best)).toContain('INVOICE_NUMBER');
  });

  it('proposes with medium confidence the one invoice whose balance equals the amount when nothing else is known', () => {
    const candidates = matchLine(credit(258_000, 'VIREMENT'), OPEN);
    expect(candidates).toHaveLength(1);
    expect(numbers(candidates[0])).toEqual(['F2026-00045']);
    expect(codes(candidates[0])).toEqual(['EXACT_AMOUNT']);
    expect(candidates[0]!.confidence).toBe(0.5);
  });

  it('raises the confidence when the payer is the client, whatever the accents, case, civility or word order', () => {
    const otherPayer = matchLine(credit(258_000, 'VIREMENT', 'DRFIP BRETAGNE TRESOR PUBLIC'), OPEN)[0]!;
    const closeName = matchLine(credit(258_000, 'VIREMENT', 'COMMUNE DE ST MALO'), OPEN)[0]!;
    const sameName = matchLine(credit(258_000, 'VIREMENT', 'commune de saint-malo'), OPEN)[0]!;
    expect(otherPayer.confidence).toBe(0.5);
    expect(closeName.confidence).toBeGreaterThan(0.5);
    expect(sameName.confidence).toBeGreaterThan(closeName.confidence);
    expect(codes(sameName)).toEqual(['EXACT_AMOUNT', 'CLIENT_NAME']);
    expect(nameSimilarity('M. OU MME LEFEVRE PIERRE', 'Pierre Lefèvre')).toBe(1);
    expect(nameSimilarity('BOULANGERIE MART', 'La Boulangerie Martin')).toBe(1);
    expect(nameSimilarity('Martin Plomberie', 'La Boulangerie Martin')).toBe(0.5);
  });

  it('finds the client in the label of a CSV line that has no payer column', () => {
    const [best] = matchLine(credit(120_000, '', null, 'VIR SEPA RECU /DE LA BOULANGERIE MARTIN'), OPEN);
    expect(numbers(best)).toEqual(['F2026-00051']);
    expect(codes(best)).toEqual(['EXACT_AMOUNT', 'CLIENT_NAME']);
  });

  it('proposes several invoices of one client whose balances add up to the amount received', () => {
    const [best] = matchLine(credit(45_000, 'FACTURE F2026-00038 ET F2026-00039', 'M. OU MME LEFEVRE PIERRE'), OPEN);
    expect(numbers(best)).toEqual(['F2026-00038', 'F2026-00039']);
    expect(codes(best)).toEqual(['INVOICES_SUM', 'INVOICE_NUMBER', 'CLIENT_NAME']);
    expect(best!.invoices.map((i) => i.allocatedCents)).toEqual([20_000, 25_000]);
    expect(best!.confidence).toBeGreaterThan(0.9);
  });

  it('proposes a sum of invoices with medium-low confidence when only the amounts agree', () => {
    const [best] = matchLine(credit(204_000, 'VIREMENT'), OPEN);
    expect(numbers(best)).toEqual(['F2026-00042', 'F2026-00043']);
    expect(codes(best)).toEqual(['INVOICES_SUM']);
    expect(best!.confidence).toBe(0.4);
  });

  it('keeps the search for combinations bounded for a client with many invoices', () => {
    const many = Array.from({ length: 200 }, (_, i) => invoice(`F2026-${String(1000 + i).padStart(5, '0')}`, 'Grand Compte', 10_000 + (i % 7)));
    const candidates = matchLine(credit(40_010, 'VIREMENT GRAND COMPTE'), many);
    const combos = candidates.filter((c) => c.invoices.length > 1);
    expect(combos.length).toBeGreaterThan(0);
    expect(combos.length).toBeLessThanOrEqual(COMBINATION_LIMITS.candidates);
    expect(combos.every((c) => c.invoices.length <= COMBINATION_LIMITS.maxInvoices)).toBe(true);
  });

  it('searches first the client the payer resembles, however many other clients could add up to the amount', () => {
    const others = Array.from({ length: 300 }, (_, c) =>
      Array.from({ length: 20 }, (_, i) => invoice(`A${c}-${i}`, `Client numéro ${c}`, 15_000)),
    ).flat();
    const [best] = matchLine(credit(45_000, 'VIREMENT', 'LEFEVRE PIERRE'), [...others, ...OPEN]);
    expect(numbers(best)).toEqual(['F2026-00038', 'F2026-00039']);
    expect(codes(best)).toEqual(['INVOICES_SUM', 'CLIENT_NAME']);
  });

  it('never combines the invoices of two clients who merely share a name', () => {
    const homonyms = [
      { ...invoice('F2026-00060', 'Jean Martin', 10_000), clientId: 'client-1' },
      { ...invoice('F2026-00061', 'Jean Martin', 20_000), clientId: 'client-2' },
    ];
    expect(matchLine(credit(30_000, 'VIREMENT'), homonyms)).toEqual([]);
  });

  it('proposes a partial payment when the number is given and the amount is less than the balance due', () => {
    const [best] = matchLine(credit(50_000, 'F2026-00051 acompte', 'LA BOULANGERIE MARTIN'), OPEN);
    expect(numbers(best)).toEqual(['F2026-00051']);
    expect(codes(best)).toEqual(['INVOICE_NUMBER', 'CLIENT_NAME', 'PARTIAL_PAYMENT']);
    expect(best!.invoices[0]!.allocatedCents).toBe(50_000);
    expect(best!.reasons.at(-1)!.text.fr).toContain('il resterait 700,00 €');
  });

  it('proposes with weak confidence a partial payment known only by the payer name', () => {
    const [best] = matchLine(credit(30_000, 'VIREMENT', 'Commune de Saint-Malo'), OPEN);
    expect(numbers(best)).toEqual(['F2026-00045']);
    expect(codes(best)).toEqual(['CLIENT_NAME', 'PARTIAL_PAYMENT']);
    expect(best!.confidence).toBeLessThan(0.5);
  });

  it('keeps what is paid beyond the balance due as unallocated, with lower confidence', () => {
    const [best] = matchLine(credit(150_000, 'F2026-00042'), OPEN);
    expect(best).toMatchObject({ invoices: [{ number: 'F2026-00042', allocatedCents: 144_000 }], unallocatedCents: 6_000 });
    expect(codes(best)).toEqual(['INVOICE_NUMBER', 'OVERPAYMENT']);
    expect(best!.confidence).toBeLessThan(0.8);
  });

  it('flags as ambiguous two invoices of the same amount that nothing else tells apart, and favours neither', () => {
    const candidates = matchLine(credit(35_000, 'VIREMENT RECU'), OPEN);
    expect(candidates.map((c) => numbers(c)![0]).sort()).toEqual(['F2026-00052', 'F2026-00053']);
    expect(candidates[0]!.confidence).toBe(candidates[1]!.confidence);
    expect(candidates[0]!.confidence).toBe(0.25);
    expect(candidates.every((c) => codes(c)!.includes('AMBIGUOUS'))).toBe(true);
  });

  it('lets the payer name settle what the amount alone leaves ambiguous', () => {
    const [best, second] = matchLine(credit(35_000, 'VIREMENT RECU', 'GARAGE CHARPENTIER ET FILS'), OPEN);
    expect(numbers(best)).toEqual(['F2026-00052']);
    expect(best!.confidence).toBeGreaterThan(second!.confidence);
    expect(codes(best)).not.toContain('AMBIGUOUS');
  });

  it('proposes nothing for a payment that matches no invoice', () => {
    expect(matchLine(credit(12_345, 'REMBOURSEMENT TROP PERCU', 'INCONNU'), OPEN)).toEqual([]);
  });

  it('proposes nothing for money going out', () => {
    expect(matchLine(credit(-144_000, 'F2026-00042'), OPEN)).toEqual([]);
  });

  it('ignores invoices with nothing left to pay', () => {
    expect(matchLine(credit(144_000, 'F2026-00042'), [{ ...OPEN[0]!, amountDueCents: 0 }])).toEqual([]);
  });

  it('returns candidates sorted by confidence, each between 0 and 1, none of them confirmed', () => {
    const candidates = matchLine(credit(60_000, 'F2026-00043', 'Atelier du bois'), OPEN);
    const confidences = candidates.map((c) => c.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(confidences.every((c) => c >= 0 && c <= 1)).toBe(true);
    expect(candidates.every((c) => !('confirmed' in c))).toBe(true);
  });

  it('proposes matches for every credit line of a camt.053 statement', () => {
    const xml = readFileSync(new URL('./fixtures/camt053-v02-credit-cooperatif.xml', import.meta.url), 'utf8');
    const parsed = parseCamt053(xml);
    if (!parsed.ok) throw new Error('fixture unreadable');
    const results = matchLines(parsed.value.statements[0]!.entries, OPEN);
    const best = results.map(({ line, candidates }) => [line.amountCents, numbers(candidates[0])]);
    expect(best).toEqual([
      [144_000, ['F2026-00042']],
      [258_000, ['F2026-00045']],
      [-8_990, undefined],
      [-1_230, undefined],
      [50_000, ['F2026-00051']],
      [45_000, ['F2026-00038', 'F2026-00039']],
      [30_000, undefined],
    ]);
  });

  it('proposes matches for the credit lines of a CSV export, from its label and reference columns', () => {
    const bytes = readFileSync(new URL('./fixtures/releve-novembre-2026.csv', import.meta.url));
    const parsed = parseCsvStatement(decodeStatementText(bytes), { date: 'Date', label: 'Libellé', reference: 'Référence', debit: 'Débit', credit: 'Crédit' });
    if (!parsed.ok) throw new Error('fixture unreadable');
    const best = matchLines(parsed.value.lines, OPEN)
      .filter(({ line }) => line.amountCents > 0)
      .map(({ line, candidates }) => [line.lineNumber, numbers(candidates[0]), candidates[0]!.confidence >= 0.8]);
    expect(best).toEqual([
      [6, ['F2026-00042'], true],
      [9, ['F2026-00038', 'F2026-00039'], true],
      [11, ['F2026-00045'], true],
    ]);
  });
});
