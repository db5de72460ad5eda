import { formatEuros, formatFrenchDate, PDF_COLORS, PDF_LAYOUT, setDocumentInfo, setFileIdentifier, startCoopPdf, type PdfSheet } from '../../documents/index.js';
import type { DunningContext, FormalNoticeLetter } from '../dunning-texts.js';

/**
 * The formal-notice letter (mise en demeure) as a one- or two-page A4 PDF in the look of the
 * coop's invoices (same fonts, grid and colours): sender block, recipient block where a window
 * envelope shows it, place and date, subject, the amounts claimed, the text, the signature.
 * Same input, same bytes: dated by `today`, nothing random, so the stored SHA-256 proves the
 * copy kept is the letter sent.
 */
export async function renderFormalNoticePdf(ctx: DunningContext, letter: FormalNoticeLetter): Promise<Uint8Array> {
  const { left, right, width, top, bottom } = PDF_LAYOUT;
  const { ink, muted, accent, rule, shade } = PDF_COLORS;
  const { pdf, sheet } = await startCoopPdf(
    (s) => {
      s.text(letter.title, left, top - 14, { size: 10, bold: true, color: accent });
      s.y = top - 34;
    },
    JSON.stringify({ ctx, letter }),
  );

  const write = (lines: string[], style: { size: number; bold?: boolean; color?: typeof ink }, x: number, lineHeight: number) => {
    for (const line of lines) {
      sheet.ensure(lineHeight);
      sheet.y -= lineHeight;
      sheet.text(line, x, sheet.y, style);
    }
  };

  // Sender, top left, as on the invoices.
  sheet.y = top - 4;
  write(sheet.wrap(ctx.activityName ?? ctx.coop.name, 240, { size: 15, bold: true }), { size: 15, bold: true, color: accent }, left, 17);
  if (ctx.activityName) write([ctx.coop.name], { size: 9, bold: true }, left, 13);
  write([...ctx.coop.addressLines, `SIREN ${ctx.coop.siren}`, ...(ctx.coop.email ? [ctx.coop.email] : []), ...(ctx.coop.phone ? [ctx.coop.phone] : [])], { size: 8, color: muted }, left, 10.5);

  // Recipient, right, at the height of a French window envelope (DL, window on the right).
  const boxX = right - 250;
  let y = top - 126;
  for (const line of [...sheet.wrap(ctx.client.name, 240, { size: 10.5, bold: true })]) {
    y -= 13;
    sheet.text(line, boxX, y, { size: 10.5, bold: true });
  }
  for (const line of ctx.client.addressLines.flatMap((l) => sheet.wrap(l, 240, { size: 9.5 }))) {
    y -= 12.5;
    sheet.text(line, boxX, y, { size: 9.5 });
  }

  sheet.y = Math.min(sheet.y, y) - 30;
  const city = ctx.coop.addressLines.at(-1)?.replace(/^\d+\s*/, '') ?? '';
  sheet.text(`${city ? `${city}, le ` : 'Le '}${formatFrenchDate(ctx.today)}`, right, sheet.y, { size: 9.5, align: 'right' });
  sheet.y -= 28;
  write(sheet.wrap(`Objet : ${letter.title}`, width, { size: 10.5, bold: true }), { size: 10.5, bold: true, color: accent }, left, 14);
  sheet.y -= 8;

  // The amounts claimed, in a shaded table like the invoice totals.
  const rowH = 15;
  const tableH = (letter.claims.length + 1) * rowH + 10;
  sheet.ensure(tableH + 10);
  const tableTop = sheet.y;
  sheet.rect(left, tableTop - tableH, width, tableH, shade);
  let ty = tableTop - 4;
  for (const [label, amount] of letter.claims) {
    ty -= rowH;
    sheet.text(label, left + 10, ty + 4, { size: 8.5 });
    sheet.text(amount, right - 10, ty + 4, { size: 8.5, align: 'right' });
  }
  sheet.rule(ty, rule, 0.6, left + 10, right - 10);
  ty -= rowH;
  sheet.text(`Total à régler au plus tard le ${formatFrenchDate(letter.deadline)}`, left + 10, ty + 3, { size: 9.5, bold: true });
  sheet.text(formatEuros(letter.totalClaimedCents), right - 10, ty + 3, { size: 9.5, bold: true, align: 'right' });
  sheet.y = tableTop - tableH - 18;

  for (const paragraph of letter.paragraphs) {
    write(sheet.wrap(paragraph, width, { size: 9.5 }), { size: 9.5 }, left, 13);
    sheet.y -= 7;
  }
  sheet.y -= 10;
  write([ctx.activityName ? `${ctx.activityName} — ${ctx.coop.name}` : ctx.coop.name], { size: 9.5, bold: true }, left, 13);

  footers(sheet, ctx, letter, bottom);
  setDocumentInfo(pdf, {
    title: letter.title,
    author: ctx.coop.name,
    subject: `${letter.title} — ${ctx.client.name}`,
    creator: 'Mutualise',
    producer: 'Mutualise (pdf-lib)',
    producedAt: new Date(`${ctx.today}T00:00:00Z`),
  });
  pdf.setLanguage('fr-FR');
  setFileIdentifier(pdf, JSON.stringify({ ctx, letter }));
  return pdf.save();
}

function footers(sheet: PdfSheet, ctx: DunningContext, letter: FormalNoticeLetter, bottom: number) {
  const { left, right } = PDF_LAYOUT;
  const count = sheet.pages.length;
  sheet.pages.forEach((page, i) => {
    page.drawLine({ start: { x: left, y: bottom - 16 }, end: { x: right, y: bottom - 16 }, thickness: 0.4, color: PDF_COLORS.rule });
    sheet.text(`${ctx.coop.name} · ${ctx.coop.registration || `SIREN ${ctx.coop.siren}`}`, left, bottom - 26, { size: 6.5, color: PDF_COLORS.muted, page });
    sheet.text(`${letter.title} · page ${i + 1}/${count}`, right, bottom - 42, { size: 7, bold: true, color: PDF_COLORS.muted, page, align: 'right' });
  });
}
