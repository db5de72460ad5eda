import type { LocalizedText } from '../../../platform/errors.js';

/**
 * Proposes which open invoices a payment received on the bank account settles. It only
 * proposes: a payment booked against the wrong invoice moves another client's receivable
 * and another member's treasury, so a staff member always confirms (or picks another
 * candidate) before anything is booked. Nothing here marks a match as confirmed.
 *
 * Evidence, from strongest to weakest: the invoice number written in the remittance or the
 * label; the amount equal to what is still due (or to the sum of several invoices of one
 * client); the payer's name close to the client's. Each piece of evidence adds to the
 * confidence (0–1) and is given back as a reason a person can read.
 */
export interface OpenInvoice {
  id: string;
  number: string;
  /** When given, invoices are grouped by it rather than by name (two clients may share a name). */
  clientId?: string;
  clientName: string;
  amountDueCents: number;
  issueDate: string;
  dueDate: string;
}

/** What matching needs of a statement line, camt.053 or CSV alike. */
export interface LineToMatch {
  /** Signed: only credits (money in) can pay an invoice. */
  amountCents: number;
  remittance: string;
  label?: string;
  counterpartyName: string | null;
}

export type MatchReasonCode =
  | 'INVOICE_NUMBER'
  | 'EXACT_AMOUNT'
  | 'INVOICES_SUM'
  | 'CLIENT_NAME'
  | 'PARTIAL_PAYMENT'
  | 'OVERPAYMENT'
  | 'AMBIGUOUS';

export interface MatchReason {
  code: MatchReasonCode;
  text: LocalizedText;
}

export interface MatchCandidate {
  /** The invoices the payment would settle, oldest due first, with the part of the payment each receives. */
  invoices: { invoiceId: string; number: string; allocatedCents: number }[];
  /** Money received beyond what the invoices still owe (an overpayment to refund or keep as credit). */
  unallocatedCents: number;
  confidence: number;
  reasons: MatchReason[];
}

/** How far the search for several invoices paid at once goes (per statement line): a client rarely pays more than four at once. */
export const COMBINATION_LIMITS = { maxInvoices: 4, invoicesPerClient: 20, steps: 50_000, candidates: 5 } as const;

/** Weights of each piece of evidence, combined as independent clues: 1 − Π(1 − weight). */
const WEIGHT = { invoiceNumber: 0.8, someInvoiceNumbers: 0.5, exactAmount: 0.5, invoicesSum: 0.4, clientName: 0.35 } as const;
const OVERPAYMENT_FACTOR = 0.8;
/** Below this, two names are not the same client ("Martin" the baker is not "Martin" the plumber). */
export const NAME_SIMILARITY_THRESHOLD = 0.6;

/** Candidates for one statement line, most likely first; none for a debit or when nothing points anywhere. */
export function matchLine(line: LineToMatch, openInvoices: readonly OpenInvoice[]): MatchCandidate[] {
  if (line.amountCents <= 0) return [];
  const invoices = openInvoices.filter((invoice) => invoice.amountDueCents > 0);
  const text = searchableText(`${line.remittance} ${line.label ?? ''}`);
  const numberFound = new Map(invoices.map((invoice) => [invoice.id, invoiceNumberPattern(invoice.number).test(text)]));
  const nameSimilarity = new Map<string, number>();
  const similarityTo = (clientName: string) => {
    const key = clientKey(clientName);
    if (!nameSimilarity.has(key)) nameSimilarity.set(key, payerSimilarity(line, text, clientName));
    return nameSimilarity.get(key)!;
  };

  const candidates: (MatchCandidate & { order: string })[] = [];
  for (const invoice of invoices) {
    const byNumber = numberFound.get(invoice.id)!;
    const similarity = similarityTo(invoice.clientName);
    const byName = similarity >= NAME_SIMILARITY_THRESHOLD;
    const exact = line.amountCents === invoice.amountDueCents;
    const partial = line.amountCents < invoice.amountDueCents;
    if (!byNumber && !exact && !(byName && partial)) continue;

    const reasons: MatchReason[] = [];
    const weights: number[] = [];
    if (byNumber) {
      weights.push(WEIGHT.invoiceNumber);
      reasons.push(reason('INVOICE_NUMBER', `Le numéro ${invoice.number} figure dans le libellé du paiement.`, `Invoice number ${invoice.number} appears in the payment's text.`));
    }
    if (exact) {
      weights.push(WEIGHT.exactAmount);
      reasons.push(reason('EXACT_AMOUNT', `Montant égal au reste dû (${euros(invoice.amountDueCents, 'fr')}).`, `Amount equal to the balance due (${euros(invoice.amountDueCents, 'en')}).`));
    }
    if (byName) {
      weights.push(WEIGHT.clientName * similarity);
      reasons.push(nameReason(invoice.clientName, similarity));
    }
    if (partial) {
      const rest = invoice.amountDueCents - line.amountCents;
      reasons.push(reason(
        'PARTIAL_PAYMENT',
        `Paiement partiel : ${euros(line.amountCents, 'fr')} sur ${euros(invoice.amountDueCents, 'fr')} dus, il resterait ${euros(rest, 'fr')}.`,
        `Partial payment: ${euros(line.amountCents, 'en')} of ${euros(invoice.amountDueCents, 'en')} due, ${euros(rest, 'en')} would remain.`,
      ));
    }
    const over = line.amountCents - invoice.amountDueCents;
    if (over > 0) {
      reasons.push(reason('OVERPAYMENT', `Le paiement dépasse le reste dû de ${euros(over, 'fr')}.`, `The payment exceeds the balance due by ${euros(over, 'en')}.`));
    }
    candidates.push({
      invoices: [{ invoiceId: invoice.id, number: invoice.number, allocatedCents: Math.min(line.amountCents, invoice.amountDueCents) }],
      unallocatedCents: Math.max(0, over),
      confidence: combine(weights) * (over > 0 ? OVERPAYMENT_FACTOR : 1),
      reasons,
      order: orderKey([invoice]),
    });
  }

  candidates.push(...combinations(line, invoices, numberFound, similarityTo));

  candidates.sort((a, b) => b.confidence - a.confidence || a.invoices.length - b.invoices.length || a.order.localeCompare(b.order));
  markAmbiguity(candidates);
  return candidates.map(({ order: _order, ...candidate }) => ({ ...candidate, confidence: Math.round(candidate.confidence * 100) / 100 }));
}

/** Candidates for each line of a statement, in the order of the lines. */
export function matchLines<L extends LineToMatch>(lines: readonly L[], openInvoices: readonly OpenInvoice[]): { line: L; candidates: MatchCandidate[] }[] {
  return lines.map((line) => ({ line, candidates: matchLine(line, openInvoices) }));
}

/**
 * Several invoices of one client paid by one transfer: subsets of 2 to 4 of the client's
 * oldest open invoices whose balances add up exactly to the amount received. The search is
 * bounded (invoices per client, steps shared by all clients, candidates kept) so that a
 * ledger with thousands of small invoices cannot stall an import.
 */
function combinations(
  line: LineToMatch,
  invoices: readonly OpenInvoice[],
  numberFound: Map<string, boolean>,
  similarityTo: (clientName: string) => number,
): (MatchCandidate & { order: string })[] {
  const byClient = new Map<string, OpenInvoice[]>();
  for (const invoice of invoices) {
    const key = invoice.clientId ?? clientKey(invoice.clientName);
    const group = byClient.get(key);
    if (group) group.push(invoice);
    else byClient.set(key, [invoice]);
  }
  // The clients the payment already points to are searched first: the step budget is shared
  // by all clients, so a large ledger cannot crowd them out.
  const linked = (group: OpenInvoice[]) =>
    group.some((invoice) => numberFound.get(invoice.id)) || similarityTo(group[0]!.clientName) >= NAME_SIMILARITY_THRESHOLD;
  const groups = [...byClient.values()]
    .filter((group) => group.length >= 2 && group.reduce((sum, invoice) => sum + invoice.amountDueCents, 0) >= line.amountCents)
    .sort((a, b) => Number(linked(b)) - Number(linked(a)));
  const budget = { steps: COMBINATION_LIMITS.steps };
  const found: (MatchCandidate & { order: string })[] = [];
  for (const group of groups) {
    const pool = [...group]
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number))
      .slice(0, COMBINATION_LIMITS.invoicesPerClient);
    for (const subset of subsetsSummingTo(pool, line.amountCents, budget)) {
      const named = subset.filter((invoice) => numberFound.get(invoice.id));
      const similarity = similarityTo(subset[0]!.clientName);
      const numbers = subset.map((invoice) => invoice.number).join(', ');
      const weights: number[] = [WEIGHT.invoicesSum];
      const reasons: MatchReason[] = [
        reason(
          'INVOICES_SUM',
          `Les factures ${numbers} du même client totalisent le montant reçu (${euros(line.amountCents, 'fr')}).`,
          `Invoices ${numbers} of the same client add up to the amount received (${euros(line.amountCents, 'en')}).`,
        ),
      ];
      if (named.length) {
        weights.push(named.length === subset.length ? WEIGHT.invoiceNumber : WEIGHT.someInvoiceNumbers);
        const list = named.map((invoice) => invoice.number).join(', ');
        reasons.push(reason('INVOICE_NUMBER', `Numéro(s) ${list} dans le libellé du paiement.`, `Invoice number(s) ${list} in the payment's text.`));
      }
      if (similarity >= NAME_SIMILARITY_THRESHOLD) {
        weights.push(WEIGHT.clientName * similarity);
        reasons.push(nameReason(subset[0]!.clientName, similarity));
      }
      found.push({
        invoices: subset.map((invoice) => ({ invoiceId: invoice.id, number: invoice.number, allocatedCents: invoice.amountDueCents })),
        unallocatedCents: 0,
        confidence: combine(weights),
        reasons,
        order: orderKey(subset),
      });
    }
  }
  return found.sort((a, b) => b.confidence - a.confidence || a.order.localeCompare(b.order)).slice(0, COMBINATION_LIMITS.candidates);
}

function subsetsSummingTo(pool: OpenInvoice[], target: number, budget: { steps: number }): OpenInvoice[][] {
  const results: OpenInvoice[][] = [];
  const chosen: OpenInvoice[] = [];
  const walk = (start: number, remaining: number) => {
    if (remaining === 0 && chosen.length >= 2) {
      results.push([...chosen]);
      return;
    }
    if (chosen.length === COMBINATION_LIMITS.maxInvoices) return;
    for (let i = start; i < pool.length; i += 1) {
      if (--budget.steps < 0 || results.length >= COMBINATION_LIMITS.candidates) return;
      const due = pool[i]!.amountDueCents;
      if (due > remaining) continue;
      chosen.push(pool[i]!);
      walk(i + 1, remaining - due);
      chosen.pop();
    }
  };
  walk(0, target);
  return results;
}

/**
 * Candidates that nothing tells apart (two invoices of the same amount, with nothing else
 * to go on) share the likelihood: each is flagged and its confidence divided among them, so
 * that no screen shows one of them as a near-certain match.
 */
function markAmbiguity(candidates: MatchCandidate[]) {
  const top = candidates[0];
  if (!top) return;
  const tied = candidates.filter((c) => Math.abs(c.confidence - top.confidence) < 1e-9);
  if (tied.length < 2) return;
  for (const candidate of tied) {
    candidate.confidence /= tied.length;
    candidate.reasons.push(reason(
      'AMBIGUOUS',
      `${tied.length} propositions se valent : à départager par une personne.`,
      `${tied.length} candidates are equally likely: a person must choose.`,
    ));
  }
}

const combine = (weights: number[]) => 1 - weights.reduce((rest, w) => rest * (1 - w), 1);

const orderKey = (invoices: readonly OpenInvoice[]) =>
  invoices.map((invoice) => `${invoice.dueDate}|${invoice.number}`).sort().join('+');

const reason = (code: MatchReasonCode, fr: string, en: string): MatchReason => ({ code, text: { fr, en } });

function nameReason(clientName: string, similarity: number): MatchReason {
  const percent = Math.round(similarity * 100);
  return reason('CLIENT_NAME', `Le payeur ressemble au client « ${clientName} » (${percent} %).`, `The payer resembles the client "${clientName}" (${percent} %).`);
}

function euros(cents: number, locale: 'fr' | 'en'): string {
  const units = Math.floor(cents / 100).toString();
  const fraction = String(cents % 100).padStart(2, '0');
  if (locale === 'fr') return `${units.replace(/\B(?=(\d{3})+$)/g, '\u202f')},${fraction} €`;
  return `€${units.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}

const stripAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * Upper case without accents, with the payload of ISO 11649 creditor references
 * ("RF55F202600047" → "F202600047") added, since clients paying by RF reference carry the
 * invoice number inside it.
 */
function searchableText(raw: string): string {
  const text = stripAccents(raw).toUpperCase();
  const payloads = [...text.matchAll(/(?<![A-Z0-9])RF\d{2}([A-Z0-9]{1,21})(?![A-Z0-9])/g)].map((m) => m[1]);
  return [text, ...payloads].join(' ');
}

const SEPARATOR = '[\\s\\-_/.]?';
const patternCache = new Map<string, RegExp>();

/**
 * The invoice number as a whole word, written with or without its separators ("F2026-00042",
 * "F2026 00042", "F202600042", "F 2026-00042") but never inside a longer number
 * ("F2026-000421" does not pay "F2026-00042").
 */
function invoiceNumberPattern(number: string): RegExp {
  const cached = patternCache.get(number);
  if (cached) return cached;
  // A memo of compiled patterns, emptied when it grows: a long-running server sees every number.
  if (patternCache.size > 50_000) patternCache.clear();
  const chars = [...stripAccents(number).toUpperCase()].filter((c) => /[A-Z0-9]/.test(c) || /[\s\-_/.]/.test(c));
  let source = '';
  let previous: 'letter' | 'digit' | 'separator' | null = null;
  for (const c of chars) {
    const kind = /[A-Z]/.test(c) ? 'letter' : /\d/.test(c) ? 'digit' : 'separator';
    if (kind === 'separator') {
      if (previous !== 'separator' && previous !== null) source += SEPARATOR;
    } else {
      if (previous !== null && previous !== 'separator' && previous !== kind) source += SEPARATOR;
      source += c;
    }
    previous = kind;
  }
  const pattern = new RegExp(`(?<![A-Z0-9])${source}(?![A-Z0-9])`);
  patternCache.set(number, pattern);
  return pattern;
}

/** Words that say nothing about who a client is: legal forms, civilities, articles. */
const NOISE = new Set(
  'SARL SAS SASU SA EURL SCOP SCIC SCI SCM SNC EI EIRL EARL GAEC SELARL STE SOCIETE ETS ETABLISSEMENTS ASSOCIATION ASSO CIE M MR MM MME MMES MLLE MONSIEUR MADAME OU ET DE DU DES LA LE LES L D AU AUX EN'.split(' '),
);

function nameTokens(name: string): string[] {
  return stripAccents(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .split(' ')
    .filter((token) => token.length > 1 && !NOISE.has(token));
}

const clientKey = (name: string) => nameTokens(name).sort().join(' ') || name.trim().toUpperCase();

/** Same word, or one cut short by the bank's field length ("BOULANGERIE MART" for "Martin"). */
const sameWord = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)));

/** Dice similarity of two names over their meaningful words, accents, case and word order ignored. */
export function nameSimilarity(a: string, b: string): number {
  const left = [...new Set(nameTokens(a))];
  const right = [...new Set(nameTokens(b))];
  if (!left.length || !right.length) return 0;
  const common = left.filter((token) => right.some((other) => sameWord(token, other))).length;
  return (2 * common) / (left.length + right.length);
}

/**
 * How much the payer looks like the client: by the payer's name when the bank gives it,
 * else by the client's words found in the label (CSV exports put "VIR SEPA DE <payer>" there).
 */
function payerSimilarity(line: LineToMatch, text: string, clientName: string): number {
  const byName = line.counterpartyName ? nameSimilarity(line.counterpartyName, clientName) : 0;
  const words = new Set(text.replace(/[^A-Z0-9]+/g, ' ').split(' '));
  const client = [...new Set(nameTokens(clientName))];
  const inText = client.length ? client.filter((token) => words.has(token)).length / client.length : 0;
  return Math.max(byName, inText);
}
