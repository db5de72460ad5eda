import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, type PDFObject } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildDocument, coopSeller, euBuyer, individualBuyer, serviceLine } from '../../../../test/support/invoicing-fixtures.js';
import { toCrossIndustryInvoice } from '../domain/factur-x-xml.js';
import type { InvoiceDocument, QuoteDocument } from '../domain/document-model.js';
import { vatExemptionFor } from '../domain/mentions.js';
import { depositRows, formatIban, headerRows, renderDocumentPdf, startCoopPdf } from './render-document-pdf.js';

/** Each case is written to .tmp/pdf/<case>.pdf, to be checked with qpdf --check and by eye. */
const OUT = path.resolve('.tmp/pdf');
fs.mkdirSync(OUT, { recursive: true });

const base = { number: 'F2026-00042', issueDate: '2026-11-23', deliveryDate: '2026-11-20', dueDate: '2026-12-23', paymentTermsText: '30 jours net' };
const franchise = vatExemptionFor('E', { franchise: true })!;
const reverseCharge = vatExemptionFor('AE')!;

const cases: Record<string, InvoiceDocument> = {
  'multi-rate': buildDocument({
    kind: 'invoice',
    ...base,
    buyerReference: 'BC-2026-118',
    lines: [
      serviceLine({ name: 'Conception graphique du catalogue', description: "Maquette de 24 pages, deux allers-retours de corrections inclus, fichiers sources livrés à l'issue de la prestation.", quantityMilli: 12500, unitPriceCents: 6500, discountBp: 1000 }),
      serviceLine({ name: 'Repas traiteur', unitCode: 'C62', quantityMilli: 40000, unitPriceCents: 2450, vatRateBp: 1000 }),
      serviceLine({ name: 'Livres', unitCode: 'C62', quantityMilli: 15000, unitPriceCents: 2300, vatRateBp: 550, discountCents: 1500 }),
      serviceLine({ name: 'Presse', unitCode: 'C62', quantityMilli: 1000, unitPriceCents: 1010, vatRateBp: 210 }),
    ],
    prepaidCents: 50000,
  }),
  franchise: buildDocument({
    kind: 'invoice',
    ...base,
    buyer: individualBuyer,
    servicePeriod: { start: '2026-11-01', end: '2026-11-30' },
    deliveryDate: undefined,
    lines: [serviceLine({ name: 'Cours de couture', unitCode: 'HUR', quantityMilli: 10000, unitPriceCents: 3500, vatCategory: 'E', vatRateBp: 0, exemptionReason: franchise.text })],
  }),
  'reverse-charge': buildDocument({
    kind: 'invoice',
    ...base,
    buyer: euBuyer,
    lines: [serviceLine({ name: 'Développement logiciel', unitCode: 'DAY', quantityMilli: 8000, unitPriceCents: 123456, vatCategory: 'AE', vatRateBp: 0, exemptionReason: reverseCharge.text })],
  }),
  'credit-note': buildDocument({
    kind: 'creditNote',
    ...base,
    number: 'A2026-00007',
    dueDate: undefined,
    precedingInvoice: { number: 'F2026-00042', issueDate: '2026-11-23' },
    lines: [serviceLine({ name: 'Heures facturées en trop', quantityMilli: 2000 })],
  }),
  'deposit-with-order': buildDocument({
    kind: 'depositInvoice',
    ...base,
    deliveryDate: undefined,
    order: { number: 'D2026-0012', issueDate: '2026-11-02', summary: ['Conception du site — 10 jours', 'Formation — 1 forfait'], netCents: 100_010, grossCents: 115_512 },
    vatSplit: {
      percentBp: 5000,
      netCents: 50_005,
      groups: [
        { vatCategory: 'S', vatRateBp: 2000, proportionalCents: 25_003, basisCents: 25_003 },
        { vatCategory: 'S', vatRateBp: 1000, proportionalCents: 25_003, basisCents: 25_002 },
      ],
    },
    lines: [
      serviceLine({ name: 'Acompte de 50 % sur devis D2026-0012 du 02/11/2026 — TVA 20 %', unitCode: 'C62', quantityMilli: 1000, unitPriceCents: 25_003 }),
      serviceLine({ name: 'Acompte de 50 % sur devis D2026-0012 du 02/11/2026 — TVA 10 %', unitCode: 'C62', quantityMilli: 1000, unitPriceCents: 25_002, vatRateBp: 1000 }),
    ],
  }),
  'final-with-deposits': buildDocument({
    kind: 'invoice',
    ...base,
    order: { number: 'D2026-0012', issueDate: '2026-11-02' },
    deposits: [{ number: 'F2026-00040', issueDate: '2026-11-05', netCents: 50_005, vatCents: 7_501, grossCents: 57_506 }],
    lines: [
      serviceLine({ name: 'Conception du site', unitCode: 'DAY', quantityMilli: 10_000, unitPriceCents: 5_001 }),
      serviceLine({ name: 'Formation', unitCode: 'C62', quantityMilli: 1000, unitPriceCents: 50_000, vatRateBp: 1000 }),
    ],
    prepaidCents: 57_506,
  }),
  long: buildDocument({
    kind: 'depositInvoice',
    ...base,
    deliveryDate: undefined,
    lines: Array.from({ length: 60 }, (_, i) =>
      serviceLine({
        name: `Atelier n° ${i + 1} : accompagnement`,
        description: i % 3 === 0 ? 'Préparation, animation sur site et compte rendu écrit remis sous huit jours aux participants.' : undefined,
        quantityMilli: 1000 + i * 250,
        unitPriceCents: 8765 + i * 1001,
      }),
    ),
  }),
};

const rendered = new Map<string, Uint8Array>();
async function render(name: string, facturX = true) {
  const key = `${name}:${facturX}`;
  if (!rendered.has(key)) {
    const bytes = await renderDocumentPdf(cases[name], { facturX });
    fs.writeFileSync(path.join(OUT, `${name}${facturX ? '' : '-plain'}.pdf`), bytes);
    rendered.set(key, bytes);
  }
  return rendered.get(key)!;
}

const streamBytes = (stream: PDFStream) => {
  const raw = (stream as PDFRawStream).contents;
  return stream.dict.get(PDFName.of('Filter')) ? inflateSync(raw) : raw;
};

/** The embedded files as a reader finds them: the EmbeddedFiles name tree of the catalog. */
function attachments(pdf: PDFDocument) {
  const names = pdf.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  const files = new Map<string, { spec: PDFDict; bytes: Uint8Array; subtype: string | undefined }>();
  for (let i = 0; i < names.size(); i += 2) {
    const name = (names.lookup(i) as unknown as { decodeText(): string }).decodeText();
    const spec = names.lookup(i + 1, PDFDict);
    const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'), PDFStream);
    files.set(name, { spec, bytes: streamBytes(stream), subtype: stream.dict.get(PDFName.of('Subtype'))?.toString() });
  }
  return files;
}

function xmpOf(pdf: PDFDocument) {
  return new TextDecoder().decode(streamBytes(pdf.catalog.lookup(PDFName.of('Metadata'), PDFStream)));
}

/** Every font dictionary of every page. */
function fonts(pdf: PDFDocument): PDFDict[] {
  return pdf.getPages().flatMap((page) => {
    const dict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    return dict ? dict.values().map((ref: PDFObject) => pdf.context.lookup(ref, PDFDict)) : [];
  });
}

describe('invoice PDF', () => {
  it('carries the Factur-X XML of the invoice as factur-x.xml, MIME text/xml, relationship Data', async () => {
    for (const name of Object.keys(cases)) {
      const pdf = await PDFDocument.load(await render(name));
      const file = attachments(pdf).get('factur-x.xml');
      expect(file, name).toBeDefined();
      expect(new TextDecoder().decode(file!.bytes)).toBe(toCrossIndustryInvoice(cases[name]));
      expect(file!.subtype).toBe('/text#2Fxml');
      expect(file!.spec.get(PDFName.of('AFRelationship'))).toBe(PDFName.of('Data'));
      const af = pdf.catalog.lookup(PDFName.of('AF'), PDFArray);
      expect(af.size()).toBe(1);
    }
  });

  it('declares PDF/A-3B and the Factur-X EN 16931 extension schema in its XMP metadata', async () => {
    const pdf = await PDFDocument.load(await render('multi-rate'));
    const xmp = xmpOf(pdf);
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>');
    expect(xmp).toContain('<pdfaSchema:prefix>fx</pdfaSchema:prefix>');
    for (const property of ['DocumentFileName', 'DocumentType', 'Version', 'ConformanceLevel']) {
      expect(xmp).toContain(`<pdfaProperty:name>${property}</pdfaProperty:name>`);
    }
    expect(xmp).toContain('<fx:DocumentType>INVOICE</fx:DocumentType>');
    expect(xmp).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>');
    expect(xmp).toContain('<fx:Version>1.0</fx:Version>');
    expect(xmp).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
  });

  it('has XMP title, author and dates that agree with the document information dictionary', async () => {
    const pdf = await PDFDocument.load(await render('credit-note'), { updateMetadata: false });
    const xmp = xmpOf(pdf);
    expect(pdf.getTitle()).toBe('Avoir N° A2026-00007');
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${pdf.getTitle()}</rdf:li>`);
    expect(xmp).toContain(`<rdf:li>${coopSeller.name.replace('&', '&amp;')}</rdf:li>`);
    expect(pdf.getAuthor()).toBe(coopSeller.name);
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(xmp).toContain('<xmp:CreateDate>2026-11-23T00:00:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<xmp:ModifyDate>2026-11-23T00:00:00Z</xmp:ModifyDate>');
    expect(xmp).toContain(`<pdf:Producer>${pdf.getProducer()}</pdf:Producer>`);
    expect(xmp).toContain(`<xmp:CreatorTool>${pdf.getCreator()}</xmp:CreatorTool>`);
  });

  it('has an sRGB OutputIntent GTS_PDFA1 and a file identifier, and no encryption', async () => {
    const bytes = await render('franchise');
    const pdf = await PDFDocument.load(bytes);
    const intent = pdf.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    const profile = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream);
    expect(Buffer.from(streamBytes(profile)).subarray(36, 40).toString('latin1')).toBe('acsp');
    expect(pdf.context.trailerInfo.ID).toBeInstanceOf(PDFArray);
    expect(pdf.isEncrypted).toBe(false);
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/\/JavaScript|\/JS\b|\/Encrypt/);
  });

  it('embeds its own fonts, never a standard-14 font such as Helvetica', async () => {
    for (const facturX of [true, false]) {
      const pdf = await PDFDocument.load(await render('multi-rate', facturX));
      const list = fonts(pdf);
      expect(list.length).toBeGreaterThan(0);
      for (const font of list) {
        expect(font.get(PDFName.of('BaseFont'))?.toString()).toMatch(/^\/MUTUA[AB]\+DejaVuSans/);
        const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
        expect(descendant.lookup(PDFName.of('FontDescriptor'), PDFDict).get(PDFName.of('FontFile2'))).toBeDefined();
      }
    }
  });

  it('gives the same bytes when the same invoice is rendered twice, so its stored SHA-256 holds', async () => {
    for (const name of ['multi-rate', 'long']) {
      const first = await renderDocumentPdf(cases[name], { facturX: true });
      const second = await renderDocumentPdf(structuredClone(cases[name]), { facturX: true });
      expect(createHash('sha256').update(second).digest('hex')).toBe(createHash('sha256').update(first).digest('hex'));
    }
    const later = await renderDocumentPdf(cases['multi-rate'], { facturX: true, producedAt: new Date('2026-11-24T10:00:00Z') });
    const laterPdf = await PDFDocument.load(later, { updateMetadata: false });
    expect(laterPdf.getCreationDate()?.toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('fits a short invoice on one page and spreads 60 lines over several numbered pages', async () => {
    for (const name of ['multi-rate', 'franchise', 'reverse-charge', 'credit-note']) {
      expect((await PDFDocument.load(await render(name))).getPageCount(), name).toBe(1);
    }
    const long = await PDFDocument.load(await render('long'));
    expect(long.getPageCount()).toBeGreaterThanOrEqual(3);
    expect(long.getPages().every((p) => p.getWidth() === 595.28 && p.getHeight() === 841.89)).toBe(true);
  });

  it('renders a plain PDF, without the Factur-X attachment, when asked for the readable copy only', async () => {
    const pdf = await PDFDocument.load(await render('franchise', false));
    expect(pdf.catalog.get(PDFName.of('AF'))).toBeUndefined();
    expect(pdf.catalog.get(PDFName.of('Names'))).toBeUndefined();
  });

  it('renders user text the font cannot show (emoji, CJK, control characters) without failing', async () => {
    const doc = buildDocument({ kind: 'invoice', ...base, lines: [serviceLine({ name: 'Logo 🎨 et 漢字', description: 'ligne 1\r\nligne 2\tfin' })] });
    const pdf = await PDFDocument.load(await renderDocumentPdf(doc, { facturX: true }));
    expect(pdf.getPageCount()).toBe(1);
  });

  it('a deposit invoice names the quote it is paid on under its title, and a final invoice lists the deposits it deducts', async () => {
    expect(headerRows(cases['deposit-with-order']!)).toContainEqual(['Commande', 'Devis N° D2026-0012 du 02/11/2026']);
    expect(headerRows(cases['final-with-deposits']!)).toContainEqual(['Commande', 'Devis N° D2026-0012 du 02/11/2026']);
    expect(depositRows(cases['final-with-deposits']!)).toEqual([["Facture d'acompte N° F2026-00040", '05/11/2026', '500,05\u00a0€', '75,01\u00a0€', '575,06\u00a0€']]);
    expect(depositRows(cases['multi-rate']!)).toEqual([]);
    for (const name of ['deposit-with-order', 'final-with-deposits']) {
      const pdf = await PDFDocument.load(await render(name), { updateMetadata: false });
      expect(pdf.getPageCount()).toBe(1);
    }
  });

  it('draws emoji with the embedded Noto Emoji fallback, so a client "Atelier 🎨 Café ☕" never reads "?"', async () => {
    const doc = buildDocument({
      kind: 'invoice',
      ...base,
      buyer: { ...individualBuyer, name: 'Atelier 🎨 Café ☕' },
      lines: [serviceLine({ name: 'Gâteau 🎂 pour 👩‍💻 et 漢字' })],
    });
    const bytes = await renderDocumentPdf(doc, { facturX: true });
    fs.writeFileSync(path.join(OUT, 'emoji.pdf'), bytes);
    const pdf = await PDFDocument.load(bytes);
    const list = fonts(pdf);
    expect([...new Set(list.map((f) => f.get(PDFName.of('BaseFont'))?.toString()))].sort()).toEqual(['/MUTUAA+DejaVuSans', '/MUTUAB+DejaVuSans-Bold', '/MUTUAC+NotoEmoji']);
    // PDF/A: every font embedded, the fallback included.
    for (const font of list) {
      const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
      expect(descendant.lookup(PDFName.of('FontDescriptor'), PDFDict).get(PDFName.of('FontFile2'))).toBeDefined();
    }
    // The glyphs drawn map back to the emoji (ToUnicode, UTF-16BE): text extraction reads them.
    const emoji = list.find((f) => f.get(PDFName.of('BaseFont'))?.toString() === '/MUTUAC+NotoEmoji')!;
    const toUnicode = Buffer.from(streamBytes(emoji.lookup(PDFName.of('ToUnicode'), PDFStream))).toString('latin1').toLowerCase();
    for (const ch of ['🎨', '🎂', '👩', '💻']) expect(toUnicode).toContain(Buffer.from(ch, 'utf16le').swap16().toString('hex'));

    const { sheet } = await startCoopPdf(() => {}, 'Atelier 🎨 Café ☕');
    expect(sheet.clean('Atelier 🎨 Café ☕')).toBe('Atelier 🎨 Café ☕');
    // What no font has stays readable as its code point.
    expect(sheet.clean('漢 ❤️')).toMatch(/^\[U\+6F22\] ❤/);
    expect(sheet.clean('漢')).not.toContain('?');
  });

  it('embeds no fallback font in a document without emoji, so its bytes stay as they were', async () => {
    const pdf = await PDFDocument.load(await render('multi-rate'));
    expect(fonts(pdf).map((f) => f.get(PDFName.of('BaseFont'))?.toString())).not.toContain('/MUTUAC+NotoEmoji');
    const { sheet } = await startCoopPdf();
    expect(sheet.clean('Atelier 🎨')).toBe('Atelier [U+1F3A8]');
  });

  it('prints the IBAN in groups of four for the transfer', () => {
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
  });
});

describe('quote PDF', () => {
  const { kind: _kind, number: _number, dueDate: _due, paymentTermsText: _terms, ...invoiceParts } = cases['multi-rate']!;
  const quote = (number: string | null): QuoteDocument => ({
    ...invoiceParts,
    kind: 'quote',
    number,
    validUntil: '2026-12-23',
    lines: invoiceParts.lines.map((l, i) => (i === 0 ? { ...l, sectionTitle: 'Lot 1 — Conception' } : i === 1 ? { ...l, sectionTitle: 'Lot 2 — Événement' } : l)),
    mentions: { vatOnDebits: false, operationCategory: 'services', other: ['Démarrage sous quinze jours après accord.'] },
  });

  it('prints a quote with the invoice layout, its sections and a "bon pour accord" block, never as Factur-X', async () => {
    const bytes = await renderDocumentPdf(quote('D2026-0007'), { facturX: false });
    fs.writeFileSync(path.join(OUT, 'quote.pdf'), bytes);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe('DEVIS N° D2026-0007');
    expect(pdf.catalog.get(PDFName.of('AF'))).toBeUndefined();
    await expect(renderDocumentPdf(quote('D2026-0007'), { facturX: true })).rejects.toThrow(RangeError);
  });

  it('a draft quote reads as a draft, without a number', async () => {
    const pdf = await PDFDocument.load(await renderDocumentPdf(quote(null), { facturX: false }), { updateMetadata: false });
    expect(pdf.getTitle()).toBe('DEVIS (projet)');
  });
});
