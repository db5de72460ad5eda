import type { LocalizedText } from '../../../platform/errors.js';
import { nameSimilarity, NAME_SIMILARITY_THRESHOLD } from './match-lines.js';

/**
 * Which payments already recorded by hand a bank credit line may be, most likely first. A
 * cheque typed when it arrived and then credited by the bank is one payment, not two: before
 * offering to book a new payment, reconciliation proposes these, and staff confirm one.
 *
 * Only the exact amount makes a candidate (the bank credits a cheque or a slip to the cent;
 * another amount is another payment). Among those, evidence adds up as independent clues:
 * the cheque number or reference of the payment written in the line, the client's name as
 * the payer, the mode the bank's label names (REMISE CHEQUE, VIR…), and the dates: a bank
 * shows a cheque a few days after it was received, rarely before.
 *
 * A pure rule: the caller reads the unreconciled payments and slips and the line.
 */
export interface LineToConfirm {
  amountCents: number;
  /** 'YYYY-MM-DD': the bank's booking date. */
  bookingDate: string;
  label: string;
  reference: string;
  counterpartyName: string | null;
}

export type RecordedReceipt =
  | { kind: 'payment'; id: string; amountCents: number; date: string; mode: string; reference: string | null; clientName: string }
  | { kind: 'remittance'; id: string; amountCents: number; date: string; number: number; chequeReferences: readonly string[]; clientNames: readonly string[] };

export type ProposalReasonCode = 'EXACT_AMOUNT' | 'REFERENCE' | 'CLIENT_NAME' | 'MODE' | 'DATE_CLOSE' | 'DATE_BEFORE';

export interface RankedReceipt<R extends RecordedReceipt = RecordedReceipt> {
  receipt: R;
  confidence: number;
  reasons: { code: ProposalReasonCode; text: LocalizedText }[];
}

const WEIGHT = { exactAmount: 0.4, reference: 0.7, clientName: 0.35, mode: 0.2, dateClose: 0.3, dateNear: 0.15 } as const;
/** A bank credits a cheque within days; after two months it is likely another payment of the same amount. */
const DAYS = { close: 10, near: 45, early: 3 } as const;

export function rankRecordedReceipts<R extends RecordedReceipt>(line: LineToConfirm, receipts: readonly R[]): RankedReceipt<R>[] {
  if (line.amountCents <= 0) return [];
  const text = normalised(`${line.label} ${line.reference}`);
  const tokens = new Set(text.split(' '));
  const ranked = receipts
    .filter((r) => r.amountCents === line.amountCents)
    .map((receipt) => {
      const reasons: RankedReceipt<R>['reasons'] = [{ code: 'EXACT_AMOUNT', text: { fr: 'Même montant, au centime.', en: 'Same amount, to the cent.' } }];
      const weights: number[] = [WEIGHT.exactAmount];
      const found = referencesOf(receipt).find((ref) => numberIn(ref, tokens));
      if (found) {
        weights.push(WEIGHT.reference);
        reasons.push({ code: 'REFERENCE', text: { fr: `Le n° ${found} figure dans le libellé.`, en: `Number ${found} is in the label.` } });
      }
      const similarity = Math.max(0, ...clientNamesOf(receipt).map((name) => payerSimilarity(line, tokens, name)));
      if (similarity >= NAME_SIMILARITY_THRESHOLD) {
        weights.push(WEIGHT.clientName * similarity);
        reasons.push({ code: 'CLIENT_NAME', text: { fr: 'Le payeur ressemble au client.', en: 'The payer looks like the client.' } });
      }
      if (modeNamed(receipt, tokens)) {
        weights.push(WEIGHT.mode);
        reasons.push({ code: 'MODE', text: { fr: 'Le libellé de la banque nomme ce mode de paiement.', en: 'The bank’s label names this payment mode.' } });
      }
      const days = daysBetween(receipt.date, line.bookingDate);
      let factor = 1;
      if (days >= -DAYS.early && days <= DAYS.close) {
        weights.push(WEIGHT.dateClose);
        reasons.push({ code: 'DATE_CLOSE', text: { fr: `Crédité ${Math.max(0, days)} j après l’enregistrement.`, en: `Credited ${Math.max(0, days)} days after it was recorded.` } });
      } else if (days > DAYS.close && days <= DAYS.near) {
        weights.push(WEIGHT.dateNear);
      } else if (days < -DAYS.early) {
        // Recorded well after the bank credited it: possible (typed late), but less likely the same money.
        factor = 0.6;
        reasons.push({ code: 'DATE_BEFORE', text: { fr: 'La banque l’a crédité avant la date du paiement enregistré.', en: 'The bank credited it before the date of the recorded payment.' } });
      }
      return { receipt, confidence: round(combine(weights) * factor), reasons, days: Math.abs(days) };
    });
  ranked.sort((a, b) => b.confidence - a.confidence || a.days - b.days || a.receipt.id.localeCompare(b.receipt.id));
  return ranked.map(({ receipt, confidence, reasons }) => ({ receipt, confidence, reasons }));
}

const combine = (weights: number[]) => 1 - weights.reduce((rest, w) => rest * (1 - w), 1);
const round = (n: number) => Math.round(n * 1000) / 1000;

const normalised = (raw: string) =>
  raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();

function referencesOf(receipt: RecordedReceipt): string[] {
  const refs = receipt.kind === 'payment' ? (receipt.reference ? [receipt.reference] : []) : [...receipt.chequeReferences, String(receipt.number)];
  return refs.flatMap((ref) => normalised(ref).split(' ').filter((token) => /\d/.test(token) && token.replace(/\D/g, '').length >= (receipt.kind === 'remittance' && ref === String(receipt.number) ? 1 : 4)));
}

/** A cheque number is found as a whole token, its leading zeros optional ("0098765" = "98765"). */
function numberIn(ref: string, tokens: Set<string>): boolean {
  if (tokens.has(ref)) return true;
  if (!/^\d+$/.test(ref)) return false;
  const bare = ref.replace(/^0+/, '');
  return [...tokens].some((t) => /^\d+$/.test(t) && t.replace(/^0+/, '') === bare && bare.length > 0);
}

const clientNamesOf = (receipt: RecordedReceipt): readonly string[] => (receipt.kind === 'payment' ? [receipt.clientName] : receipt.clientNames);

function payerSimilarity(line: LineToConfirm, tokens: Set<string>, clientName: string): number {
  const byName = line.counterpartyName ? nameSimilarity(line.counterpartyName, clientName) : 0;
  const words = normalised(clientName).split(' ').filter((w) => w.length > 1);
  const inText = words.length ? words.filter((w) => tokens.has(w)).length / words.length : 0;
  return Math.max(byName, inText);
}

const MODE_WORDS: Record<string, readonly string[]> = {
  cheque: ['CHEQUE', 'CHEQUES', 'CHQ', 'REMISE'],
  cash: ['ESPECES', 'VERSEMENT', 'ESP'],
  transfer: ['VIR', 'VIREMENT', 'SEPA'],
  card: ['CB', 'CARTE', 'TPE'],
  direct_debit: ['PRLV', 'PRELEVEMENT'],
};

function modeNamed(receipt: RecordedReceipt, tokens: Set<string>): boolean {
  const mode = receipt.kind === 'remittance' ? 'cheque' : receipt.mode;
  return (MODE_WORDS[mode] ?? []).some((w) => tokens.has(w));
}

/** Days from `from` to `to` ('YYYY-MM-DD'), negative when `to` is earlier. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
