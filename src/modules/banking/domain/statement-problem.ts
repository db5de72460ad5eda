import type { LocalizedText } from '../../../platform/errors.js';

/**
 * Why a line of a bank file cannot be read, and where: the staff member fixes or asks the
 * bank for the file, so a problem always points at a line of the file and at what on it
 * (a CSV column, or the element path in a camt.053 file).
 */
export interface StatementProblem {
  /** 1-based line of the file. */
  line: number;
  /** The CSV column (its header, or its 1-based position) or the XML element path. */
  column: string;
  message: LocalizedText;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: StatementProblem[] };
