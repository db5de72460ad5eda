import { describe, expect, it } from 'vitest';
import { buildDocument, companyBuyer, euBuyer, individualBuyer, serviceLine } from '../../../../test/support/invoicing-fixtures.js';
import {
  documentMentions,
  FRANCHISE_TEXT,
  latePenaltyText,
  mentionNotes,
  missingMentions,
  RECOVERY_INDEMNITY_CENTS,
  RECOVERY_INDEMNITY_CONSUMER_TEXT,
  RECOVERY_INDEMNITY_TEXT,
  treatmentOf,
  vatExemptionFor,
} from './mentions.js';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');
const invoice = (more: Partial<Parameters<typeof buildDocument>[0]> = {}) =>
  buildDocument({ kind: 'invoice', number: 'F2026-00042', issueDate: '2026-11-23', deliveryDate: '2026-11-20', dueDate: '2026-12-23', lines: [serviceLine()], ...more });

describe('mandatory mentions', () => {
  it('states the coop penalty rate, or the ECB rate plus points, with its legal basis', () => {
    expect(plain(latePenaltyText({ kind: 'fixed', rateBp: 1200 }))).toContain('au taux annuel de 12 %');
    expect(latePenaltyText({ kind: 'ecbPlus', pointsBp: 1000 })).toContain('Banque centrale européenne majoré de 10 points');
    expect(latePenaltyText({ kind: 'fixed', rateBp: 1200 })).toContain('L441-10');
  });

  it('charges the 40 € recovery indemnity to professional buyers only, and tells a consumer it does not apply', () => {
    expect(RECOVERY_INDEMNITY_CENTS).toBe(4000);
    expect(plain(RECOVERY_INDEMNITY_TEXT)).toContain('40 €');
    const settings = { latePenalty: { kind: 'fixed' as const, rateBp: 1200 }, vatOnDebits: false };
    expect(documentMentions(settings, { buyerKind: 'company', operationCategory: 'goods' }).recoveryIndemnity).toBe(RECOVERY_INDEMNITY_TEXT);
    const consumer = documentMentions(settings, { buyerKind: 'individual', operationCategory: 'goods' });
    expect(consumer.recoveryIndemnity).toBe(RECOVERY_INDEMNITY_CONSUMER_TEXT);
    expect(plain(RECOVERY_INDEMNITY_CONSUMER_TEXT)).toMatch(/40 €.*non applicable, l'acheteur étant un consommateur/);
    // BR-FR-05: the PMT note is on every invoice, the consumer's included.
    const notes = mentionNotes(invoice({ buyer: individualBuyer, mentions: consumer }));
    expect(notes.filter((n) => n.subjectCode === 'PMT').map((n) => n.text)).toEqual([RECOVERY_INDEMNITY_CONSUMER_TEXT]);
  });

  it('names how a platform treats the invoice: B2B for a French company, B2BINT abroad, B2C for a consumer', () => {
    expect(treatmentOf(companyBuyer)).toBe('B2B');
    expect(treatmentOf(euBuyer)).toBe('B2BINT');
    expect(treatmentOf(individualBuyer)).toBe('B2C');
    expect(mentionNotes(invoice()).filter((n) => n.subjectCode === 'BAR')).toEqual([{ subjectCode: 'BAR', text: 'B2B' }]);
  });

  it('gives the legal text and code for each VAT exemption', () => {
    expect(vatExemptionFor('E', { franchise: true })).toEqual({ text: FRANCHISE_TEXT, code: 'VATEX-FR-FRANCHISE' });
    expect(FRANCHISE_TEXT).toBe('TVA non applicable, art. 293 B du CGI');
    expect(vatExemptionFor('AE')).toEqual({ text: 'Autoliquidation', code: 'VATEX-EU-AE' });
    expect(vatExemptionFor('K')?.code).toBe('VATEX-EU-IC');
    expect(vatExemptionFor('S')).toBeNull();
    expect(vatExemptionFor('E')).toBeNull();
  });

  it('carries the mentions as notes with their subject codes', () => {
    const doc = invoice({
      mentions: documentMentions(
        { latePenalty: { kind: 'fixed', rateBp: 1200 }, vatOnDebits: true },
        { buyerKind: 'company', operationCategory: 'both' },
      ),
    });
    const codes = mentionNotes(doc).map((n) => n.subjectCode);
    expect(codes).toEqual(expect.arrayContaining(['PMD', 'PMT', 'AAB', 'TXD', 'REG', 'AAI']));
    const texts = mentionNotes(doc).map((n) => n.text);
    expect(texts).toContain("Option pour le paiement de la taxe d'après les débits.");
    expect(texts).toContain("Catégorie de l'opération : livraison de biens et prestation de services.");
  });
});

describe('missing mentions', () => {
  it('finds nothing missing on a complete invoice', () => {
    expect(missingMentions(invoice())).toEqual([]);
  });

  it('lists what a bare document lacks', () => {
    const doc = invoice({
      number: '',
      deliveryDate: undefined,
      dueDate: undefined,
      lines: [],
      seller: { ...invoice().seller, siren: '', vatNumber: undefined },
      buyer: { ...companyBuyer, siren: undefined },
      mentions: { vatOnDebits: false },
    });
    expect(missingMentions(doc)).toEqual(
      expect.arrayContaining(['number', 'deliveryDate', 'lines', 'seller.siren', 'seller.vatNumber', 'buyer.siren', 'latePenalty', 'recoveryIndemnity', 'earlyPaymentDiscount', 'operationCategory']),
    );
  });

  it('requires a due date whenever something is to be paid', () => {
    expect(missingMentions(invoice({ dueDate: undefined }))).toEqual(['dueDate']);
  });

  it('requires the recovery indemnity mention, said not to apply, for a consumer too', () => {
    const doc = invoice({ buyer: individualBuyer, mentions: { ...invoice().mentions, recoveryIndemnity: undefined } });
    expect(missingMentions(doc)).toEqual(['recoveryIndemnity']);
  });

  it("does not ask an individual buyer for a SIREN", () => {
    const doc = invoice({
      buyer: individualBuyer,
      mentions: documentMentions({ latePenalty: { kind: 'fixed', rateBp: 1200 }, vatOnDebits: false }, { buyerKind: 'individual', operationCategory: 'services' }),
    });
    expect(missingMentions(doc)).toEqual([]);
  });

  it("requires the buyer's VAT number under reverse charge", () => {
    const doc = invoice({ buyer: { ...euBuyer, vatNumber: undefined }, lines: [serviceLine({ vatCategory: 'AE', vatRateBp: 0, exemptionReason: 'Autoliquidation' })] });
    expect(missingMentions(doc)).toEqual(['buyer.vatNumber']);
  });

  it('requires the reason of every VAT exemption', () => {
    const doc = invoice({ lines: [serviceLine(), serviceLine({ vatCategory: 'E', vatRateBp: 0 })] });
    expect(missingMentions(doc)).toEqual(['lines.1.exemptionReason']);
  });

  it('requires a credit note to name the invoice it corrects', () => {
    expect(missingMentions(invoice({ kind: 'creditNote' }))).toEqual(['precedingInvoice']);
    expect(missingMentions(invoice({ kind: 'creditNote', precedingInvoice: { number: 'F2026-00041', issueDate: '2026-11-02' } }))).toEqual([]);
  });
});
