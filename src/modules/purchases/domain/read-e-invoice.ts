import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * One model for every received e-invoice, whatever its syntax (EN 16931 CII D16B or UBL 2.1):
 * the business terms (BT-…) a buyer needs to check, book and pay it.
 */
export interface ReadParty {
  name: string;
  /** From the legal registration id of scheme 0002 (SIREN), or the first 9 digits of a 0009 SIRET. */
  siren: string | null;
  vatNumber: string | null;
  countryCode: string | null;
  address: string | null;
}

export interface ReadLine {
  id: string;
  label: string;
  /** BT-131, the line's net amount. */
  netCents: number;
  vatCategory: string;
  /** null where the category carries no rate (O: outside the scope of VAT). */
  vatRateBp: number | null;
}

export interface ReadVatBreakdown {
  category: string;
  rateBp: number | null;
  /** BT-116 and BT-117. */
  baseCents: number;
  vatCents: number;
}

export interface ReadTotals {
  /** BT-106 … BT-115. */
  lineTotalCents: number;
  allowancesCents: number;
  chargesCents: number;
  netCents: number;
  vatCents: number;
  grossCents: number;
  prepaidCents: number;
  roundingCents: number;
  dueCents: number;
}

export interface ReadEInvoice {
  syntax: 'cii' | 'ubl';
  /** BT-3: 380 invoice, 381 credit note, 384 corrective invoice, 389 self-billed invoice … */
  typeCode: string;
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  seller: ReadParty;
  buyer: ReadParty;
  lines: ReadLine[];
  vat: ReadVatBreakdown[];
  totals: ReadTotals;
  /** BT-84 and BT-86. */
  payeeIban: string | null;
  payeeBic: string | null;
}

/** A rule the file breaks: the EN 16931 rule id where there is one, and the reason in both languages. */
export interface EInvoiceProblem {
  rule: string;
  fr: string;
  en: string;
}

export type ReadResult = { ok: true; invoice: ReadEInvoice } | { ok: false; problem: EInvoiceProblem };

/** Credit notes in the UNTDID 1001 list EN 16931 allows (381 credit note, 396 factored credit note, 261/262/…). */
const CREDIT_NOTE_CODES = new Set(['381', '261', '262', '296', '308', '396', '420', '458', '532']);
/** The invoice codes of the list (380 commercial, 384 corrective, 389 self-billed, 386 prepayment …). */
const INVOICE_CODES = new Set(['380', '384', '389', '386', '393', '82', '80', '84', '102', '218', '219', '326', '331', '382', '383', '385', '387', '388', '390', '394', '395', '456', '457', '527', '575', '623', '633', '751', '780', '935']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
});

type Node = Record<string, unknown>;

const list = (x: unknown): Node[] => (x === undefined || x === null ? [] : Array.isArray(x) ? (x as Node[]) : [x as Node]);
const one = (x: unknown): Node | undefined => list(x)[0];

/** The text of an element, with or without attributes. */
function text(x: unknown): string | null {
  const v = Array.isArray(x) ? x[0] : x;
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const inner = (v as Node)['#text'];
  return inner === undefined ? null : String(inner).trim() || null;
}

const attr = (x: unknown, name: string): string | null => {
  const v = Array.isArray(x) ? x[0] : x;
  return v && typeof v === 'object' ? ((v as Node)[`@_${name}`] as string | undefined) ?? null : null;
};

const path = (x: unknown, ...keys: string[]): unknown => {
  let cur: unknown = x;
  for (const k of keys) {
    const n = one(cur);
    if (!n) return undefined;
    cur = n[k];
  }
  return cur;
};

/**
 * An amount of the XML (a decimal with a dot, maybe signed) in cents, rounded half away from
 * zero past the second decimal; null when it is not a decimal number.
 */
export function decimalToCents(value: string | null): number | null {
  if (value === null) return null;
  const m = /^([+-])?(\d{1,13})(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return null;
  const frac = (m[3] ?? '').padEnd(3, '0');
  let cents = Number(m[2]) * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) cents += 1;
  return m[1] === '-' ? -cents : cents;
}

/** A VAT percentage ("20", "5.5", "12.50") in basis points. */
function percentToBp(value: string | null): number | null {
  if (value === null) return null;
  const m = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(value.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(4, '0').slice(0, 2));
}

/** CII dates are "YYYYMMDD" (format 102); UBL dates "YYYY-MM-DD". */
function isoDate(value: string | null): string | null {
  if (value === null) return null;
  const v = value.trim();
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(v);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const problem = (rule: string, fr: string, en: string): ReadResult => ({ ok: false, problem: { rule, fr, en } });

class Broken extends Error {
  constructor(readonly problem: EInvoiceProblem) {
    super(`${problem.rule}: ${problem.en}`);
  }
}
const broken = (rule: string, fr: string, en: string) => new Broken({ rule, fr, en });

function amount(value: unknown, rule: string, what: { fr: string; en: string }, required: boolean): number {
  const raw = text(value);
  if (raw === null) {
    if (required) throw broken(rule, `Montant obligatoire absent : ${what.fr}.`, `Mandatory amount missing: ${what.en}.`);
    return 0;
  }
  const cents = decimalToCents(raw);
  if (cents === null) throw broken(rule, `Montant illisible (${raw}) : ${what.fr}.`, `Unreadable amount (${raw}): ${what.en}.`);
  return cents;
}

function required(value: string | null, rule: string, fr: string, en: string): string {
  if (value === null) throw broken(rule, `Champ obligatoire absent : ${fr}.`, `Mandatory field missing: ${en}.`);
  return value;
}

function sirenOf(id: string | null, scheme: string | null): string | null {
  if (!id) return null;
  const digits = id.replace(/\s/g, '');
  if (scheme === '0002' && /^\d{9}$/.test(digits)) return digits;
  if (scheme === '0009' && /^\d{14}$/.test(digits)) return digits.slice(0, 9);
  return null;
}

const euros = (cents: number) => (cents / 100).toFixed(2);

// ---------------------------------------------------------------- CII (UN/CEFACT D16B)

function ciiParty(p: unknown, nameRule: string, who: { fr: string; en: string }): ReadParty {
  const name = required(text(path(p, 'Name')), nameRule, `nom du ${who.fr}`, `${who.en} name`);
  let siren: string | null = null;
  for (const legal of list(path(p, 'SpecifiedLegalOrganization'))) siren ??= sirenOf(text(legal.ID), attr(legal.ID, 'schemeID'));
  for (const id of list(path(p, 'GlobalID'))) siren ??= sirenOf(text(id), attr(id, 'schemeID'));
  let vatNumber: string | null = null;
  for (const reg of list(path(p, 'SpecifiedTaxRegistration'))) if (attr(reg.ID, 'schemeID') === 'VA') vatNumber = text(reg.ID);
  const addr = one(path(p, 'PostalTradeAddress'));
  const address = addr ? [text(addr.LineOne), text(addr.LineTwo), [text(addr.PostcodeCode), text(addr.CityName)].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null : null;
  return { name, siren, vatNumber: vatNumber?.replace(/\s/g, '').toUpperCase() ?? null, countryCode: addr ? text(addr.CountryID) : null, address };
}

function readCii(root: Node): ReadEInvoice {
  required(text(path(root, 'ExchangedDocumentContext', 'GuidelineSpecifiedDocumentContextParameter', 'ID')), 'BR-01', 'identifiant de spécification (BT-24)', 'specification identifier (BT-24)');
  const doc = one(root.ExchangedDocument);
  const number = required(text(path(doc, 'ID')), 'BR-02', 'numéro de facture (BT-1)', 'invoice number (BT-1)');
  const issueRaw = required(text(path(doc, 'IssueDateTime', 'DateTimeString')), 'BR-03', "date d'émission (BT-2)", 'issue date (BT-2)');
  const issueDate = isoDate(issueRaw);
  if (!issueDate) throw broken('BR-03', `Date d'émission illisible : ${issueRaw}.`, `Unreadable issue date: ${issueRaw}.`);
  const typeCode = required(text(path(doc, 'TypeCode')), 'BR-04', 'code de type de facture (BT-3)', 'invoice type code (BT-3)');
  const tx = one(root.SupplyChainTradeTransaction);
  const agreement = one(path(tx, 'ApplicableHeaderTradeAgreement'));
  const settlement = one(path(tx, 'ApplicableHeaderTradeSettlement'));
  const currency = required(text(path(settlement, 'InvoiceCurrencyCode')), 'BR-05', 'devise de la facture (BT-5)', 'invoice currency code (BT-5)');
  const seller = ciiParty(path(agreement, 'SellerTradeParty'), 'BR-06', { fr: 'vendeur (BT-27)', en: 'seller (BT-27)' });
  const buyer = ciiParty(path(agreement, 'BuyerTradeParty'), 'BR-07', { fr: 'acheteur (BT-44)', en: 'buyer (BT-44)' });
  if (!one(path(agreement, 'SellerTradeParty', 'PostalTradeAddress'))) throw broken('BR-08', 'Adresse du vendeur absente (BG-5).', 'Seller postal address missing (BG-5).');
  if (!one(path(agreement, 'BuyerTradeParty', 'PostalTradeAddress'))) throw broken('BR-10', "Adresse de l'acheteur absente (BG-8).", 'Buyer postal address missing (BG-8).');

  const lines: ReadLine[] = list(path(tx, 'IncludedSupplyChainTradeLineItem')).map((item, i) => {
    const tax = one(path(item, 'SpecifiedLineTradeSettlement', 'ApplicableTradeTax'));
    return {
      id: text(path(item, 'AssociatedDocumentLineDocument', 'LineID')) ?? String(i + 1),
      label: text(path(item, 'SpecifiedTradeProduct', 'Name')) ?? '',
      netCents: amount(path(item, 'SpecifiedLineTradeSettlement', 'SpecifiedTradeSettlementLineMonetarySummation', 'LineTotalAmount'), 'BR-24', { fr: `montant net de la ligne ${i + 1} (BT-131)`, en: `net amount of line ${i + 1} (BT-131)` }, true),
      vatCategory: text(tax?.CategoryCode) ?? '',
      vatRateBp: percentToBp(text(tax?.RateApplicablePercent)),
    };
  });
  const vat: ReadVatBreakdown[] = list(path(settlement, 'ApplicableTradeTax')).map((t) => ({
    category: text(t.CategoryCode) ?? '',
    rateBp: percentToBp(text(t.RateApplicablePercent)),
    baseCents: amount(t.BasisAmount, 'BR-45', { fr: 'base de TVA (BT-116)', en: 'VAT category taxable amount (BT-116)' }, true),
    vatCents: amount(t.CalculatedAmount, 'BR-46', { fr: 'montant de TVA (BT-117)', en: 'VAT category tax amount (BT-117)' }, true),
  }));
  const sums = one(path(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation'));
  // BT-110 is the tax total in the invoice currency; a second one (BT-111) may be in the tax currency.
  const taxTotals = list(sums?.TaxTotalAmount);
  const taxTotal = taxTotals.find((t) => (attr(t, 'currencyID') ?? currency) === currency) ?? (taxTotals.length ? undefined : null);
  const totals: ReadTotals = {
    lineTotalCents: amount(sums?.LineTotalAmount, 'BR-12', { fr: 'somme des montants nets des lignes (BT-106)', en: 'sum of invoice line net amounts (BT-106)' }, true),
    allowancesCents: amount(sums?.AllowanceTotalAmount, 'BR-CO-11', { fr: 'remises (BT-107)', en: 'allowances (BT-107)' }, false),
    chargesCents: amount(sums?.ChargeTotalAmount, 'BR-CO-12', { fr: 'frais (BT-108)', en: 'charges (BT-108)' }, false),
    netCents: amount(sums?.TaxBasisTotalAmount, 'BR-13', { fr: 'total HT (BT-109)', en: 'total without VAT (BT-109)' }, true),
    vatCents: taxTotal ? amount(taxTotal, 'BR-CO-14', { fr: 'total TVA (BT-110)', en: 'VAT total (BT-110)' }, false) : 0,
    grossCents: amount(sums?.GrandTotalAmount, 'BR-14', { fr: 'total TTC (BT-112)', en: 'total with VAT (BT-112)' }, true),
    prepaidCents: amount(sums?.TotalPrepaidAmount, 'BR-CO-16', { fr: 'montant payé (BT-113)', en: 'paid amount (BT-113)' }, false),
    roundingCents: amount(sums?.RoundingAmount, 'BR-CO-16', { fr: 'arrondi (BT-114)', en: 'rounding amount (BT-114)' }, false),
    dueCents: amount(sums?.DuePayableAmount, 'BR-15', { fr: 'montant à payer (BT-115)', en: 'amount due for payment (BT-115)' }, true),
  };
  let payeeIban: string | null = null;
  let payeeBic: string | null = null;
  for (const means of list(path(settlement, 'SpecifiedTradeSettlementPaymentMeans'))) {
    payeeIban ??= text(path(means, 'PayeePartyCreditorFinancialAccount', 'IBANID'));
    payeeBic ??= text(path(means, 'PayeeSpecifiedCreditorFinancialInstitution', 'BICID'));
  }
  let dueDate: string | null = null;
  for (const terms of list(path(settlement, 'SpecifiedTradePaymentTerms'))) dueDate ??= isoDate(text(path(terms, 'DueDateDateTime', 'DateTimeString')));
  return { syntax: 'cii', typeCode, kind: CREDIT_NOTE_CODES.has(typeCode) ? 'credit_note' : 'invoice', number, issueDate, dueDate, currency, seller, buyer, lines, vat, totals, payeeIban: payeeIban?.replace(/\s/g, '') ?? null, payeeBic };
}

// ---------------------------------------------------------------- UBL 2.1

function ublParty(p: unknown, nameRule: string, who: { fr: string; en: string }): ReadParty {
  const party = one(path(p, 'Party'));
  const legal = one(party?.PartyLegalEntity);
  const name = required(text(legal?.RegistrationName), nameRule, `nom du ${who.fr}`, `${who.en} name`);
  let siren = sirenOf(text(legal?.CompanyID), attr(legal?.CompanyID, 'schemeID'));
  for (const id of list(party?.PartyIdentification)) siren ??= sirenOf(text(id.ID), attr(id.ID, 'schemeID'));
  let vatNumber: string | null = null;
  for (const scheme of list(party?.PartyTaxScheme)) if (text(path(scheme, 'TaxScheme', 'ID')) === 'VAT') vatNumber = text(scheme.CompanyID);
  const addr = one(party?.PostalAddress);
  const address = addr ? [text(addr.StreetName), text(addr.AdditionalStreetName), [text(addr.PostalZone), text(addr.CityName)].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null : null;
  return { name, siren, vatNumber: vatNumber?.replace(/\s/g, '').toUpperCase() ?? null, countryCode: text(path(addr, 'Country', 'IdentificationCode')), address };
}

function readUbl(root: Node, credit: boolean): ReadEInvoice {
  required(text(root.CustomizationID), 'BR-01', 'identifiant de spécification (BT-24)', 'specification identifier (BT-24)');
  const number = required(text(root.ID), 'BR-02', 'numéro de facture (BT-1)', 'invoice number (BT-1)');
  const issueRaw = required(text(root.IssueDate), 'BR-03', "date d'émission (BT-2)", 'issue date (BT-2)');
  const issueDate = isoDate(issueRaw);
  if (!issueDate) throw broken('BR-03', `Date d'émission illisible : ${issueRaw}.`, `Unreadable issue date: ${issueRaw}.`);
  const typeCode = required(text(credit ? root.CreditNoteTypeCode : root.InvoiceTypeCode), 'BR-04', 'code de type de facture (BT-3)', 'invoice type code (BT-3)');
  const currency = required(text(root.DocumentCurrencyCode), 'BR-05', 'devise de la facture (BT-5)', 'invoice currency code (BT-5)');
  const seller = ublParty(root.AccountingSupplierParty, 'BR-06', { fr: 'vendeur (BT-27)', en: 'seller (BT-27)' });
  const buyer = ublParty(root.AccountingCustomerParty, 'BR-07', { fr: 'acheteur (BT-44)', en: 'buyer (BT-44)' });
  if (!one(path(root.AccountingSupplierParty, 'Party', 'PostalAddress'))) throw broken('BR-08', 'Adresse du vendeur absente (BG-5).', 'Seller postal address missing (BG-5).');
  if (!one(path(root.AccountingCustomerParty, 'Party', 'PostalAddress'))) throw broken('BR-10', "Adresse de l'acheteur absente (BG-8).", 'Buyer postal address missing (BG-8).');
  const lines: ReadLine[] = list(credit ? root.CreditNoteLine : root.InvoiceLine).map((line, i) => {
    const tax = one(path(line, 'Item', 'ClassifiedTaxCategory'));
    return {
      id: text(line.ID) ?? String(i + 1),
      label: text(path(line, 'Item', 'Name')) ?? '',
      netCents: amount(line.LineExtensionAmount, 'BR-24', { fr: `montant net de la ligne ${i + 1} (BT-131)`, en: `net amount of line ${i + 1} (BT-131)` }, true),
      vatCategory: text(tax?.ID) ?? '',
      vatRateBp: percentToBp(text(tax?.Percent)),
    };
  });
  const taxTotals = list(root.TaxTotal);
  const inCurrency = taxTotals.find((t) => (attr(t.TaxAmount, 'currencyID') ?? currency) === currency);
  const vat: ReadVatBreakdown[] = list(inCurrency?.TaxSubtotal).map((s) => ({
    category: text(path(s, 'TaxCategory', 'ID')) ?? '',
    rateBp: percentToBp(text(path(s, 'TaxCategory', 'Percent'))),
    baseCents: amount(s.TaxableAmount, 'BR-45', { fr: 'base de TVA (BT-116)', en: 'VAT category taxable amount (BT-116)' }, true),
    vatCents: amount(s.TaxAmount, 'BR-46', { fr: 'montant de TVA (BT-117)', en: 'VAT category tax amount (BT-117)' }, true),
  }));
  const sums = one(root.LegalMonetaryTotal);
  const totals: ReadTotals = {
    lineTotalCents: amount(sums?.LineExtensionAmount, 'BR-12', { fr: 'somme des montants nets des lignes (BT-106)', en: 'sum of invoice line net amounts (BT-106)' }, true),
    allowancesCents: amount(sums?.AllowanceTotalAmount, 'BR-CO-11', { fr: 'remises (BT-107)', en: 'allowances (BT-107)' }, false),
    chargesCents: amount(sums?.ChargeTotalAmount, 'BR-CO-12', { fr: 'frais (BT-108)', en: 'charges (BT-108)' }, false),
    netCents: amount(sums?.TaxExclusiveAmount, 'BR-13', { fr: 'total HT (BT-109)', en: 'total without VAT (BT-109)' }, true),
    vatCents: inCurrency ? amount(inCurrency.TaxAmount, 'BR-CO-14', { fr: 'total TVA (BT-110)', en: 'VAT total (BT-110)' }, false) : 0,
    grossCents: amount(sums?.TaxInclusiveAmount, 'BR-14', { fr: 'total TTC (BT-112)', en: 'total with VAT (BT-112)' }, true),
    prepaidCents: amount(sums?.PrepaidAmount, 'BR-CO-16', { fr: 'montant payé (BT-113)', en: 'paid amount (BT-113)' }, false),
    roundingCents: amount(sums?.PayableRoundingAmount, 'BR-CO-16', { fr: 'arrondi (BT-114)', en: 'rounding amount (BT-114)' }, false),
    dueCents: amount(sums?.PayableAmount, 'BR-15', { fr: 'montant à payer (BT-115)', en: 'amount due for payment (BT-115)' }, true),
  };
  let payeeIban: string | null = null;
  let payeeBic: string | null = null;
  let dueDate = isoDate(text(root.DueDate));
  for (const means of list(root.PaymentMeans)) {
    payeeIban ??= text(path(means, 'PayeeFinancialAccount', 'ID'));
    payeeBic ??= text(path(means, 'PayeeFinancialAccount', 'FinancialInstitutionBranch', 'ID'));
    dueDate ??= isoDate(text(means.PaymentDueDate));
  }
  return { syntax: 'ubl', typeCode, kind: credit || CREDIT_NOTE_CODES.has(typeCode) ? 'credit_note' : 'invoice', number, issueDate, dueDate, currency, seller, buyer, lines, vat, totals, payeeIban: payeeIban?.replace(/\s/g, '') ?? null, payeeBic };
}

// ---------------------------------------------------------------- checks

/**
 * The EN 16931 rules on the totals a buyer must not book around: the sums hold (BR-CO-10, 13,
 * 14, 15, 16) and each standard-rated VAT amount is its base times its rate (BR-S-09, within
 * the cent of rounding a seller may apply per rate).
 */
export function totalsProblem(inv: ReadEInvoice): EInvoiceProblem | null {
  const t = inv.totals;
  if (!INVOICE_CODES.has(inv.typeCode) && !CREDIT_NOTE_CODES.has(inv.typeCode)) {
    return { rule: 'BR-CL-01', fr: `Code de type de facture inconnu : ${inv.typeCode}.`, en: `Unknown invoice type code: ${inv.typeCode}.` };
  }
  if (inv.lines.length === 0) return { rule: 'BR-16', fr: 'La facture doit avoir au moins une ligne.', en: 'An invoice shall have at least one line.' };
  const lineSum = inv.lines.reduce((s, l) => s + l.netCents, 0);
  if (lineSum !== t.lineTotalCents) {
    return { rule: 'BR-CO-10', fr: `Somme des lignes (${euros(lineSum)}) ≠ total des lignes BT-106 (${euros(t.lineTotalCents)}).`, en: `Sum of lines (${euros(lineSum)}) ≠ line total BT-106 (${euros(t.lineTotalCents)}).` };
  }
  const net = t.lineTotalCents - t.allowancesCents + t.chargesCents;
  if (net !== t.netCents) {
    return { rule: 'BR-CO-13', fr: `Total HT (${euros(t.netCents)}) ≠ lignes − remises + frais (${euros(net)}).`, en: `Total without VAT (${euros(t.netCents)}) ≠ lines − allowances + charges (${euros(net)}).` };
  }
  const vatSum = inv.vat.reduce((s, v) => s + v.vatCents, 0);
  if (vatSum !== t.vatCents) {
    return { rule: 'BR-CO-14', fr: `Total TVA (${euros(t.vatCents)}) ≠ somme de la TVA par taux (${euros(vatSum)}).`, en: `VAT total (${euros(t.vatCents)}) ≠ sum of VAT per rate (${euros(vatSum)}).` };
  }
  if (t.grossCents !== t.netCents + t.vatCents) {
    return { rule: 'BR-CO-15', fr: `Total TTC (${euros(t.grossCents)}) ≠ HT + TVA (${euros(t.netCents + t.vatCents)}).`, en: `Total with VAT (${euros(t.grossCents)}) ≠ net + VAT (${euros(t.netCents + t.vatCents)}).` };
  }
  const due = t.grossCents - t.prepaidCents + t.roundingCents;
  if (due !== t.dueCents) {
    return { rule: 'BR-CO-16', fr: `Montant à payer (${euros(t.dueCents)}) ≠ TTC − acomptes + arrondi (${euros(due)}).`, en: `Amount due (${euros(t.dueCents)}) ≠ gross − paid + rounding (${euros(due)}).` };
  }
  for (const v of inv.vat) {
    if (v.category !== 'S' || v.rateBp === null) continue;
    const expected = Math.round((v.baseCents * v.rateBp) / 10000);
    if (Math.abs(expected - v.vatCents) > 1) {
      return { rule: 'BR-S-09', fr: `TVA à ${v.rateBp / 100} % : ${euros(v.vatCents)} ≠ base ${euros(v.baseCents)} × taux (${euros(expected)}).`, en: `VAT at ${v.rateBp / 100} %: ${euros(v.vatCents)} ≠ base ${euros(v.baseCents)} × rate (${euros(expected)}).` };
    }
  }
  return null;
}

const NAMESPACES = {
  cii: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
};

/** The namespace of the root element, read from its start tag (the parser drops prefixes and their declarations). */
function rootNamespace(xml: string): string | null {
  const start = /<(?![?!])([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*\b[^>]*>/.exec(xml);
  if (!start) return null;
  const prefix = start[1] ? `:${start[1].slice(0, -1)}` : '';
  const decl = new RegExp(`xmlns${prefix}\\s*=\\s*["']([^"']*)["']`).exec(start[0]);
  return decl?.[1] ?? null;
}

/**
 * Reads an EN 16931 invoice in either syntax and checks what a buyer relies on: the XML is
 * well formed, it is an invoice, the mandatory fields are there (a subset of BR-01…BR-16) and
 * the totals add up. It does not judge whether the invoice is for this buyer (see
 * `acceptanceProblem`): an invoice can be read and still not be ours to book.
 */
export function readEInvoice(xml: string): ReadResult {
  const trimmed = xml.replace(/^\uFEFF/, '').trim();
  if (!trimmed.startsWith('<')) return problem('XML', "Ce fichier n'est pas du XML.", 'This file is not XML.');
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) return problem('XML', `XML mal formé (ligne ${valid.err.line}) : ${valid.err.msg}`, `Malformed XML (line ${valid.err.line}): ${valid.err.msg}`);
  let doc: Node;
  try {
    doc = parser.parse(trimmed) as Node;
  } catch (err) {
    return problem('XML', `XML illisible : ${(err as Error).message}`, `Unreadable XML: ${(err as Error).message}`);
  }
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  const root = rootName ? one(doc[rootName]) : undefined;
  const ns = rootNamespace(trimmed);
  try {
    let invoice: ReadEInvoice;
    if (rootName === 'CrossIndustryInvoice' && root && ns === NAMESPACES.cii) invoice = readCii(root);
    else if (rootName === 'Invoice' && root && ns === NAMESPACES.invoice) invoice = readUbl(root, false);
    else if (rootName === 'CreditNote' && root && ns === NAMESPACES.creditNote) invoice = readUbl(root, true);
    else return problem('NOT_AN_INVOICE', `Ce XML n'est pas une facture CII ou UBL (élément racine ${rootName ?? '?'}).`, `This XML is not a CII or UBL invoice (root element ${rootName ?? '?'}).`);
    const totals = totalsProblem(invoice);
    return totals ? { ok: false, problem: totals } : { ok: true, invoice };
  } catch (err) {
    if (err instanceof Broken) return { ok: false, problem: err.problem };
    throw err;
  }
}

/** The coop as a buyer: who an invoice must be addressed to. */
export interface BuyerIdentity {
  siren: string | null;
  vatNumber: string | null;
}

/**
 * Whether a read invoice may be booked by this coop: in euros (the ledger keeps euros; an
 * invoice in another currency needs a rate the platform does not hold), and addressed to the
 * coop (its SIREN or VAT number, when the invoice gives one, is the coop's). Refused, not
 * overridden: an invoice addressed to another company is that company's to book.
 */
export function acceptanceProblem(inv: ReadEInvoice, coop: BuyerIdentity): EInvoiceProblem | null {
  if (inv.currency !== 'EUR') {
    return { rule: 'CURRENCY', fr: `Facture en ${inv.currency} : seules les factures en euros peuvent être comptabilisées.`, en: `Invoice in ${inv.currency}: only invoices in euros can be booked.` };
  }
  const sirenDiffers = inv.buyer.siren !== null && coop.siren !== null && inv.buyer.siren !== coop.siren;
  const vatDiffers = inv.buyer.vatNumber !== null && coop.vatNumber !== null && inv.buyer.vatNumber !== coop.vatNumber.replace(/\s/g, '').toUpperCase();
  if (sirenDiffers || vatDiffers) {
    const which = sirenDiffers ? `SIREN ${inv.buyer.siren}` : `TVA ${inv.buyer.vatNumber}`;
    const whichEn = sirenDiffers ? `SIREN ${inv.buyer.siren}` : `VAT ${inv.buyer.vatNumber}`;
    return { rule: 'BUYER', fr: `Facture adressée à un autre acheteur (${inv.buyer.name}, ${which}) : ce n'est pas la coopérative.`, en: `Invoice addressed to another buyer (${inv.buyer.name}, ${whichEn}): not the cooperative.` };
  }
  if (inv.buyer.siren === null && inv.buyer.vatNumber === null && (coop.siren !== null || coop.vatNumber !== null)) {
    return { rule: 'BUYER', fr: "La facture n'identifie pas l'acheteur (ni SIREN ni numéro de TVA) : impossible de vérifier qu'elle est adressée à la coopérative.", en: 'The invoice does not identify the buyer (no SIREN nor VAT number): it cannot be checked to be addressed to the cooperative.' };
  }
  return null;
}
