import { z } from 'zod';
import { ibanSchema } from '../../platform/identifiers/zod.js';
import { bilingual } from '../../platform/http/messages.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { allocationInput, paymentMode } from '../payments/contract.js';

// Shared by the routes and the web client: the API's types are written once, here.

export const STATEMENT_FORMATS = ['camt053', 'csv'] as const;
export const LINE_STATUSES = ['unmatched', 'matched', 'ignored', 'booked'] as const;
export const DATE_ORDERS = ['DMY', 'YMD', 'MDY'] as const;
export const DECIMAL_SEPARATORS = [',', '.'] as const;

const columnName = z.string().trim().min(1).max(100);
const optionalColumn = columnName.optional();

/**
 * The text fields sent with the file (multipart). For a CSV: the header names of the bank's
 * columns, either one signed amount column or a debit and a credit column, and how dates and
 * amounts are written. A CSV names no account: it goes to the bank account chosen in the form
 * (`bankAccountId`, required when the coop has several), or the one whose IBAN is given.
 * A camt.053 file names its account, and goes to the coop's account with that IBAN.
 */
export const importFields = z
  .object({
    format: z.enum(STATEMENT_FORMATS, { error: bilingual({ fr: 'Format inconnu : camt053 ou csv.', en: 'Unknown format: camt053 or csv.' }) }),
    bankAccountId: z.uuid().optional(),
    accountIban: ibanSchema.optional(),
    dateColumn: optionalColumn,
    amountColumn: optionalColumn,
    debitColumn: optionalColumn,
    creditColumn: optionalColumn,
    labelColumn: optionalColumn,
    referenceColumn: optionalColumn,
    counterpartyColumn: optionalColumn,
    valueDateColumn: optionalColumn,
    dateOrder: z.enum(DATE_ORDERS).optional(),
    decimalSeparator: z.enum(DECIMAL_SEPARATORS).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.format !== 'csv') return;
    const required = bilingual({ fr: 'Indiquez le nom de cette colonne.', en: 'Give the name of this column.' });
    if (!v.dateColumn) ctx.addIssue({ code: 'custom', path: ['dateColumn'], message: required });
    if (!v.labelColumn) ctx.addIssue({ code: 'custom', path: ['labelColumn'], message: required });
    if (v.amountColumn && (v.debitColumn || v.creditColumn)) {
      ctx.addIssue({ code: 'custom', path: ['amountColumn'], message: bilingual({ fr: 'Une colonne Montant, ou deux colonnes Débit et Crédit, pas les deux.', en: 'One Amount column, or a Debit and a Credit column, not both.' }) });
    } else if (!v.amountColumn) {
      if (!v.debitColumn) ctx.addIssue({ code: 'custom', path: ['debitColumn'], message: required });
      if (!v.creditColumn) ctx.addIssue({ code: 'custom', path: ['creditColumn'], message: required });
    }
  });
export type ImportFields = z.infer<typeof importFields>;

export const statementSummary = z.object({
  id: z.string(),
  format: z.enum(STATEMENT_FORMATS),
  bankAccountId: z.string(),
  accountIban: z.string(),
  currency: z.string(),
  /** As the bank states them (camt.053); null for a CSV, which states none. */
  openingBalanceCents: z.number().int().nullable(),
  closingBalanceCents: z.number().int().nullable(),
  statementRef: z.string().nullable(),
  importedAt: z.date(),
  fileSha256: z.string(),
  firstDate: z.iso.date().nullable(),
  lastDate: z.iso.date().nullable(),
  lineCount: z.number().int(),
  creditCents: z.number().int(),
  debitCents: z.number().int(),
  unmatchedCount: z.number().int(),
  matchedCount: z.number().int(),
  ignoredCount: z.number().int(),
});
export type StatementSummary = z.infer<typeof statementSummary>;

export const importResult = z.object({
  /** The statements that received new lines (none when the file had been imported already). */
  statements: z.array(statementSummary),
  addedCount: z.number().int(),
  /** Lines already in the books from an earlier import (same fingerprint), left out. */
  alreadyImportedCount: z.number().int(),
  /** camt.053 entries not booked yet (pending), left out until a statement books them. */
  notBookedCount: z.number().int(),
});
export type ImportResult = z.infer<typeof importResult>;

export const matchReason = z.object({ code: z.string(), message: z.string() });

export const lineSuggestion = z.object({
  invoices: z.array(
    z.object({
      invoiceId: z.string(),
      number: z.string(),
      clientId: z.string(),
      clientName: z.string(),
      amountLeftCents: z.number().int(),
      allocatedCents: z.number().int(),
    }),
  ),
  clientId: z.string(),
  /** What the client would keep as credit if this suggestion were confirmed. */
  unallocatedCents: z.number().int(),
  confidence: z.number(),
  reasons: z.array(matchReason),
});
export type LineSuggestion = z.infer<typeof lineSuggestion>;

/** A payment or remittance slip already recorded that this credit line may be: confirming it books nothing new. */
export const recordedProposal = z.object({
  kind: z.enum(['payment', 'remittance']),
  id: z.string(),
  amountCents: z.number().int(),
  date: z.iso.date(),
  /** The payment's mode (a slip: cheque). */
  mode: paymentMode,
  reference: z.string().nullable(),
  /** The paying client, or the clients of the slip's cheques. */
  clientName: z.string(),
  /** The slip's number and cheque count; null for a payment. */
  remittanceNumber: z.number().int().nullable(),
  chequeCount: z.number().int().nullable(),
  confidence: z.number(),
  reasons: z.array(matchReason),
});
export type RecordedProposal = z.infer<typeof recordedProposal>;

export const statementLine = z.object({
  id: z.string(),
  statementId: z.string(),
  bookingDate: z.iso.date(),
  amountCents: z.number().int(),
  label: z.string(),
  reference: z.string(),
  counterparty: z.string().nullable(),
  status: z.enum(LINE_STATUSES),
  paymentId: z.string().nullable(),
  /** The remittance slip of cheques this line credited, when it matched one. */
  remittanceId: z.string().nullable(),
  /** The ledger entry of a booked debit. */
  entryId: z.string().nullable(),
  /** Only for unmatched debit lines: the saved rule whose text the label contains, to book it the same way. */
  proposedRule: z.object({ id: z.string(), labelContains: z.string(), account: z.string(), activityId: z.string().nullable(), vatRateBp: z.number().int().nullable(), thirdParty: z.string().nullable() }).nullable(),
  /** Only for unmatched credit lines: the open invoices the money may settle, most likely first. */
  suggestions: z.array(lineSuggestion),
  /** Only for unmatched credit lines: payments and slips already recorded of the same amount, most likely first. */
  recordedProposals: z.array(recordedProposal),
});
export type StatementLine = z.infer<typeof statementLine>;

export const statementDetail = statementSummary.extend({ lines: z.array(statementLine) });
export type StatementDetail = z.infer<typeof statementDetail>;

export const statementListQuery = pageQuery;
export type StatementListQuery = z.infer<typeof statementListQuery>;
export const statementParams = z.object({ id: z.uuid() });
export const statementDetailQuery = z.object({ status: z.enum(LINE_STATUSES).optional() });
export const lineParams = z.object({ id: z.uuid() });

/**
 * What staff confirm a credit line pays: one or several invoices (of one client), or none,
 * then the whole amount stays on the client's account as a credit and the client is named.
 */
export const confirmLineBody = z.object({
  clientId: z.uuid().optional(),
  mode: paymentMode.optional(),
  allocations: z.array(allocationInput).max(200),
});
export type ConfirmLineInput = z.infer<typeof confirmLineBody>;

/** The recorded payment, or the remittance slip, a credit line shows: exactly one of the two. */
export const confirmRecordedBody = z
  .object({ paymentId: z.uuid().optional(), remittanceId: z.uuid().optional() })
  .superRefine((v, ctx) => {
    if (Boolean(v.paymentId) === Boolean(v.remittanceId)) {
      ctx.addIssue({ code: 'custom', path: ['paymentId'], message: bilingual({ fr: 'Indiquez un paiement ou un bordereau, l’un des deux.', en: 'Give a payment or a slip, one of the two.' }) });
    }
  });
export type ConfirmRecordedInput = z.infer<typeof confirmRecordedBody>;

/** Why a match is undone: required, kept on the reversing entries and in the audit log. */
export const unmatchLineBody = z.object({
  reason: z
    .string()
    .trim()
    .min(3, bilingual({ fr: 'Indiquez pourquoi ce rapprochement est annulé.', en: 'Say why this match is undone.' }))
    .max(500),
});
export type UnmatchLineInput = z.infer<typeof unmatchLineBody>;

// The bank accounts, debit bookings and reconciliation statement, as the web reads them.
export type { BankAccount, BookLineInput, CreateBankAccountInput, ReconciliationStatementView, UpdateBankAccountInput } from './debit-contract.js';
