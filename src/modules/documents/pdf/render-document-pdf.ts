import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { VatBreakdown, VatCategory } from '../domain/compute-totals.js';
import { toCrossIndustryInvoice } from '../domain/factur-x-xml.js';
import { formatEuros, formatFrenchDate, formatQuantity, formatVatRate, scaledToDecimal } from '../domain/french-format.js';
import type { PostalAddress, PrintedDocument, QuoteDocument } from '../domain/document-model.js';
import { frenchUnitLabel } from '../domain/line-units.js';
import { OPERATION_CATEGORY_TEXT, VAT_ON_DEBITS_TEXT } from '../domain/mentions.js';
import { orderSummaryText, vatSplitText } from '../domain/order-mentions.js';
import { makeFacturX, setDocumentInfo, setFileIdentifier, type DocumentInfo } from './factur-x-pdfa.js';

/**
 * The PDF of an issued invoice, deposit invoice or credit note: what the client reads, and with
 * `facturX` the legal e-invoice itself (PDF/A-3B carrying factur-x.xml, see factur-x-pdfa.ts).
 * A quote (`kind: 'quote'`) is printed with the same layout, with its validity date, its
 * sections and a "bon pour accord" block instead of the payment details; never as Factur-X.
 *
 * Same input, same bytes: nothing reads the clock or draws a random number (pdf-lib's default
 * dates, font subset tags and file ID are all replaced), because the SHA-256 of the PDF is
 * stored when the invoice is validated and the stored bytes are what is served afterwards.
 */
export interface RenderDocumentPdfOptions {
  facturX: boolean;
  /** Creation date written in the PDF; the issue date at midnight UTC when not given. */
  producedAt?: Date;
}

const ASSETS = new URL('./assets/', import.meta.url);
let assets: Promise<{ regular: Uint8Array; bold: Uint8Array; icc: Uint8Array }> | undefined;
const loadAssets = () =>
  (assets ??= Promise.all([
    readFile(new URL('fonts/DejaVuSans.ttf', ASSETS)),
    readFile(new URL('fonts/DejaVuSans-Bold.ttf', ASSETS)),
    readFile(new URL('icc/sRGB.icc', ASSETS)),
  ]).then(([regular, bold, icc]) => ({ regular, bold, icc })));
let emojiFont: Promise<Uint8Array> | undefined;
const loadEmojiFont = () => (emojiFont ??= readFile(new URL('fonts/NotoEmoji-Regular.ttf', ASSETS)));

/**
 * Characters DejaVu Sans cannot draw (emoji: a client "Atelier 🎨 Café", a line "Gâteau 🎂")
 * are drawn with Noto Emoji, a monochrome outline font (SIL OFL 1.1, which allows embedding;
 * shipped in assets/ like DejaVu, so `npm ci && npm start` needs nothing from apt). Colour
 * emoji fonts (fonts-noto-color-emoji) are bitmaps pdf-lib cannot embed. PDF/A wants every
 * font embedded: the fallback is embedded as a subset, and only in the documents that need
 * it, so the others keep the same bytes. What neither font has becomes its code point,
 * "[U+1FAE9]": readable, never a "?" nor the .notdef glyph PDF/A forbids.
 */
async function embedFonts(pdf: PDFDocument, texts: string): Promise<{ regular: PDFFont; bold: PDFFont; fallback?: PDFFont }> {
  const { regular, bold } = await loadAssets();
  pdf.registerFontkit(fontkit);
  // Fixed subset tags: pdf-lib would draw random ones, making each render differ.
  const fontRegular = await pdf.embedFont(regular, { subset: true, customName: 'MUTUAA+DejaVuSans' });
  const fontBold = await pdf.embedFont(bold, { subset: true, customName: 'MUTUAB+DejaVuSans-Bold' });
  const drawn = new Set(fontRegular.getCharacterSet());
  const lacking = [...texts].some((ch) => {
    const code = ch.codePointAt(0)!;
    return code > 0x20 && !drawn.has(code) && !INVISIBLE.has(code);
  });
  if (!lacking) return { regular: fontRegular, bold: fontBold };
  const fallback = await pdf.embedFont(await loadEmojiFont(), { subset: true, customName: 'MUTUAC+NotoEmoji' });
  return { regular: fontRegular, bold: fontBold, fallback };
}

/** Joiners and variation selectors that only choose how an emoji looks: nothing to draw alone. */
const INVISIBLE = new Set([0x200d, 0xfe0e, 0xfe0f]);

const TITLES: Record<PrintedDocument['kind'], string> = { invoice: 'Facture', creditNote: 'Avoir', depositInvoice: "Facture d'acompte", quote: 'DEVIS' };

/** A draft quote has no number yet: it reads as a draft, so no one takes it for the coop's commitment. */
export const documentTitle = (doc: Pick<PrintedDocument, 'kind' | 'number'>) => (doc.number ? `${TITLES[doc.kind]} N° ${doc.number}` : `${TITLES[doc.kind]} (projet)`);

const isQuote = (doc: PrintedDocument): doc is QuoteDocument => doc.kind === 'quote';


const VAT_LABELS: Record<Exclude<VatCategory, 'S' | 'Z'>, string> = {
  E: 'Exonérée', AE: 'Autoliq.', K: 'Exonérée', G: 'Exonérée', O: 'Hors champ',
};
const lineVatLabel = (category: VatCategory, rateBp: number) =>
  category === 'S' || category === 'Z' ? formatVatRate(rateBp) : VAT_LABELS[category];

const groupBy = (text: string, sizes: number[]) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= text.length) break;
    parts.push(text.slice(at, at + size));
    at += size;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts.join(' ');
};
/** "FR76 3000 6000 0112 3456 7890 189": the grouping banks print, easier to copy without error. */
export const formatIban = (iban: string) => iban.replace(/\s+/g, '').toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
const formatSiren = (siren: string) => (/^\d{9}$/.test(siren) ? groupBy(siren, [3, 3, 3]) : siren);
const formatSiret = (siret: string) => (/^\d{14}$/.test(siret) ? groupBy(siret, [3, 3, 3, 5]) : siret);
const addressLines = (a: PostalAddress) => [a.line1, a.line2, `${a.postcode} ${a.city}${a.countryCode === 'FR' ? '' : ` (${a.countryCode})`}`].filter((l): l is string => !!l);

// Layout, in points, on A4.
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const LEFT = 42;
const RIGHT = PAGE_W - 42;
const WIDTH = RIGHT - LEFT;
const TOP = PAGE_H - 40;
/** Below this the footer (coop identity, page number) is drawn. */
const BOTTOM = 62;

const INK = rgb(0.13, 0.14, 0.16);
const MUTED = rgb(0.4, 0.43, 0.47);
const ACCENT = rgb(0.08, 0.3, 0.4);
const RULE = rgb(0.78, 0.81, 0.84);
const SHADE = rgb(0.94, 0.955, 0.965);
const WHITE = rgb(1, 1, 1);

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right' | 'center';
}
const COLUMNS: Column[] = [
  { title: 'Désignation', width: 180, align: 'left' },
  { title: 'Qté', width: 38, align: 'right' },
  { title: 'Unité', width: 42, align: 'left' },
  { title: 'PU HT', width: 70, align: 'right' },
  { title: 'Remise', width: 48, align: 'right' },
  { title: 'TVA', width: 52, align: 'right' },
  { title: 'Total HT', width: WIDTH - 180 - 38 - 42 - 70 - 48 - 52, align: 'right' },
];
const CELL_PAD = 4;

interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: RGB;
}

/** Pages, a cursor and the fonts: what every block below draws with (and the coop's letters, see `startCoopPdf`). */
export class Sheet {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = TOP;
  private readonly glyphs: Set<number>;
  private readonly fallbackGlyphs: Set<number>;

  constructor(
    readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private readonly continuationHeader: (sheet: Sheet) => void,
    /** Draws what the two others lack (emoji), see `embedFonts`. */
    readonly fallback?: PDFFont,
  ) {
    const boldGlyphs = new Set(bold.getCharacterSet());
    this.glyphs = new Set(regular.getCharacterSet().filter((c) => boldGlyphs.has(c)));
    this.fallbackGlyphs = new Set(fallback?.getCharacterSet() ?? []);
    this.addPage(false);
  }

  addPage(continuation = true) {
    this.page = this.pdf.addPage([PAGE_W, PAGE_H]);
    this.pages.push(this.page);
    this.y = TOP;
    if (continuation) this.continuationHeader(this);
  }

  /** Starts a new page unless `height` still fits above the footer. */
  ensure(height: number, onNewPage?: () => void) {
    if (this.y - height < BOTTOM) {
      this.addPage();
      onNewPage?.();
    }
  }

  font(style: TextStyle) {
    return style.bold ? this.bold : this.regular;
  }

  /**
   * User text may hold characters the fonts lack; PDF/A forbids showing the .notdef glyph
   * (ISO 19005-3, 6.2.11.8), so they become their code point ("[U+1FAE9]", see `embedFonts`),
   * and line breaks become spaces. Idempotent: what it returns, it returns unchanged.
   */
  clean(text: string) {
    let out = '';
    for (const ch of text.replace(/[\r\n\t\f\v]+/g, ' ')) {
      const code = ch.codePointAt(0)!;
      if (this.glyphs.has(code) || this.fallbackGlyphs.has(code)) out += ch;
      else if (code === 0x202f) out += '\u00a0';
      else if (!INVISIBLE.has(code)) out += `[U+${code.toString(16).toUpperCase().padStart(4, '0')}]`;
    }
    return out;
  }

  /** The cleaned text in pieces of one font each: DejaVu, or the fallback for what DejaVu lacks. */
  private runs(text: string, style: TextStyle): Array<{ text: string; font: PDFFont }> {
    const main = this.font(style);
    const runs: Array<{ text: string; font: PDFFont }> = [];
    for (const ch of this.clean(text)) {
      const font = this.fallback && !this.glyphs.has(ch.codePointAt(0)!) ? this.fallback : main;
      const last = runs.at(-1);
      if (last && last.font === font) last.text += ch;
      else runs.push({ text: ch, font });
    }
    return runs;
  }

  width(text: string, style: TextStyle) {
    const size = style.size ?? 9;
    return this.runs(text, style).reduce((w, run) => w + run.font.widthOfTextAtSize(run.text, size), 0);
  }

  text(text: string, x: number, y: number, style: TextStyle & { align?: 'left' | 'right' | 'center'; page?: PDFPage } = {}) {
    const size = style.size ?? 9;
    const runs = this.runs(text, style);
    const w = runs.reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);
    let left = style.align === 'right' ? x - w : style.align === 'center' ? x - w / 2 : x;
    for (const run of runs) {
      (style.page ?? this.page).drawText(run.text, { x: left, y, size, font: run.font, color: style.color ?? INK });
      left += run.font.widthOfTextAtSize(run.text, size);
    }
  }

  /** Words to lines no wider than `width`; a word longer than a line is cut. */
  wrap(text: string, width: number, style: TextStyle): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      for (const word of this.clean(paragraph).split(/ +/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.width(candidate, style) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        line = '';
        let rest = word;
        while (this.width(rest, style) > width) {
          let cut = rest.length - 1;
          while (cut > 1 && this.width(rest.slice(0, cut), style) > width) cut--;
          // Never between the two halves of an emoji (a surrogate pair).
          if (cut > 1 && /[\uD800-\uDBFF]/.test(rest[cut - 1]!)) cut--;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      if (line || lines.length === 0) lines.push(line);
    }
    return lines;
  }

  rect(x: number, y: number, width: number, height: number, color: RGB) {
    this.page.drawRectangle({ x, y, width, height, color });
  }

  rule(y: number, color = RULE, thickness = 0.6, from = LEFT, to = RIGHT) {
    this.page.drawLine({ start: { x: from, y }, end: { x: to, y }, thickness, color });
  }
}

function drawIdentity(sheet: Sheet, doc: PrintedDocument): number {
  const s = doc.seller;
  const colWidth = 240;
  let y = TOP - 4;
  // The client knows the member's activity; the coop is the seller in law and is named below it.
  const headline = s.activityName ?? s.name;
  for (const line of sheet.wrap(headline, colWidth, { size: 16, bold: true })) {
    y -= 17;
    sheet.text(line, LEFT, y, { size: 16, bold: true, color: ACCENT });
  }
  y -= 6;
  if (s.activityName) {
    y -= 11;
    sheet.text('Activité portée par', LEFT, y, { size: 7.5, color: MUTED });
    for (const line of sheet.wrap(s.name, colWidth, { size: 9.5, bold: true })) {
      y -= 12;
      sheet.text(line, LEFT, y, { size: 9.5, bold: true });
    }
  }
  const details = [
    ...(s.legalInfo ? sheet.wrap(s.legalInfo, colWidth, { size: 8 }) : []),
    ...addressLines(s.address),
    `SIREN ${formatSiren(s.siren)} · SIRET ${formatSiret(s.siret)}`,
    ...(s.vatNumber ? [`N° TVA intracommunautaire ${s.vatNumber}`] : []),
    ...(s.email ? [s.email] : []),
  ];
  for (const line of details) {
    y -= 10.5;
    sheet.text(line, LEFT, y, { size: 8, color: MUTED });
  }
  return y;
}

/** The dates and references printed under the title, as label and value. */
export function headerRows(doc: PrintedDocument): Array<[string, string]> {
  const quote = isQuote(doc);
  const rows: Array<[string, string]> = [[quote ? 'Date du devis' : "Date d'émission", formatFrenchDate(doc.issueDate)]];
  if (quote) rows.push(['Valable jusqu’au', formatFrenchDate(doc.validUntil)]);
  if (doc.servicePeriod) {
    rows.push(['Période de prestation', `du ${formatFrenchDate(doc.servicePeriod.start)} au ${formatFrenchDate(doc.servicePeriod.end)}`]);
  } else if (doc.deliveryDate) {
    rows.push(['Date de la prestation', formatFrenchDate(doc.deliveryDate)]);
  }
  if (!quote && doc.dueDate && doc.kind !== 'creditNote') rows.push(["Date d'échéance", formatFrenchDate(doc.dueDate)]);
  if (!quote && doc.paymentTermsText && doc.kind !== 'creditNote') rows.push(['Conditions de paiement', doc.paymentTermsText]);
  if (!quote && doc.precedingInvoice) {
    rows.push(['Facture rectifiée', `N° ${doc.precedingInvoice.number} du ${formatFrenchDate(doc.precedingInvoice.issueDate)}`]);
  }
  if (!quote && doc.order) rows.push(['Commande', `Devis N° ${doc.order.number} du ${formatFrenchDate(doc.order.issueDate)}`]);
  if (doc.buyerReference) rows.push(['Votre référence', doc.buyerReference]);
  return rows;
}


function drawTitleAndDates(sheet: Sheet, doc: PrintedDocument): number {
  const title = documentTitle(doc);
  let size = 18;
  while (size > 11 && sheet.width(title, { size, bold: true }) > 235) size -= 0.5;
  let y = TOP - 4 - size;
  sheet.text(title, RIGHT, y, { size, bold: true, color: ACCENT, align: 'right' });
  y -= 10;

  const rows = headerRows(doc);
  const labelX = RIGHT - 250;
  for (const [label, value] of rows) {
    y -= 12.5;
    sheet.text(label, labelX, y, { size: 8, color: MUTED });
    sheet.text(value, RIGHT, y, { size: 8.5, bold: true, align: 'right' });
  }
  return y;
}

function drawBuyer(sheet: Sheet, doc: PrintedDocument, top: number): number {
  const b = doc.buyer;
  const x = RIGHT - 250;
  const inner = 250 - 24;
  const lines: Array<{ text: string; style: TextStyle }> = [
    ...sheet.wrap(b.name, inner, { size: 10.5, bold: true }).map((text) => ({ text, style: { size: 10.5, bold: true } })),
    ...addressLines(b.address).flatMap((l) => sheet.wrap(l, inner, { size: 9 })).map((text) => ({ text, style: { size: 9 } })),
    ...(b.siren ? [{ text: `SIREN ${formatSiren(b.siren)}`, style: { size: 8, color: MUTED } }] : []),
    ...(b.vatNumber ? [{ text: `N° TVA ${b.vatNumber}`, style: { size: 8, color: MUTED } }] : []),
  ];
  const height = 26 + lines.length * 12.5;
  sheet.rect(x, top - height, 250, height, SHADE);
  sheet.page.drawRectangle({ x, y: top - height, width: 2.5, height, color: ACCENT });
  let y = top - 15;
  sheet.text(doc.kind === 'creditNote' ? 'AVOIR ÉTABLI POUR' : doc.kind === 'quote' ? 'DEVIS ÉTABLI POUR' : 'FACTURÉ À', x + 12, y, { size: 7, bold: true, color: MUTED });
  y -= 4;
  for (const line of lines) {
    y -= 12.5;
    sheet.text(line.text, x + 12, y, line.style);
  }
  return top - height;
}

function drawTableHeader(sheet: Sheet) {
  const height = 18;
  sheet.rect(LEFT, sheet.y - height, WIDTH, height, ACCENT);
  let x = LEFT;
  for (const col of COLUMNS) {
    const tx = col.align === 'right' ? x + col.width - CELL_PAD : x + CELL_PAD;
    sheet.text(col.title, tx, sheet.y - 12, { size: 7.5, bold: true, color: WHITE, align: col.align === 'right' ? 'right' : 'left' });
    x += col.width;
  }
  sheet.y -= height;
}

const discountText = (line: PrintedDocument['lines'][number]) => {
  if (line.discountBp) return `${scaledToDecimal(line.discountBp, 2, ',')}\u00a0%`;
  if (line.discountCents) return formatEuros(line.discountCents);
  return '';
};

function drawLines(sheet: Sheet, doc: PrintedDocument) {
  const descWidth = COLUMNS[0].width - 2 * CELL_PAD;
  const nameStyle: TextStyle = { size: 8.5, bold: true };
  const descStyle: TextStyle = { size: 7.5, color: MUTED };
  const lineHeight = 10.5;

  drawTableHeader(sheet);
  doc.lines.forEach((line, index) => {
    if (line.sectionTitle) drawSectionHeading(sheet, line.sectionTitle);
    const amounts = doc.totals.lines[index];
    const cells = [
      formatQuantity(line.quantityMilli),
      frenchUnitLabel(line.unitCode, line.quantityMilli),
      formatEuros(line.unitPriceCents),
      discountText(line),
      lineVatLabel(line.vatCategory, line.vatRateBp),
      formatEuros(amounts.netCents),
    ];
    const textLines = [
      ...sheet.wrap(line.name, descWidth, nameStyle).map((text) => ({ text, style: nameStyle })),
      ...(line.description ? sheet.wrap(line.description, descWidth, descStyle).map((text) => ({ text, style: descStyle })) : []),
    ];
    let first = true;
    let remaining = textLines;
    while (remaining.length > 0) {
      // A description longer than a page continues on the next one, under the headers again.
      const room = Math.floor((sheet.y - BOTTOM - 8) / lineHeight);
      const fullPage = Math.floor((TOP - 20 - 18 - BOTTOM - 8) / lineHeight);
      // A row stays whole on one page unless it is longer than a page by itself.
      const mustMove = remaining.length > room && (remaining.length <= fullPage || room < 2);
      if (mustMove) {
        sheet.addPage();
        drawTableHeader(sheet);
        continue;
      }
      const chunk = remaining.slice(0, room);
      remaining = remaining.slice(room);
      const height = chunk.length * lineHeight + 7;
      const baseline = sheet.y - 11;
      chunk.forEach((l, i) => sheet.text(l.text, LEFT + CELL_PAD, baseline - i * lineHeight, l.style));
      if (first) {
        let x = LEFT + COLUMNS[0].width;
        cells.forEach((cell, i) => {
          const col = COLUMNS[i + 1];
          const tx = col.align === 'right' ? x + col.width - CELL_PAD : x + CELL_PAD;
          sheet.text(cell, tx, baseline, { size: 8, align: col.align === 'right' ? 'right' : 'left', bold: i === 5 });
          x += col.width;
        });
        first = false;
      }
      sheet.y -= height;
      sheet.rule(sheet.y, RULE, 0.4);
    }
  });
}

/** A quote's lots read as headings across the table, kept on the page of their first line. */
function drawSectionHeading(sheet: Sheet, title: string) {
  const height = 17;
  sheet.ensure(height + 24, () => drawTableHeader(sheet));
  sheet.rect(LEFT, sheet.y - height, WIDTH, height, SHADE);
  sheet.text(title, LEFT + CELL_PAD, sheet.y - 12, { size: 8.5, bold: true, color: ACCENT });
  sheet.y -= height;
  sheet.rule(sheet.y, RULE, 0.4);
}

/** A deposit invoice says what is ordered, above what it asks for. */
function drawOrder(sheet: Sheet, doc: PrintedDocument) {
  if (isQuote(doc) || doc.kind !== 'depositInvoice' || !doc.order) return;
  const style: TextStyle = { size: 8, color: MUTED };
  const lines = sheet.wrap(orderSummaryText(doc.order), WIDTH, style);
  sheet.ensure(14 + lines.length * 10);
  sheet.text('OBJET DE LA COMMANDE', LEFT, sheet.y - 8, { size: 7, bold: true, color: MUTED });
  sheet.y -= 10;
  for (const line of lines) {
    sheet.y -= 10;
    sheet.text(line, LEFT, sheet.y, style);
  }
  sheet.y -= 10;
}

/** The deposit invoices a final invoice deducts, as printed: what, date, excl. VAT, VAT, incl. VAT. */
export const depositRows = (doc: PrintedDocument): Array<[string, string, string, string, string]> =>
  isQuote(doc)
    ? []
    : (doc.deposits ?? []).map((d) => [`Facture d'acompte N° ${d.number}`, formatFrenchDate(d.issueDate), formatEuros(d.netCents), formatEuros(d.vatCents), formatEuros(d.grossCents)]);

/** A final invoice lists the deposit invoices it deducts: number, date and amounts. */
function drawDeposits(sheet: Sheet, doc: PrintedDocument) {
  const rows = depositRows(doc);
  if (rows.length === 0) return;
  const rowH = 13;
  sheet.ensure(40 + rows.length * rowH);
  const top = sheet.y - 14;
  const cols = { number: LEFT + CELL_PAD, date: LEFT + 230, net: RIGHT - 170, vat: RIGHT - 90, gross: RIGHT - CELL_PAD };
  const head: TextStyle = { size: 7.5, bold: true, color: MUTED };
  sheet.text('Acomptes déduits', cols.number, top, head);
  sheet.text('Date', cols.date, top, head);
  sheet.text('HT', cols.net, top, { ...head, align: 'right' });
  sheet.text('TVA', cols.vat, top, { ...head, align: 'right' });
  sheet.text('TTC', cols.gross, top, { ...head, align: 'right' });
  sheet.rule(top - 5, RULE, 0.6);
  let y = top - 5;
  for (const [what, date, net, vat, gross] of rows) {
    y -= rowH;
    sheet.text(what, cols.number, y + 3, { size: 8.5 });
    sheet.text(date, cols.date, y + 3, { size: 8.5 });
    sheet.text(net, cols.net, y + 3, { size: 8.5, align: 'right' });
    sheet.text(vat, cols.vat, y + 3, { size: 8.5, align: 'right' });
    sheet.text(gross, cols.gross, y + 3, { size: 8.5, align: 'right' });
  }
  sheet.rule(y - 1, RULE, 0.4);
  sheet.y = y - 4;
}

function vatRowLabel(row: VatBreakdown) {
  if (row.vatCategory === 'S' || row.vatCategory === 'Z') return `TVA ${formatVatRate(row.vatRateBp)}`;
  if (row.vatCategory === 'AE') return 'Autoliquidation';
  if (row.vatCategory === 'O') return 'Hors champ de la TVA';
  return 'Exonération de TVA';
}

function drawSummary(sheet: Sheet, doc: PrintedDocument, keepWith: number) {
  const t = doc.totals;
  const credit = doc.kind === 'creditNote';
  const totals: Array<[string, string]> = [['Total HT', formatEuros(t.lineTotalCents)]];
  if (t.allowanceTotalCents) {
    totals.push(['Remises globales', formatEuros(-t.allowanceTotalCents)]);
    totals.push(['Total HT après remises', formatEuros(t.taxBasisCents)]);
  }
  totals.push(['Total TVA', formatEuros(t.vatTotalCents)]);
  // On a quote the boxed amount is the total itself: nothing is due yet.
  if (!isQuote(doc)) totals.push(['Total TTC', formatEuros(t.grandTotalCents)]);
  if (t.prepaidCents) totals.push([!isQuote(doc) && doc.deposits?.length ? 'Acomptes déduits' : 'Acomptes déjà versés', formatEuros(-t.prepaidCents)]);
  const finalLabel = credit ? 'Montant de l’avoir' : isQuote(doc) ? 'Total TTC' : 'Net à payer';

  const rowH = 14;
  const vx = LEFT;
  const vw = 255;
  // Art. 242 nonies A I 13°: why no VAT is charged, read next to the VAT it explains.
  const exemptions = exemptionTexts(doc).flatMap((text) => sheet.wrap(text, vw - 8, { size: 8, bold: true }));
  // A deposit split across rates says, beside its VAT, why a cent moved from one rate to another.
  const split = !isQuote(doc) && doc.vatSplit ? vatSplitText(doc.vatSplit) : null;
  const splitLines = split ? sheet.wrap(split, vw - 8, { size: 7 }) : [];
  const vatHeight = 22 + t.vatBreakdown.length * rowH + (exemptions.length ? 6 + exemptions.length * 10 : 0) + (splitLines.length ? 6 + splitLines.length * 8.5 : 0);
  const totalsHeight = totals.length * rowH + 26;
  // The payment block stays on the page of the amount it pays.
  sheet.ensure(Math.max(vatHeight, totalsHeight) + 18 + keepWith);
  const top = sheet.y - 16;

  // VAT per rate: art. 242 nonies A I 11° wants the VAT total per rate, not only overall.
  const cols = [vx + 4, vx + vw - 84, vx + vw - 4];
  sheet.text('Détail de la TVA', cols[0], top - 8, { size: 7.5, bold: true, color: MUTED });
  sheet.text('Base HT', cols[1], top - 8, { size: 7.5, bold: true, color: MUTED, align: 'right' });
  sheet.text('Montant TVA', cols[2], top - 8, { size: 7.5, bold: true, color: MUTED, align: 'right' });
  sheet.rule(top - 13, RULE, 0.6, vx, vx + vw);
  let y = top - 13;
  for (const row of t.vatBreakdown) {
    y -= rowH;
    sheet.text(vatRowLabel(row), cols[0], y + 4, { size: 8.5 });
    sheet.text(formatEuros(row.basisCents), cols[1], y + 4, { size: 8.5, align: 'right' });
    sheet.text(formatEuros(row.vatCents), cols[2], y + 4, { size: 8.5, align: 'right' });
  }
  y -= 4;
  for (const line of exemptions) {
    y -= 10;
    sheet.text(line, cols[0], y + 2, { size: 8, bold: true });
  }
  if (splitLines.length) y -= 4;
  for (const line of splitLines) {
    y -= 8.5;
    sheet.text(line, cols[0], y + 2, { size: 7, color: MUTED });
  }

  const tx = RIGHT - 230;
  y = top;
  for (const [label, value] of totals) {
    y -= rowH;
    sheet.text(label, tx + 8, y + 3, { size: 9 });
    sheet.text(value, RIGHT - 8, y + 3, { size: 9, align: 'right' });
  }
  y -= 24;
  sheet.rect(tx, y - 2, 230, 22, ACCENT);
  sheet.text(finalLabel, tx + 8, y + 5.5, { size: 10.5, bold: true, color: WHITE });
  sheet.text(formatEuros(credit || isQuote(doc) ? t.grandTotalCents : t.dueCents), RIGHT - 8, y + 5.5, { size: 10.5, bold: true, color: WHITE, align: 'right' });
  sheet.y = Math.min(y - 2, top - vatHeight);
}

function paymentRows(doc: PrintedDocument): Array<[string, string]> {
  if (doc.kind === 'creditNote' || isQuote(doc) || doc.totals.dueCents <= 0) return [];
  const s = doc.seller;
  return [
    ['Mode de règlement', 'virement bancaire (SEPA)'],
    ['IBAN', formatIban(s.iban)],
    ...(s.bic ? ([['BIC', s.bic]] as Array<[string, string]>) : []),
    ...(doc.dueDate ? ([['À régler au plus tard le', formatFrenchDate(doc.dueDate)]] as Array<[string, string]>) : []),
    ['Référence à indiquer sur le virement', doc.number],
  ];
}

const paymentHeight = (rows: unknown[]) => (rows.length ? 24 + rows.length * 12.5 + 16 : 0);

function drawPayment(sheet: Sheet, lines: Array<[string, string]>) {
  if (lines.length === 0) return;
  const height = paymentHeight(lines) - 16;
  sheet.ensure(height + 16);
  const top = sheet.y - 16;
  sheet.rect(LEFT, top - height, WIDTH, height, SHADE);
  let y = top - 14;
  sheet.text('RÈGLEMENT', LEFT + 12, y, { size: 7, bold: true, color: MUTED });
  y -= 3;
  for (const [label, value] of lines) {
    y -= 12.5;
    sheet.text(label, LEFT + 12, y, { size: 8.5, color: MUTED });
    sheet.text(value, LEFT + 190, y, { size: 9, bold: true });
  }
  sheet.y = top - height;
}

const ACCEPTANCE_HEIGHT = 128;

/**
 * The client's agreement on paper: a signed quote bearing "Bon pour accord" is the usual proof
 * that the offer was accepted (Code civil art. 1113 and 1367), so the quote leaves the room for it.
 */
function drawAcceptance(sheet: Sheet, doc: QuoteDocument) {
  sheet.ensure(ACCEPTANCE_HEIGHT + 16);
  const top = sheet.y - 16;
  const height = ACCEPTANCE_HEIGHT;
  sheet.page.drawRectangle({ x: LEFT, y: top - height, width: WIDTH, height, borderColor: RULE, borderWidth: 0.8 });
  let y = top - 16;
  sheet.text('BON POUR ACCORD', LEFT + 12, y, { size: 8, bold: true, color: ACCENT });
  const intro = `Pour accepter ce devis, retournez-le daté et signé, précédé de la mention manuscrite « Bon pour accord », au plus tard le ${formatFrenchDate(doc.validUntil)}, ou acceptez-le en ligne depuis le lien reçu par e-mail.`;
  for (const line of sheet.wrap(intro, WIDTH - 24, { size: 8 })) {
    y -= 11;
    sheet.text(line, LEFT + 12, y, { size: 8, color: MUTED });
  }
  const half = WIDTH / 2;
  const fieldsTop = y - 20;
  const field = (label: string, x: number, fy: number, width: number) => {
    sheet.text(label, x, fy, { size: 8, color: MUTED });
    sheet.page.drawLine({ start: { x, y: fy - 14 }, end: { x: x + width, y: fy - 14 }, thickness: 0.5, color: RULE });
  };
  field('Nom et qualité du signataire', LEFT + 12, fieldsTop, half - 36);
  field('Date', LEFT + 12, fieldsTop - 34, half - 36);
  sheet.text('Signature et cachet, précédés de « Bon pour accord »', LEFT + half, fieldsTop, { size: 8, color: MUTED });
  sheet.y = top - height;
}

function exemptionTexts(doc: PrintedDocument): string[] {
  const texts = doc.totals.vatBreakdown.map((r) => r.exemptionReason).concat(doc.lines.map((l) => l.exemptionReason));
  return [...new Set(texts.filter((e): e is string => !!e && !!e.trim()))];
}

/** The mentions CGI art. 242 nonies A and Code de commerce L441-9 require, in reading order. */
function mentionTexts(doc: PrintedDocument): string[] {
  const m = doc.mentions;
  return [
    ...(m.operationCategory ? [OPERATION_CATEGORY_TEXT[m.operationCategory]] : []),
    ...(m.vatOnDebits ? [VAT_ON_DEBITS_TEXT] : []),
    ...(m.other ?? []),
    ...(m.earlyPaymentDiscount ? [m.earlyPaymentDiscount] : []),
    ...(m.latePenalty ? [m.latePenalty] : []),
    ...(m.recoveryIndemnity ? [m.recoveryIndemnity] : []),
  ];
}

function drawMentions(sheet: Sheet, doc: PrintedDocument) {
  const style: TextStyle = { size: 7.5, color: MUTED };
  const lineHeight = 9.5;
  const lines = mentionTexts(doc).flatMap((text) => sheet.wrap(text, WIDTH, style));
  const height = 16 + lines.length * lineHeight;
  // At the foot of the last page, where a reader expects the conditions; on a new page if full.
  sheet.ensure(height + 20);
  let y = BOTTOM + height;
  sheet.rule(y, RULE, 0.6);
  y -= 12;
  sheet.text('Conditions et mentions légales', LEFT, y, { size: 7.5, bold: true, color: INK });
  for (const line of lines) {
    y -= lineHeight;
    sheet.text(line, LEFT, y, style);
  }
  sheet.y = BOTTOM;
}

function drawFooters(sheet: Sheet, doc: PrintedDocument) {
  const s = doc.seller;
  const identity = [s.name, s.legalInfo, `SIRET ${formatSiret(s.siret)}`, s.vatNumber ? `TVA ${s.vatNumber}` : undefined]
    .filter(Boolean)
    .join(' · ');
  const count = sheet.pages.length;
  const lines = sheet.wrap(identity, WIDTH, { size: 6.5 });
  sheet.pages.forEach((page, i) => {
    page.drawLine({ start: { x: LEFT, y: 46 }, end: { x: RIGHT, y: 46 }, thickness: 0.4, color: RULE });
    lines.slice(0, 2).forEach((line, n) => sheet.text(line, LEFT, 36 - n * 8, { size: 6.5, color: MUTED, page }));
    sheet.text(`${documentTitle(doc)} · page ${i + 1}/${count}`, RIGHT, 20, { size: 7, bold: true, color: MUTED, align: 'right', page });
  });
}

function drawContinuationHeader(sheet: Sheet, doc: PrintedDocument) {
  const y = TOP - 14;
  sheet.text(doc.seller.activityName ?? doc.seller.name, LEFT, y, { size: 11, bold: true, color: ACCENT });
  sheet.text(`${documentTitle(doc)} (suite)`, RIGHT, y, { size: 10, bold: true, color: ACCENT, align: 'right' });
  sheet.rule(y - 8, RULE, 0.6);
  sheet.y = y - 20;
}

/** The page grid and colours of the coop's documents, for letters that must look like its invoices. */
export const PDF_LAYOUT = { pageWidth: PAGE_W, pageHeight: PAGE_H, left: LEFT, right: RIGHT, width: WIDTH, top: TOP, bottom: BOTTOM } as const;
export const PDF_COLORS = { ink: INK, muted: MUTED, accent: ACCENT, rule: RULE, shade: SHADE, white: WHITE } as const;

/**
 * A new document with the invoices' embedded DejaVu fonts (fixed subset tags, no clock in the
 * metadata: same input, same bytes) and a first page, for another document of the coop.
 */
export async function startCoopPdf(continuationHeader: (sheet: Sheet) => void = () => {}, texts = ''): Promise<{ pdf: PDFDocument; sheet: Sheet }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  // `texts`: everything the letter will print, so that emoji find their font (see `embedFonts`).
  const fonts = await embedFonts(pdf, texts);
  return { pdf, sheet: new Sheet(pdf, fonts.regular, fonts.bold, continuationHeader, fonts.fallback) };
}

export async function renderDocumentPdf(doc: PrintedDocument, opts: RenderDocumentPdfOptions): Promise<Uint8Array> {
  // A quote is an offer, not an invoice: it has no place on the e-invoicing chain.
  if (opts.facturX && isQuote(doc)) throw new RangeError('a quote is never rendered as Factur-X');
  const { icc } = await loadAssets();
  // updateMetadata: false, or pdf-lib stamps the current time and its own name on the file.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(pdf, JSON.stringify(doc));

  const sheet = new Sheet(pdf, fonts.regular, fonts.bold, (s) => drawContinuationHeader(s, doc), fonts.fallback);
  const identityBottom = drawIdentity(sheet, doc);
  const datesBottom = drawTitleAndDates(sheet, doc);
  const buyerBottom = drawBuyer(sheet, doc, Math.min(identityBottom, datesBottom) - 18);
  sheet.y = buyerBottom - 24;
  drawOrder(sheet, doc);
  drawLines(sheet, doc);
  drawDeposits(sheet, doc);
  const payment = paymentRows(doc);
  drawSummary(sheet, doc, isQuote(doc) ? ACCEPTANCE_HEIGHT + 16 : paymentHeight(payment));
  drawPayment(sheet, payment);
  if (isQuote(doc)) drawAcceptance(sheet, doc);
  drawMentions(sheet, doc);
  drawFooters(sheet, doc);

  const title = documentTitle(doc);
  const info: DocumentInfo = {
    title,
    author: doc.seller.name,
    subject: `${title} — ${doc.seller.activityName ?? doc.seller.name} pour ${doc.buyer.name}`,
    creator: 'Mutualise',
    producer: 'Mutualise (pdf-lib)',
    producedAt: opts.producedAt ?? new Date(`${doc.issueDate}T00:00:00Z`),
  };
  setDocumentInfo(pdf, info);
  pdf.setLanguage('fr-FR');
  setFileIdentifier(pdf, JSON.stringify({ doc, facturX: opts.facturX, producedAt: info.producedAt.toISOString() }));
  if (opts.facturX && !isQuote(doc)) await makeFacturX(pdf, { info, xml: toCrossIndustryInvoice(doc), iccProfile: icc });
  return pdf.save();
}
