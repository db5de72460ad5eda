import { readFileSync } from 'node:fs';

/**
 * A bank file of test/fixtures/bank with its placeholders ({{A}}, {{STATEMENT}}…) filled in:
 * invoice numbers are only known once the test has issued the invoices.
 */
export function bankFile(name: string, values: Record<string, string>): Buffer {
  const template = readFileSync(new URL(`../fixtures/bank/${name}`, import.meta.url), 'utf8');
  return Buffer.from(template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole), 'utf8');
}

/** The column mapping of test/fixtures/bank/releve-mapping.csv, as the import form sends it. */
export const CSV_MAPPING = {
  format: 'csv',
  dateColumn: 'Date',
  labelColumn: 'Libellé',
  referenceColumn: 'Référence',
  debitColumn: 'Débit',
  creditColumn: 'Crédit',
  dateOrder: 'DMY',
  decimalSeparator: ',',
} as const;
