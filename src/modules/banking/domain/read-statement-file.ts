import type { LocalizedText } from '../../../platform/errors.js';
import { fingerprintLines } from './line-fingerprint.js';
import { parseCamt053 } from './parse-camt053.js';
import { parseCsvStatement, type CsvColumnMapping, type CsvReadOptions } from './parse-csv-statement.js';
import type { ParseResult } from './statement-problem.js';

/** One movement of the account as it is stored: what matching and the reconciliation page need. */
export interface ImportedLine {
  fingerprint: string;
  bookingDate: string;
  amountCents: number;
  label: string;
  reference: string;
  counterparty: string | null;
  /** camt.053 only (null/false for a CSV): the transfer's end-to-end id, its batch, and whether it came back and why. */
  endToEndId: string | null;
  batchRef: string | null;
  isReturn: boolean;
  returnReason: string | null;
  /** The line of the file it came from, to point a person at it. */
  sourceLine: number;
}

export interface ImportedStatement {
  /** The account as the file names it: its IBAN, else its `Othr/Id` (camt.053); null for a CSV, which names none. */
  accountIban: string | null;
  accountOtherId: string | null;
  /** The account's currency as the bank states it (camt.053); null for a CSV, which states none. */
  currency: string | null;
  /** The balances the bank states (camt.053), shown beside the statement; null for a CSV. */
  openingBalanceCents: number | null;
  closingBalanceCents: number | null;
  /** The bank's identifier of the statement (camt.053), or the name of the uploaded CSV file. */
  statementRef: string | null;
  lines: ImportedLine[];
}

export interface StatementFile {
  statements: ImportedStatement[];
  /** camt.053 entries not booked yet (pending, information): they come back booked in a later statement. */
  notBooked: number;
}

export type StatementSource =
  | { format: 'camt053'; text: string }
  | { format: 'csv'; text: string; mapping: CsvColumnMapping; options?: CsvReadOptions; accountIban: string; fileName: string };
// For a CSV, `accountIban` is the IBAN of the account chosen in the form: it keys the fingerprints.

/** Column widths of `bank_statement_lines`: a bank's free text longer than that is cut, never refused. */
const WIDTH = { label: 1000, reference: 1000, counterparty: 300, statementRef: 200 } as const;

const said = (fr: string, en: string): LocalizedText => ({ fr, en });

/**
 * The lines of an uploaded bank file, each with the fingerprint that keeps it from being
 * imported twice. Only booked camt.053 entries are kept: a pending entry can still change
 * or vanish, and it comes back as booked in the statement of the day it is booked.
 */
export function readStatementFile(source: StatementSource): ParseResult<StatementFile> {
  // No bank writes U+0000 in a statement, and PostgreSQL text cannot store it.
  const nul = source.text.indexOf('\u0000');
  if (nul >= 0) {
    const line = source.text.slice(0, nul).split('\n').length;
    return { ok: false, problems: [{ line, column: '', message: said('Caractère nul (U+0000) : ce n’est pas un relevé texte.', 'NUL character (U+0000): this is not a text statement.') }] };
  }
  if (source.format === 'csv') {
    const parsed = parseCsvStatement(source.text, source.mapping, source.options);
    if (!parsed.ok) return parsed;
    const lines = parsed.value.lines;
    const fingerprints = fingerprintLines(lines, source.accountIban);
    return {
      ok: true,
      value: {
        notBooked: 0,
        statements: [
          {
            accountIban: source.accountIban,
            accountOtherId: null,
            currency: null,
            openingBalanceCents: null,
            closingBalanceCents: null,
            statementRef: source.fileName.slice(0, WIDTH.statementRef) || null,
            lines: lines.map((line, i) => ({
              fingerprint: fingerprints[i]!,
              bookingDate: line.bookingDate,
              amountCents: line.amountCents,
              label: line.label.slice(0, WIDTH.label),
              reference: line.remittance.slice(0, WIDTH.reference),
              counterparty: line.counterpartyName?.slice(0, WIDTH.counterparty) ?? null,
              endToEndId: null,
              batchRef: null,
              isReturn: false,
              returnReason: null,
              sourceLine: line.lineNumber,
            })),
          },
        ],
      },
    };
  }

  const parsed = parseCamt053(source.text);
  if (!parsed.ok) return parsed;
  let notBooked = 0;
  const statements: ImportedStatement[] = [];
  for (const [s, statement] of parsed.value.statements.entries()) {
    const booked = statement.entries.filter((entry) => entry.status === 'BOOK');
    notBooked += statement.entries.length - booked.length;
    const undated = booked.find((entry) => !entry.bookingDate);
    if (undated) {
      return {
        ok: false,
        problems: [{ line: undated.sourceLine, column: `Stmt[${s + 1}]/Ntry/BookgDt`, message: said('Écriture comptabilisée sans date de comptabilisation.', 'A booked entry has no booking date.') }],
      };
    }
    const fingerprints = fingerprintLines(booked, statement.account.iban ?? statement.account.otherId!);
    statements.push({
      accountIban: statement.account.iban,
      accountOtherId: statement.account.otherId,
      currency: statement.account.currency,
      openingBalanceCents: statement.openingBalanceCents,
      closingBalanceCents: statement.closingBalanceCents,
      statementRef: statement.statementId.slice(0, WIDTH.statementRef),
      lines: booked.map((entry, i) => ({
        fingerprint: fingerprints[i]!,
        bookingDate: entry.bookingDate!,
        amountCents: entry.amountCents,
        label: entry.label.slice(0, WIDTH.label),
        reference: entry.remittance.slice(0, WIDTH.reference),
        counterparty: entry.counterpartyName?.slice(0, WIDTH.counterparty) ?? null,
        // ISO 20022 caps these at 35 characters; a longer one is not a real reference, kept cut rather than refused.
        endToEndId: entry.endToEndId?.slice(0, 35) ?? null,
        batchRef: entry.batchRef?.slice(0, 35) ?? null,
        isReturn: entry.isReturn,
        returnReason: entry.returnReason?.slice(0, 35) ?? null,
        sourceLine: entry.sourceLine,
      })),
    });
  }
  return { ok: true, value: { statements, notBooked } };
}
