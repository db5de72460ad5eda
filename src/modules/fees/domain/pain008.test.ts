import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildPain008, PAIN_VERSIONS, type DirectDebitFile } from './pain008.js';

const SEPA_DIR = path.resolve('.tmp/sepa');
const XSD_DIR = path.resolve('../shared/iso20022');

const file = (version: DirectDebitFile['version']): DirectDebitFile => ({
  version,
  messageId: 'COL-20261202-0001',
  createdAt: new Date('2026-12-02T10:00:00Z'),
  collectionDate: '2026-12-16',
  creditor: { name: 'Cooperative Demo', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', creditorId: 'FR72ZZZ123456' },
  items: [
    { endToEndId: 'COT-2026-0001', amountCents: 10800, sequenceType: 'FRST', mandateReference: 'MUT-000001', signedOn: '2026-11-20', amendedFromIban: null, debtorName: 'Elodie Brule', debtorIban: 'FR1420041010050500013M02606', debtorBic: 'PSSTFRPPXXX', remittance: 'Cotisation COT-2026-0001' },
    { endToEndId: 'COT-2026-0002', amountCents: 10801, sequenceType: 'RCUR', mandateReference: 'MUT-000002', signedOn: '2025-01-10', amendedFromIban: 'FR7630001007941234567890185', debtorName: 'Hugo Martin', debtorIban: 'FR1420041010050500013M02606', debtorBic: null, remittance: 'Cotisation COT-2026-0002' },
    { endToEndId: 'COT-2026-0003', amountCents: 5000, sequenceType: 'RCUR', mandateReference: 'MUT-000003', signedOn: '2025-01-10', amendedFromIban: null, debtorName: 'Ines Petit', debtorIban: 'DE89370400440532013000', debtorBic: 'COBADEFFXXX', remittance: 'Cotisation COT-2026-0003' },
  ],
});

/** Writes the file where CI's validate-sepa.sh finds it, and validates it against its XSD here too. */
function writeAndValidate(name: string, xml: string, version: string) {
  mkdirSync(SEPA_DIR, { recursive: true });
  const target = path.join(SEPA_DIR, name);
  writeFileSync(target, xml);
  execFileSync('xmllint', ['--noout', '--schema', path.join(XSD_DIR, `${version}.xsd`), target], { stdio: 'pipe' });
}

describe('pain.008 direct debit files', () => {
  for (const version of PAIN_VERSIONS) {
    it(`builds a ${version} valid against its XSD, grouped by sequence, sums exact`, () => {
      const xml = buildPain008(file(version));
      writeAndValidate(`fees-${version}-frst-rcur.xml`, xml, version);
      const doc = new XMLParser({ ignoreAttributes: false }).parse(xml).Document.CstmrDrctDbtInitn;
      expect(doc.GrpHdr.NbOfTxs).toBe(3);
      expect(String(doc.GrpHdr.CtrlSum)).toBe('266.01');
      expect(doc.PmtInf.map((p: { PmtTpInf: { SeqTp: string } }) => p.PmtTpInf.SeqTp)).toEqual(['FRST', 'RCUR']);
      expect(String(doc.PmtInf[1].CtrlSum)).toBe('158.01');
      expect(doc.PmtInf[0].CdtrSchmeId.Id.PrvtId.Othr.Id).toBe('FR72ZZZ123456');
    });
  }
  it('tells the bank of an IBAN moved to another bank (SMNDA), and names BICFI in .08, BIC in .02', () => {
    const v8 = buildPain008(file('pain.008.001.08'));
    expect(v8).toContain('<Id>SMNDA</Id>');
    expect(v8).toContain('<BICFI>PSSTFRPPXXX</BICFI>');
    expect(v8).toContain('<Id>NOTPROVIDED</Id>');
    expect(buildPain008(file('pain.008.001.02'))).toContain('<BIC>PSSTFRPPXXX</BIC>');
  });
  it('keeps the former IBAN when the account moved within the same bank', () => {
    const f = file('pain.008.001.08');
    const xml = buildPain008({ ...f, items: [{ ...f.items[1]!, amendedFromIban: 'FR7620041010050500013M02606'.replace('FR76', 'FR14').replace('13M02606', '13M02607') }] });
    expect(xml).toContain('<AmdmntInd>true</AmdmntInd>');
    expect(xml).not.toContain('SMNDA');
  });
  it('refuses an empty collection', () => {
    expect(() => buildPain008({ ...file('pain.008.001.08'), items: [] })).toThrow(RangeError);
  });
});
