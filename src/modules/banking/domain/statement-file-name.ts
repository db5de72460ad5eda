import type { StatementFormat } from '../schema.js';

const EXTENSION: Record<StatementFormat, string> = { camt053: '.xml', csv: '.csv' };

/**
 * The name a downloaded statement file is saved under. The uploaded name is not kept; the
 * statement's reference is (a camt.053 statement id, or the CSV file's name), so the file
 * comes back under a name the accountant recognises, with the extension of its format.
 */
export function statementFileName(statement: { id: string; format: StatementFormat; statementRef: string | null }): string {
  const extension = EXTENSION[statement.format];
  const ref = (statement.statementRef ?? '')
    // A path separator or a control character in a bank's statement id would make a broken file name.
    .replace(/[/\\\x00-\x1f\x7f]/g, '-')
    .trim();
  const base = ref.toLowerCase().endsWith(extension) ? ref.slice(0, -extension.length) : ref;
  return `${base || `releve-${statement.id}`}${extension}`;
}
