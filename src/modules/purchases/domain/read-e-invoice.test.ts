import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coopBuyer, supplierCii, supplierFacturX, supplierInvoiceDocument } from '../../../../test/support/supplier-einvoice.js';
import { extractEmbeddedInvoiceXml, receivedFileKind } from './extract-factur-x.js';
import { acceptanceProblem, decimalToCents, readEInvoice, type ReadResult } from './read-e-invoice.js';

const EXAMPLES = path.resolve('../shared/einvoicing/examples');
const examples = [
  ...fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xml')),
  ...fs.readdirSync(path.join(EXAMPLES, 'ubl')).filter((f) => f.endsWith('.xml')).map((f) => `ubl/${f}`),
];
const example = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
const coop = { name: 'CAE Test', siren: '732829320', vatNumber: 'FR44732829320' };

function rule(result: ReadResult): string | null {
  return result.ok ? null : result.problem.rule;
}

describe('reading the official EN 16931 examples', () => {
  it('finds all 21 examples (12 CII, 9 UBL)', () => {
    expect(examples.length).toBe(21);
  });

  // "Read" means: parsed into the one model with every check passing. Whether the coop may book
  // it is a second question (acceptanceProblem): these examples are addressed to Dutch, Danish,
  // Norwegian… buyers and some are not in euros, so each is then refused with that reason.
  for (const name of examples) {
    it(`reads ${name}: number, type, parties, lines and totals that add up`, () => {
      const result = readEInvoice(example(name));
      if (!result.ok) throw new Error(`${name}: ${result.problem.rule} ${result.problem.en}`);
      const inv = result.invoice;
      expect(inv.syntax).toBe(name.startsWith('ubl/') ? 'ubl' : 'cii');
      expect(inv.number.length).toBeGreaterThan(0);
      expect(inv.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(inv.seller.name.length).toBeGreaterThan(0);
      expect(inv.buyer.name.length).toBeGreaterThan(0);
      expect(inv.lines.length).toBeGreaterThan(0);
      expect(inv.totals.grossCents).toBe(inv.totals.netCents + inv.totals.vatCents);
      const problem = acceptanceProblem(inv, coop);
      expect(problem?.rule).toBe(inv.currency === 'EUR' ? 'BUYER' : 'CURRENCY');
    });
  }

  it('reads the totals of a UBL invoice as the business terms BT-106…BT-115', () => {
    const result = readEInvoice(example('ubl/ubl-tc434-example1.xml'));
    expect(result.ok && result.invoice.totals).toEqual({ lineTotalCents: 22960, allowancesCents: 0, chargesCents: 0, netCents: 22960, vatCents: 2073, grossCents: 25033, prepaidCents: 0, roundingCents: 0, dueCents: 25033 });
    expect(result.ok && result.invoice.payeeIban).toBe('NL57RABO0107307510');
  });

  it('reads a UBL credit note as a credit note (381)', () => {
    const result = readEInvoice(example('ubl/ubl-tc434-creditnote1.xml'));
    expect(result.ok && [result.invoice.kind, result.invoice.typeCode]).toEqual(['credit_note', '381']);
  });

  it('refuses an invoice in another currency, naming the currency', () => {
    const result = readEInvoice(example('CII_example2.xml'));
    expect(result.ok && acceptanceProblem(result.invoice, coop)?.en).toContain('Invoice in NOK');
  });
});

describe('broken copies are refused with the rule they break', () => {
  const cii = example('CII_example8.xml');
  const ubl = example('ubl/ubl-tc434-example1.xml');

  it('not XML', () => expect(rule(readEInvoice('%PDF-1.7 not an xml'))).toBe('XML'));
  it('malformed XML', () => expect(rule(readEInvoice(cii.slice(0, cii.length - 40)))).toBe('XML'));
  it('XML that is not an invoice', () => expect(rule(readEInvoice('<?xml version="1.0"?><order xmlns="urn:x"><id>1</id></order>'))).toBe('NOT_AN_INVOICE'));

  it('CII: total with VAT changed (BR-CO-15)', () => {
    expect(rule(readEInvoice(cii.replace(/<ram:GrandTotalAmount>([\d.]+)</, '<ram:GrandTotalAmount>9999.99<')))).toBe('BR-CO-15');
  });
  it('CII: a line amount changed (BR-CO-10)', () => {
    expect(rule(readEInvoice(cii.replace(/(<ram:SpecifiedTradeSettlementLineMonetarySummation>\s*<ram:LineTotalAmount>)([\d.]+)/, '$1123456.00')))).toBe('BR-CO-10');
  });
  it('CII: invoice number removed (BR-02)', () => {
    expect(rule(readEInvoice(cii.replace(/(<rsm:ExchangedDocument>\s*)<ram:ID>[^<]*<\/ram:ID>/, '$1')))).toBe('BR-02');
  });
  it('CII: currency removed (BR-05)', () => {
    expect(rule(readEInvoice(cii.replace(/<ram:InvoiceCurrencyCode>EUR<\/ram:InvoiceCurrencyCode>/, '')))).toBe('BR-05');
  });
  it('UBL: total without VAT changed (BR-CO-13)', () => {
    expect(rule(readEInvoice(ubl.replace(/<cbc:TaxExclusiveAmount currencyID="EUR">[\d.]+</, '<cbc:TaxExclusiveAmount currencyID="EUR">1.00<')))).toBe('BR-CO-13');
  });
  it('UBL: seller name removed (BR-06)', () => {
    const seller = /<cac:AccountingSupplierParty>[\s\S]*?<\/cac:AccountingSupplierParty>/.exec(ubl)![0];
    expect(rule(readEInvoice(ubl.replace(seller, seller.replace(/<cbc:RegistrationName>[^<]*<\/cbc:RegistrationName>/, ''))))).toBe('BR-06');
  });
  it('UBL: issue date removed (BR-03)', () => {
    expect(rule(readEInvoice(ubl.replace(/<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/, '')))).toBe('BR-03');
  });
  it('a VAT amount that is not base × rate (BR-S-09), the totals kept consistent', () => {
    // 9.00 of VAT at 20 % on 45.00, raised to 10.00 with both totals, so only BR-S-09 breaks.
    const xml = supplierCii(supplierInvoiceDocument(coopBuyer(coop)));
    const broken = xml
      .replace('<ram:CalculatedAmount>9.00<', '<ram:CalculatedAmount>10.00<')
      .replace('<ram:TaxTotalAmount currencyID="EUR">11.19<', '<ram:TaxTotalAmount currencyID="EUR">12.19<')
      .replace('<ram:GrandTotalAmount>95.99<', '<ram:GrandTotalAmount>96.99<')
      .replace('<ram:DuePayableAmount>95.99<', '<ram:DuePayableAmount>96.99<');
    expect(broken).not.toBe(xml);
    expect(rule(readEInvoice(broken))).toBe('BR-S-09');
  });
  it('UBL: no line (BR-16)', () => {
    expect(rule(readEInvoice(ubl.replace(/<cac:InvoiceLine>[\s\S]*<\/cac:InvoiceLine>/, '')))).toBe('BR-16');
  });
});

describe('an invoice to the coop, from its own Factur-X writer', () => {
  const doc = supplierInvoiceDocument(coopBuyer(coop));

  it('reads the CII the platform writes: supplier SIREN (0002), VAT number, IBAN, VAT per rate', () => {
    const result = readEInvoice(supplierCii(doc));
    if (!result.ok) throw new Error(result.problem.en);
    const inv = result.invoice;
    expect(inv.seller).toMatchObject({ name: 'Papeterie Dupont SARL', siren: '443061841', vatNumber: 'FR64443061841' });
    expect(inv.buyer).toMatchObject({ siren: coop.siren, vatNumber: coop.vatNumber });
    expect(inv.payeeIban).toBe('FR7630006000011234567890189');
    expect(inv.vat.map((v) => [v.rateBp, v.baseCents, v.vatCents])).toEqual([[2000, 4500, 900], [550, 3980, 219]]);
    expect(inv.totals.grossCents).toBe(4500 + 900 + 3980 + 219);
    expect(acceptanceProblem(inv, coop)).toBeNull();
  });

  it('refuses an invoice to the coop addressed to another SIREN', () => {
    const result = readEInvoice(supplierCii(supplierInvoiceDocument(coopBuyer({ ...coop, siren: '552032534', vatNumber: 'FR27552032534' }))));
    expect(result.ok && acceptanceProblem(result.invoice, coop)?.rule).toBe('BUYER');
  });

  it('finds the factur-x.xml embedded in the PDF', async () => {
    const pdf = await supplierFacturX(doc);
    expect(receivedFileKind(pdf)).toBe('pdf');
    const embedded = await extractEmbeddedInvoiceXml(pdf);
    expect(embedded?.fileName).toBe('factur-x.xml');
    const result = readEInvoice(embedded!.xml);
    expect(result.ok && result.invoice.number).toBe('FA-2026-0117');
  });

  it('a plain PDF carries no invoice XML', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const plain = await PDFDocument.create();
    plain.addPage();
    expect(await extractEmbeddedInvoiceXml(await plain.save())).toBeNull();
  });
});

describe('amounts', () => {
  it('reads decimals into cents, half away from zero past the cent', () => {
    expect([decimalToCents('12'), decimalToCents('12.5'), decimalToCents('12.345'), decimalToCents('-0.01'), decimalToCents('1e3')]).toEqual([1200, 1250, 1235, -1, null]);
  });
});
