import type { VatCategory } from './compute-totals.js';
import { scaledToDecimal } from './french-format.js';
import type { DocumentMentions, InvoiceDocument, OperationCategory } from './document-model.js';

/**
 * The mandatory mentions of a French invoice, as data: the PDF prints them, the Factur-X XML
 * carries them as notes, and `missingMentions` refuses to issue a document without them.
 *
 * Sources: CGI annexe II art. 242 nonies A (identities, number, dates, lines, VAT per rate,
 * exemption texts, and since the e-invoicing reform the buyer's SIREN, the category of the
 * operation and the option for VAT on debits); Code de commerce art. L441-9 (due date,
 * discount terms, penalty rate, the fixed recovery indemnity) and L441-10 / D441-5 (40 €).
 */

/** The coop's late-payment penalty (art. L441-10 II: at least 3× the legal interest rate). */
export type LatePenaltyRate =
  /** A yearly rate, in basis points (1200 = 12 %). */
  | { kind: 'fixed'; rateBp: number }
  /** The ECB main refinancing rate plus points (the statutory default is +10 points). */
  | { kind: 'ecbPlus'; pointsBp: number };

/** Art. D441-5 Code de commerce: 40 € per unpaid invoice, owed by a professional buyer. */
export const RECOVERY_INDEMNITY_CENTS = 4000;

const percent = (bp: number) => `${scaledToDecimal(bp, 2, ',')}\u00a0%`;

export function latePenaltyText(rate: LatePenaltyRate): string {
  const what =
    rate.kind === 'fixed'
      ? `au taux annuel de ${percent(rate.rateBp)}`
      : `au taux de refinancement le plus récent de la Banque centrale européenne majoré de ${scaledToDecimal(rate.pointsBp, 2, ',')} points`;
  return `En cas de retard de paiement, des pénalités sont exigibles dès le lendemain de la date d'échéance, ${what}, sans qu'un rappel soit nécessaire (art. L441-10 du Code de commerce).`;
}

export const RECOVERY_INDEMNITY_TEXT =
  "Indemnité forfaitaire pour frais de recouvrement due en cas de retard de paiement : 40\u00a0€ (art. L441-10 et D441-5 du Code de commerce).";

/**
 * The same mention for a consumer: the indemnity is owed by a professional only (L441-10 II),
 * but the French e-invoicing rules want the PMT note on every invoice (BR-FR-05), so it says
 * that it does not apply rather than being left out.
 */
export const RECOVERY_INDEMNITY_CONSUMER_TEXT =
  "Indemnité forfaitaire pour frais de recouvrement de 40\u00a0€ (art. L441-10 et D441-5 du Code de commerce) : non applicable, l'acheteur étant un consommateur.";

export const NO_EARLY_PAYMENT_DISCOUNT_TEXT = "Pas d'escompte pour paiement anticipé.";

/** Art. 242 nonies A I 15° (reform): the seller opted to pay VAT on debits (CGI art. 269-2-c). */
export const VAT_ON_DEBITS_TEXT = "Option pour le paiement de la taxe d'après les débits.";

export const OPERATION_CATEGORY_TEXT: Record<OperationCategory, string> = {
  goods: "Catégorie de l'opération : livraison de biens.",
  services: "Catégorie de l'opération : prestation de services.",
  both: "Catégorie de l'opération : livraison de biens et prestation de services.",
};

export const FRANCHISE_TEXT = 'TVA non applicable, art. 293 B du CGI';
export const REVERSE_CHARGE_TEXT = 'Autoliquidation';

export interface VatExemption {
  /** BT-120, printed on the PDF. */
  text: string;
  /** BT-121, from the VATEX code list. */
  code: string;
}

/**
 * The text CGI art. 242 nonies A I 13° requires where no VAT is charged, with its VATEX code.
 * 'E' is only known for the franchise (art. 293 B); other exemptions (art. 261…) need their
 * own article, given by the user on the line, so there is no default for them.
 */
export function vatExemptionFor(category: VatCategory, options: { franchise?: boolean } = {}): VatExemption | null {
  switch (category) {
    case 'E':
      return options.franchise ? { text: FRANCHISE_TEXT, code: 'VATEX-FR-FRANCHISE' } : null;
    case 'AE':
      // Art. 283-2 CGI (and art. 196 of directive 2006/112 for EU services): the buyer pays.
      return { text: REVERSE_CHARGE_TEXT, code: 'VATEX-EU-AE' };
    case 'K':
      return { text: 'Exonération de TVA, art. 262 ter I du CGI', code: 'VATEX-EU-IC' };
    case 'G':
      return { text: 'Exonération de TVA, art. 262 I du CGI', code: 'VATEX-EU-G' };
    case 'O':
      return { text: 'TVA non applicable, art. 259-1 du CGI', code: 'VATEX-EU-O' };
    default:
      return null;
  }
}

/** VATEX code for an exemption text we know, so the XML carries the code as well as the text. */
export function vatExemptionCodeOf(category: VatCategory, text: string | undefined): string | undefined {
  if (category === 'E') return text === FRANCHISE_TEXT ? 'VATEX-FR-FRANCHISE' : undefined;
  return vatExemptionFor(category)?.code;
}

export interface CoopInvoicingSettings {
  latePenalty: LatePenaltyRate;
  vatOnDebits: boolean;
  /** The coop's discount terms for early payment; "none" by default. */
  earlyPaymentDiscountText?: string;
}

/**
 * The text mentions of a document. The 40 € indemnity applies between professionals only
 * (L441-10 II): an individual buyer reads that it does not apply.
 */
export function documentMentions(
  settings: CoopInvoicingSettings,
  doc: { buyerKind: 'company' | 'individual'; operationCategory: OperationCategory; other?: string[] },
): DocumentMentions {
  return {
    latePenalty: latePenaltyText(settings.latePenalty),
    recoveryIndemnity: doc.buyerKind === 'company' ? RECOVERY_INDEMNITY_TEXT : RECOVERY_INDEMNITY_CONSUMER_TEXT,
    earlyPaymentDiscount: settings.earlyPaymentDiscountText ?? NO_EARLY_PAYMENT_DISCOUNT_TEXT,
    vatOnDebits: settings.vatOnDebits,
    operationCategory: doc.operationCategory,
    ...(doc.other?.length ? { other: doc.other } : {}),
  };
}

/**
 * UNTDID 4451 subject codes the Factur-X guides use for these mentions, and BAR, the French
 * reform's note naming how a platform treats the invoice (XP Z12-012: B2B, B2BINT, B2C…).
 */
export type NoteSubjectCode = 'PMD' | 'PMT' | 'AAB' | 'TXD' | 'REG' | 'AAI' | 'BAR';

/**
 * The treatment a plateforme agréée applies: a French company gets the e-invoice (B2B, its
 * directory address required, BR-FR-21), a company abroad is reported (B2BINT), and so is a sale
 * to a consumer (B2C).
 */
export function treatmentOf(buyer: Pick<InvoiceDocument['buyer'], 'kind' | 'address' | 'siren'>): 'B2B' | 'B2BINT' | 'B2C' {
  if (buyer.kind === 'individual') return 'B2C';
  return buyer.address.countryCode === 'FR' && buyer.siren ? 'B2B' : 'B2BINT';
}

export interface DocumentNote {
  subjectCode: NoteSubjectCode;
  text: string;
}

/** The mentions as notes (BG-1): BAR treatment, PMD penalties, PMT indemnity, AAB discount, TXD tax, REG legal. */
export function mentionNotes(doc: Pick<InvoiceDocument, 'mentions' | 'seller' | 'buyer'>): DocumentNote[] {
  const m = doc.mentions;
  const notes: DocumentNote[] = [{ subjectCode: 'BAR', text: treatmentOf(doc.buyer) }];
  if (doc.seller.activityName) notes.push({ subjectCode: 'AAI', text: `Activité : ${doc.seller.activityName}` });
  for (const text of m.other ?? []) notes.push({ subjectCode: 'AAI', text });
  if (m.operationCategory) notes.push({ subjectCode: 'AAI', text: OPERATION_CATEGORY_TEXT[m.operationCategory] });
  if (m.vatOnDebits) notes.push({ subjectCode: 'TXD', text: VAT_ON_DEBITS_TEXT });
  if (m.latePenalty) notes.push({ subjectCode: 'PMD', text: m.latePenalty });
  if (m.recoveryIndemnity) notes.push({ subjectCode: 'PMT', text: m.recoveryIndemnity });
  if (m.earlyPaymentDiscount) notes.push({ subjectCode: 'AAB', text: m.earlyPaymentDiscount });
  if (doc.seller.legalInfo) notes.push({ subjectCode: 'REG', text: doc.seller.legalInfo });
  return notes;
}

export type MissingMention =
  | 'number'
  | 'issueDate'
  | 'deliveryDate'
  | 'dueDate'
  | 'lines'
  | 'seller.name'
  | 'seller.siren'
  | 'seller.siret'
  | 'seller.vatNumber'
  | 'seller.address'
  | 'seller.iban'
  | 'buyer.name'
  | 'buyer.address'
  | 'buyer.siren'
  | 'buyer.vatNumber'
  | 'precedingInvoice'
  | 'latePenalty'
  | 'recoveryIndemnity'
  | 'earlyPaymentDiscount'
  | 'operationCategory'
  | `lines.${number}.name`
  | `lines.${number}.exemptionReason`;

const blank = (s: string | undefined | null) => !s || !s.trim();
const addressBlank = (a: InvoiceDocument['seller']['address'] | undefined) =>
  !a || blank(a.line1) || blank(a.postcode) || blank(a.city) || blank(a.countryCode);

/**
 * What a document lacks before it may be issued, as field paths (empty when complete).
 * Checked at validation, before a number is taken, so an incomplete invoice never gets one.
 */
export function missingMentions(doc: InvoiceDocument): MissingMention[] {
  const missing: MissingMention[] = [];
  const categories = new Set(doc.lines.map((l) => l.vatCategory));
  const onlyOutOfScope = categories.size > 0 && [...categories].every((c) => c === 'O');
  const professionalBuyer = doc.buyer.kind === 'company';

  if (blank(doc.number)) missing.push('number');
  if (blank(doc.issueDate)) missing.push('issueDate');
  // Art. 242 nonies A I 7°: the date of the sale or service (a deposit precedes it).
  if (doc.kind !== 'depositInvoice' && blank(doc.deliveryDate) && !doc.servicePeriod) missing.push('deliveryDate');
  // L441-9: the due date; a credit note owes nothing to the seller.
  if (doc.kind !== 'creditNote' && doc.totals.dueCents > 0 && blank(doc.dueDate)) missing.push('dueDate');
  if (doc.lines.length === 0) missing.push('lines');

  if (blank(doc.seller.name)) missing.push('seller.name');
  if (blank(doc.seller.siren)) missing.push('seller.siren');
  if (blank(doc.seller.siret)) missing.push('seller.siret');
  // Art. 242 nonies A I 2°; BR-O-02 forbids it when nothing is within the scope of VAT.
  if (!onlyOutOfScope && blank(doc.seller.vatNumber)) missing.push('seller.vatNumber');
  if (addressBlank(doc.seller.address)) missing.push('seller.address');
  if (doc.kind !== 'creditNote' && blank(doc.seller.iban)) missing.push('seller.iban');

  if (blank(doc.buyer.name)) missing.push('buyer.name');
  if (addressBlank(doc.buyer.address)) missing.push('buyer.address');
  // Reform: the buyer's SIREN, for a company registered in France.
  if (professionalBuyer && doc.buyer.address?.countryCode === 'FR' && blank(doc.buyer.siren)) missing.push('buyer.siren');
  // Reverse charge and intra-EU supplies name the buyer's VAT number (art. 242 nonies A I 2°, BR-IC-02).
  if ((categories.has('AE') || categories.has('K')) && blank(doc.buyer.vatNumber)) missing.push('buyer.vatNumber');

  if (doc.kind === 'creditNote' && (!doc.precedingInvoice || blank(doc.precedingInvoice.number))) missing.push('precedingInvoice');

  if (blank(doc.mentions.latePenalty)) missing.push('latePenalty');
  // Owed by a professional only, but stated on every invoice (BR-FR-05: the PMT note).
  if (blank(doc.mentions.recoveryIndemnity)) missing.push('recoveryIndemnity');
  if (blank(doc.mentions.earlyPaymentDiscount)) missing.push('earlyPaymentDiscount');
  if (!doc.mentions.operationCategory) missing.push('operationCategory');

  doc.lines.forEach((line, i) => {
    if (blank(line.name)) missing.push(`lines.${i}.name`);
    const needsReason = line.vatCategory !== 'S' && line.vatCategory !== 'Z';
    if (needsReason && blank(line.exemptionReason)) missing.push(`lines.${i}.exemptionReason`);
  });
  return missing;
}
