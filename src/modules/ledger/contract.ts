import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import { ACCOUNT_KINDS, ACCOUNT_NUMBER_PATTERN } from './domain/chart-of-accounts.js';

// Shared by the routes and the web client: the API's types are written once, here.

export { ACCOUNT_KINDS };
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const accountNumber = z
  .string()
  .trim()
  .regex(ACCOUNT_NUMBER_PATTERN, {
    message: bilingual({ fr: 'Numéro de compte du PCG attendu (classe 1 à 8, 2 à 12 chiffres).', en: 'A PCG account number is expected (class 1 to 8, 2 to 12 digits).' }),
  });

export const account = z.object({
  id: z.string(),
  number: z.string(),
  label: z.string(),
  accountClass: z.number().int(),
  kind: z.enum(ACCOUNT_KINDS),
  active: z.boolean(),
});
export type Account = z.infer<typeof account>;

export const listAccountsQuery = pageQuery.extend({
  accountClass: z.coerce.number().int().min(1).max(8).optional(),
  q: z.string().trim().max(100).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(200),
});
export type ListAccountsQuery = z.infer<typeof listAccountsQuery>;

export const createAccountBody = z.object({
  number: accountNumber,
  label: z.string().trim().min(2).max(200),
  kind: z.enum(ACCOUNT_KINDS).optional(),
});
export type CreateAccountBody = z.infer<typeof createAccountBody>;

export const updateAccountBody = z.object({ label: z.string().trim().min(2).max(200), active: z.boolean() }).partial();
export type UpdateAccountBody = z.infer<typeof updateAccountBody>;

export const accountParams = z.object({ number: accountNumber });

export const journal = z.object({ code: z.string(), label: z.string() });
export type Journal = z.infer<typeof journal>;

export const fiscalYear = z.object({
  id: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  closedAt: z.date().nullable(),
});
export type FiscalYear = z.infer<typeof fiscalYear>;

export const openFiscalYearBody = z.object({ startDate: z.iso.date(), endDate: z.iso.date() });
export type OpenFiscalYearBody = z.infer<typeof openFiscalYearBody>;

export const idParams = z.object({ id: z.uuid() });

export const entryLineInput = z.object({
  account: accountNumber,
  debitCents: z.number().int().min(0).optional(),
  creditCents: z.number().int().min(0).optional(),
  activityId: z.uuid().nullable().optional(),
  label: z.string().trim().max(300).nullable().optional(),
});
export type EntryLineInput = z.infer<typeof entryLineInput>;

/**
 * A line another module posts: it may name the third party of a 411/401 line (its auxiliary
 * account, opened on first use) and the invoice the line belongs to (lettering). Not open to
 * manual entries: the party comes from the document, never typed.
 */
export const postingLineInput = entryLineInput.extend({
  auxiliary: z
    .object({ kind: z.enum(['client', 'supplier']), partyId: z.uuid(), label: z.string().trim().min(1).max(200) })
    .nullable()
    .optional(),
  letteringKey: z.uuid().nullable().optional(),
});
export type PostingLineInput = z.infer<typeof postingLineInput>;

/** What another module posts (an invoice, a payment…): the journal and source are its own. */
export const postEntryInput = z.object({
  journal: z.string().regex(/^[A-Z]{2,4}$/),
  date: z.iso.date(),
  label: z.string().trim().min(1).max(300),
  source: z.object({ type: z.string().trim().min(1).max(40), id: z.uuid().nullable().optional() }),
  /** The document's number (FEC PieceRef), when it has one. */
  documentRef: z.string().trim().min(1).max(40).nullable().optional(),
  lines: z.array(postingLineInput).max(500),
});
export type PostEntryInput = z.infer<typeof postEntryInput>;

/** A manual entry typed by an accountant: always in the miscellaneous journal (OD). */
export const manualEntryBody = z.object({
  date: z.iso.date(),
  label: z.string().trim().min(1).max(300),
  lines: z.array(entryLineInput).max(500),
});
export type ManualEntryBody = z.infer<typeof manualEntryBody>;

export const reverseEntryBody = z.object({ date: z.iso.date(), label: z.string().trim().min(1).max(300).optional() });
export type ReverseEntryBody = z.infer<typeof reverseEntryBody>;

export const entryLine = z.object({
  lineNo: z.number().int(),
  account: z.string(),
  accountLabel: z.string(),
  activityId: z.string().nullable(),
  activityCode: z.string().nullable(),
  label: z.string().nullable(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
});
export type EntryLine = z.infer<typeof entryLine>;

export const entrySummary = z.object({
  id: z.string(),
  number: z.number().int(),
  journalCode: z.string(),
  date: z.string(),
  label: z.string(),
  sourceType: z.string(),
  sourceId: z.string().nullable(),
  reversesEntryId: z.string().nullable(),
  reversedByEntryId: z.string().nullable(),
  totalCents: z.number().int(),
  postedAt: z.date(),
});
export type EntrySummary = z.infer<typeof entrySummary>;

export const entryDetail = entrySummary.extend({ lines: z.array(entryLine) });
export type EntryDetail = z.infer<typeof entryDetail>;

const fromBeforeTo = <T extends { from?: string; to?: string }>(q: T) => !q.from || !q.to || q.from <= q.to;
const fromBeforeToMessage = { message: bilingual({ fr: 'La fin de la période précède son début.', en: 'The period ends before it starts.' }), path: ['to'] };

export const listEntriesQuery = pageQuery
  .extend({
    journal: z.string().regex(/^[A-Z]{2,4}$/).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    account: accountNumber.optional(),
    activityId: z.uuid().optional(),
    sourceType: z.string().trim().max(40).optional(),
  })
  .refine(fromBeforeTo, fromBeforeToMessage);
export type ListEntriesQuery = z.infer<typeof listEntriesQuery>;

export const exportFormat = z.enum(['json', 'csv']).default('json');

export const balanceRow = z.object({
  account: z.string(),
  label: z.string(),
  accountClass: z.number().int(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  /** Debit minus credit. */
  balanceCents: z.number().int(),
  debitBalanceCents: z.number().int(),
  creditBalanceCents: z.number().int(),
});
export type BalanceRow = z.infer<typeof balanceRow>;

export const balanceTotals = z.object({
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  debitBalanceCents: z.number().int(),
  creditBalanceCents: z.number().int(),
});
export type BalanceTotals = z.infer<typeof balanceTotals>;

export const trialBalanceQuery = z
  .object({ from: z.iso.date(), to: z.iso.date(), activityId: z.uuid().optional(), format: exportFormat })
  .refine(fromBeforeTo, fromBeforeToMessage);
export type TrialBalanceQuery = z.infer<typeof trialBalanceQuery>;

export const trialBalance = z.object({
  from: z.string(),
  to: z.string(),
  activityId: z.string().nullable(),
  rows: z.array(balanceRow),
  totals: balanceTotals,
});
export type TrialBalance = z.infer<typeof trialBalance>;

export const generalLedgerQuery = pageQuery
  .extend({ account: accountNumber.optional(), activityId: z.uuid().optional(), from: z.iso.date(), to: z.iso.date(), format: exportFormat })
  .refine(fromBeforeTo, fromBeforeToMessage);
export type GeneralLedgerQuery = z.infer<typeof generalLedgerQuery>;

export const generalLedgerLine = z.object({
  entryId: z.string(),
  entryNumber: z.number().int(),
  journalCode: z.string(),
  date: z.string(),
  entryLabel: z.string(),
  lineNo: z.number().int(),
  lineLabel: z.string().nullable(),
  account: z.string(),
  accountLabel: z.string(),
  activityId: z.string().nullable(),
  activityCode: z.string().nullable(),
  /** The client's auxiliary account (C00042) of a 411 line. */
  auxiliaryNumber: z.string().nullable(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  /** Balance of the account up to and including this line: its opening balance, then the period's lines. */
  runningBalanceCents: z.number().int(),
  /** What posted the entry ('invoice', 'credit_note', 'payment', 'bank_line'…) and its id: the link to the document. */
  sourceType: z.string(),
  sourceId: z.string().nullable(),
});
export type GeneralLedgerLine = z.infer<typeof generalLedgerLine>;

/** One account of the general ledger: its opening balance (à-nouveau) at the period start, the period's totals, its closing balance. */
export const generalLedgerAccount = z.object({
  account: z.string(),
  accountLabel: z.string(),
  openingCents: z.number().int(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  closingCents: z.number().int(),
});
export type GeneralLedgerAccount = z.infer<typeof generalLedgerAccount>;

export const generalLedgerPage = pageOf(generalLedgerLine).extend({ accounts: z.array(generalLedgerAccount) });
export type GeneralLedgerPage = z.infer<typeof generalLedgerPage>;

export const activityBalanceParams = z.object({ activityId: z.uuid() });
export const activityBalanceQuery = z.object({ to: z.iso.date().optional() });

export const activityBalance = z.object({
  activityId: z.string(),
  to: z.string().nullable(),
  accounts: z.array(balanceRow),
  totals: balanceTotals,
  /** Class 7 credits minus debits. */
  revenueCents: z.number().int(),
  /** Class 6 debits minus credits. */
  expenseCents: z.number().int(),
  resultCents: z.number().int(),
});
export type ActivityBalance = z.infer<typeof activityBalance>;

export const setupResult = z.object({ accountsCreated: z.number().int(), journalsCreated: z.number().int(), fiscalYearCreated: z.boolean() });
export type SetupResult = z.infer<typeof setupResult>;

export const fecQuery = z.object({
  fiscalYearId: z.uuid(),
  /** Tab (the default) or pipe, the two separators LPF art. A47 A-1 allows. */
  separator: z.enum(['tab', 'pipe']).default('tab'),
});
export type FecQuery = z.infer<typeof fecQuery>;

export const hledgerQuery = z.object({ from: z.iso.date(), to: z.iso.date() }).refine(fromBeforeTo, fromBeforeToMessage);
export type HledgerQuery = z.infer<typeof hledgerQuery>;
