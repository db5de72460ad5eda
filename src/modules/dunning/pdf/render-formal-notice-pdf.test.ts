import fs from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { formalNoticeLetter, type DunningContext } from '../dunning-texts.js';
import { renderFormalNoticePdf } from './render-formal-notice-pdf.js';

const ctx: DunningContext = {
  coop: { name: 'Coop Oxalis', addressLines: ['1 rue de la Coopération', '69001 Lyon'], siren: '123456789', email: null, phone: null, iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', latePenaltyRateBp: 1215 },
  activityName: null,
  client: { name: 'Menuiserie Lenoir', kind: 'company', addressLines: ['8 rue des Tanneurs', '67000 Strasbourg'] },
  invoice: { number: 'F2026-00042', issueDate: '2026-06-20', dueDate: '2026-07-20', amountLeftCents: 121_899 },
  today: '2026-09-03',
};

describe('formal-notice letter PDF', () => {
  it('same letter, same bytes, so the stored SHA-256 proves the copy kept is the one sent', async () => {
    const letter = formalNoticeLetter(ctx);
    const [a, b] = [await renderFormalNoticePdf(ctx, letter), await renderFormalNoticePdf(ctx, letter)];
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const pdf = await PDFDocument.load(a, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Mise en demeure de payer — facture n° F2026-00042');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-09-03T00:00:00.000Z');
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
  });

  it("prints the coop's registration and draws a client's emoji with the fallback font", async () => {
    const withEmoji: DunningContext = { ...ctx, coop: { ...ctx.coop, registration: 'RCS Lyon 123 456 789' }, client: { ...ctx.client, name: 'Atelier 🎨 Café ☕' } };
    const bytes = await renderFormalNoticePdf(withEmoji, formalNoticeLetter(withEmoji));
    fs.mkdirSync(path.resolve('.tmp/pdf'), { recursive: true });
    fs.writeFileSync(path.resolve('.tmp/pdf/formal-notice-emoji.pdf'), bytes);
    const pdf = await PDFDocument.load(bytes);
    const baseFonts = pdf.context.enumerateIndirectObjects().flatMap(([, o]) => (o instanceof PDFDict && o.get(PDFName.of('BaseFont')) ? [o.get(PDFName.of('BaseFont'))!.toString()] : []));
    expect(baseFonts).toContain('/MUTUAC+NotoEmoji');
  });
});
