import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPain001, type Pain001Input } from './build-pain001.js';
import { centsToDecimal, toSepaText } from './sepa-text.js';
import { endToEndIdOf, messageIdOf, paymentInfoIdOf } from './transfer-ids.js';

/** Every file a test builds goes under .tmp/sepa/, where scripts/validate-sepa.sh checks it against its XSD. */
function keep(name: string, xml: string): string {
  const dir = path.resolve('.tmp/sepa');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, xml);
  return file;
}

const batch = (version: Pain001Input['version']): Pain001Input => ({
  version,
  messageId: messageIdOf('5b0c1d3e-0000-4000-8000-000000000001'),
  paymentInfoId: paymentInfoIdOf('5b0c1d3e-0000-4000-8000-000000000001'),
  createdAt: '2026-12-02T10:00:00',
  executionDate: '2026-12-03',
  debtor: { name: 'Coopérative Énergies & Co', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' },
  transfers: [
    { endToEndId: endToEndIdOf('11111111-1111-4111-8111-111111111111'), amountCents: 123_456, creditorName: 'Zoé Lefèvre-Œuvrard', creditorIban: 'FR1420041010050500013M02606', creditorBic: null, remittance: 'Facture F-2026-001 « conseil »' },
    { endToEndId: endToEndIdOf('22222222-2222-4222-8222-222222222222'), amountCents: 5, creditorName: 'Camille Dupont', creditorIban: 'DE89370400440532013000', creditorBic: 'COBADEFFXXX', remittance: 'Salaire 2026-11' },
  ],
});

describe('building a SEPA credit transfer file (pain.001)', () => {
  for (const version of ['001.001.09', '001.001.03'] as const) {
    it(`writes a pain.${version} valid against its XSD, with exact NbOfTxs and CtrlSum`, () => {
      const xml = buildPain001(batch(version));
      keep(`unit-pain.${version}.xml`, xml);
      expect(xml).toContain(`xmlns="urn:iso:std:iso:20022:tech:xsd:pain.${version}"`);
      expect(xml.match(/<NbOfTxs>2<\/NbOfTxs>/g)).toHaveLength(2);
      expect(xml.match(/<CtrlSum>1234.61<\/CtrlSum>/g)).toHaveLength(2);
      expect(xml).toContain('<InstdAmt Ccy="EUR">0.05</InstdAmt>');
      expect(xml).toContain(version === '001.001.09' ? '<BICFI>AGRIFRPP</BICFI>' : '<BIC>AGRIFRPP</BIC>');
      expect(xml).toContain('<Nm>Zoe Lefevre-OEuvrard</Nm>');
      expect(xml).toContain('<Ustrd>Facture F-2026-001 conseil</Ustrd>');
    });
  }

  it('refuses an empty batch', () => {
    expect(() => buildPain001({ ...batch('001.001.09'), transfers: [] })).toThrow();
  });
});

describe('SEPA texts and identifiers', () => {
  it('transliterates accents and ligatures, drops what SEPA banks refuse, and cuts to the limit', () => {
    expect(toSepaText('Société Générale & Fils — Noël', 70)).toBe('Societe Generale + Fils - Noel');
    expect(toSepaText('Ça coûte 10 € @ l’unité', 70)).toBe("Ca coute 10 l'unite");
    expect(toSepaText('x'.repeat(80), 70)).toHaveLength(70);
  });

  it('writes cents as euros with two decimals, without a float', () => {
    expect(centsToDecimal(1)).toBe('0.01');
    expect(centsToDecimal(100_000_000_07)).toBe('100000000.07');
    expect(() => centsToDecimal(-1)).toThrow();
  });

  it('gives every transfer its own end-to-end id of at most 35 characters', () => {
    const ids = Array.from({ length: 1000 }, () => endToEndIdOf(crypto.randomUUID()));
    expect(new Set(ids).size).toBe(1000);
    expect(ids.every((id) => id.length <= 35 && /^[A-Z0-9]+$/.test(id))).toBe(true);
    expect(messageIdOf('5b0c1d3e-0000-4000-8000-000000000001')).not.toBe(paymentInfoIdOf('5b0c1d3e-0000-4000-8000-000000000001'));
  });
});
