import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { openInvoices, type OpenInvoiceRow } from '../invoicing/index.js';
import { unreconciledReceipts, type UnreconciledReceipt } from '../payments/index.js';
import type { LineSuggestion, RecordedProposal, StatementDetail, StatementLine, StatementListQuery, StatementSummary } from './contract.js';
import { matchBankRule } from './domain/match-bank-rule.js';
import { matchLine } from './domain/match-lines.js';
import { rankRecordedReceipts } from './domain/rank-recorded-receipts.js';
import { bankingErrors } from './errors.js';
import { bankRules, bankStatementLines, bankStatements, type BankRuleRow, type BankStatementLineRow, type StatementLineStatus } from './schema.js';

/** How many suggestions a line shows: beyond three, a person searches the invoices instead. */
const SUGGESTIONS_PER_LINE = 3;

/** Statements with their line counts and totals, in the order of `ids`. */
export async function summariesOf(db: Executor, coopId: string, ids: string[]): Promise<StatementSummary[]> {
  if (ids.length === 0) return [];
  const l = bankStatementLines;
  const rows = await db
    .select({
      id: bankStatements.id,
      format: bankStatements.format,
      bankAccountId: bankStatements.bankAccountId,
      accountIban: bankStatements.accountIban,
      currency: bankStatements.currency,
      openingBalanceCents: bankStatements.openingBalanceCents,
      closingBalanceCents: bankStatements.closingBalanceCents,
      statementRef: bankStatements.statementRef,
      importedAt: bankStatements.importedAt,
      fileSha256: bankStatements.fileSha256,
      firstDate: sql<string | null>`min(${l.bookingDate})`,
      lastDate: sql<string | null>`max(${l.bookingDate})`,
      lineCount: sql<number>`count(${l.id})`.mapWith(Number),
      creditCents: sql<number>`coalesce(sum(${l.amountCents}) filter (where ${l.amountCents} > 0), 0)`.mapWith(Number),
      debitCents: sql<number>`coalesce(-sum(${l.amountCents}) filter (where ${l.amountCents} < 0), 0)`.mapWith(Number),
      unmatchedCount: sql<number>`count(${l.id}) filter (where ${l.status} = 'unmatched')`.mapWith(Number),
      matchedCount: sql<number>`count(${l.id}) filter (where ${l.status} = 'matched')`.mapWith(Number),
      ignoredCount: sql<number>`count(${l.id}) filter (where ${l.status} = 'ignored')`.mapWith(Number),
    })
    .from(bankStatements)
    .leftJoin(l, and(eq(l.coopId, bankStatements.coopId), eq(l.statementId, bankStatements.id)))
    .where(and(eq(bankStatements.coopId, coopId), inArray(bankStatements.id, ids)))
    .groupBy(bankStatements.coopId, bankStatements.id);
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        ...r,
        // bigint: a number from PGlite, a string from pg.
        openingBalanceCents: r.openingBalanceCents === null ? null : Number(r.openingBalanceCents),
        closingBalanceCents: r.closingBalanceCents === null ? null : Number(r.closingBalanceCents),
      },
    ]),
  );
  return ids.map((id) => byId.get(id)).filter((r): r is StatementSummary => Boolean(r));
}

/** The coop's imported statements, last imported first (bank files are a staff matter). */
export async function listStatements(db: Executor, actor: Actor, query: StatementListQuery): Promise<Page<StatementSummary>> {
  const where = eq(bankStatements.coopId, actor.coopId);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: bankStatements.id })
      .from(bankStatements)
      .where(where)
      .orderBy(desc(bankStatements.importedAt), desc(bankStatements.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(bankStatements).where(where),
  ]);
  return { items: await summariesOf(db, actor.coopId, rows.map((r) => r.id)), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/**
 * A statement with its lines; each unmatched credit comes with the open invoices it may pay,
 * most likely first, read now (an invoice paid meanwhile is no longer proposed).
 */
export async function getStatement(
  db: Executor,
  actor: Actor,
  id: string,
  opts: { status?: StatementLineStatus; lang: 'fr' | 'en' },
): Promise<StatementDetail> {
  const [summary] = await summariesOf(db, actor.coopId, [id]);
  if (!summary) throw bankingErrors.STATEMENT_NOT_FOUND();
  const rows = await db
    .select()
    .from(bankStatementLines)
    .where(and(eq(bankStatementLines.coopId, actor.coopId), eq(bankStatementLines.statementId, id), opts.status ? eq(bankStatementLines.status, opts.status) : undefined))
    .orderBy(asc(bankStatementLines.bookingDate), desc(bankStatementLines.amountCents), asc(bankStatementLines.id));
  const candidates = rows.filter(isCandidate);
  const [open, recorded] = candidates.length
    ? await Promise.all([openInvoices(db, actor.coopId), unreconciledReceipts(db, actor.coopId, candidates.map((r) => r.amountCents))])
    : [[], []];
  const rules = rows.some(isDebitToBook) ? await rulesOf(db, actor.coopId) : [];
  return { ...summary, lines: rows.map((row) => lineOf(row, open, recorded, rules, opts.lang)) };
}

/** One line as the API shows it, with its suggestions. */
export async function getStatementLine(db: Executor, actor: Actor, lineId: string, lang: 'fr' | 'en'): Promise<StatementLine> {
  const [row] = await db.select().from(bankStatementLines).where(and(eq(bankStatementLines.coopId, actor.coopId), eq(bankStatementLines.id, lineId)));
  if (!row) throw bankingErrors.BANK_LINE_NOT_FOUND();
  const rules = isDebitToBook(row) ? await rulesOf(db, actor.coopId) : [];
  if (!isCandidate(row)) return lineOf(row, [], [], rules, lang);
  const [open, recorded] = await Promise.all([openInvoices(db, actor.coopId), unreconciledReceipts(db, actor.coopId, [row.amountCents])]);
  return lineOf(row, open, recorded, rules, lang);
}

/** Only money received and not yet booked or set aside can pay a client's invoices. */
const isCandidate = (row: BankStatementLineRow) => row.status === 'unmatched' && row.amountCents > 0;
/** Money out not yet booked: a saved rule may say how to book it. */
const isDebitToBook = (row: BankStatementLineRow) => row.status === 'unmatched' && row.amountCents < 0;

const rulesOf = (db: Executor, coopId: string) => db.select().from(bankRules).where(eq(bankRules.coopId, coopId)).orderBy(asc(bankRules.createdAt), asc(bankRules.id));

function lineOf(row: BankStatementLineRow, open: OpenInvoiceRow[], recorded: UnreconciledReceipt[], rules: BankRuleRow[], lang: 'fr' | 'en'): StatementLine {
  const rule = isDebitToBook(row) ? matchBankRule(row, rules) : null;
  return {
    id: row.id,
    statementId: row.statementId,
    bookingDate: row.bookingDate,
    amountCents: row.amountCents,
    label: row.label,
    reference: row.reference,
    counterparty: row.counterparty,
    status: row.status,
    paymentId: row.paymentId,
    remittanceId: row.remittanceId,
    entryId: row.entryId,
    proposedRule: rule && { id: rule.id, labelContains: rule.labelContains, account: rule.account, activityId: rule.activityId, vatRateBp: rule.vatRateBp, thirdParty: rule.thirdParty },
    suggestions: isCandidate(row) ? suggestionsFor(row, open, lang) : [],
    recordedProposals: isCandidate(row) ? proposalsFor(row, recorded, lang) : [],
  };
}

/** Payments and slips already recorded that the line may be, most likely first (see `rankRecordedReceipts`). */
function proposalsFor(row: BankStatementLineRow, recorded: UnreconciledReceipt[], lang: 'fr' | 'en'): RecordedProposal[] {
  const ranked = rankRecordedReceipts(
    { amountCents: row.amountCents, bookingDate: row.bookingDate, label: row.label, reference: row.reference, counterpartyName: row.counterparty },
    recorded,
  );
  return ranked.slice(0, SUGGESTIONS_PER_LINE).map(({ receipt, confidence, reasons }) => ({
    kind: receipt.kind,
    id: receipt.id,
    amountCents: receipt.amountCents,
    date: receipt.date,
    mode: receipt.kind === 'payment' ? receipt.mode : 'cheque',
    reference: receipt.kind === 'payment' ? receipt.reference : null,
    clientName: receipt.kind === 'payment' ? receipt.clientName : [...new Set(receipt.clientNames)].join(', '),
    remittanceNumber: receipt.kind === 'remittance' ? receipt.number : null,
    chequeCount: receipt.kind === 'remittance' ? receipt.chequeCount : null,
    confidence,
    reasons: reasons.map((r) => ({ code: r.code, message: r.text[lang] })),
  }));
}

function suggestionsFor(row: BankStatementLineRow, open: OpenInvoiceRow[], lang: 'fr' | 'en'): LineSuggestion[] {
  const byId = new Map(open.map((invoice) => [invoice.id, invoice]));
  const candidates = matchLine({ amountCents: row.amountCents, remittance: row.reference, label: row.label, counterpartyName: row.counterparty }, open);
  return candidates.slice(0, SUGGESTIONS_PER_LINE).map((candidate) => {
    const invoices = candidate.invoices.map((i) => {
      const invoice = byId.get(i.invoiceId)!;
      return { invoiceId: i.invoiceId, number: i.number, clientId: invoice.clientId, clientName: invoice.clientName, amountLeftCents: invoice.amountDueCents, allocatedCents: i.allocatedCents };
    });
    return {
      invoices,
      clientId: invoices[0]!.clientId,
      unallocatedCents: candidate.unallocatedCents,
      confidence: candidate.confidence,
      reasons: candidate.reasons.map((r) => ({ code: r.code, message: r.text[lang] })),
    };
  });
}
