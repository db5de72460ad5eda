import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStatementFile } from './read-statement-file.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('the lines an uploaded bank file brings', () => {
  it('keeps the booked camt.053 entries with their fingerprint, payer and remittance', () => {
    const result = readStatementFile({ format: 'camt053', text: fixture('camt053-v02-credit-cooperatif.xml').toString('utf8') });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [statement] = result.value.statements;
    expect(statement!.accountIban).toBe('FR7642559100000812345678921');
    expect(statement!.statementRef).toBe('0812345678921-2026-11-20-224');
    expect(statement!.lines[0]).toMatchObject({ bookingDate: '2026-11-20', amountCents: 144_000, counterparty: 'ATELIER DU BOIS SARL', reference: expect.stringContaining('F2026-00042') });
    expect(new Set(statement!.lines.map((l) => l.fingerprint)).size).toBe(statement!.lines.length);
  });

  it('reads the same CSV twice into the same fingerprints, which depend on the account', () => {
    const text = 'Date;Libellé;Montant\n25/06/2026;FRAIS;-1,50\n25/06/2026;FRAIS;-1,50\n';
    const source = { format: 'csv' as const, text, mapping: { date: 'Date', label: 'Libellé', amount: 'Montant' }, accountIban: 'FR7630006000011234567890189', fileName: 'juin.csv' };
    const once = readStatementFile(source);
    const twice = readStatementFile(source);
    const other = readStatementFile({ ...source, accountIban: 'FR7642559100000812345678921' });
    if (!once.ok || !twice.ok || !other.ok) throw new Error('unreadable');
    const prints = once.value.statements[0]!.lines.map((l) => l.fingerprint);
    expect(prints).toHaveLength(2);
    expect(new Set(prints).size).toBe(2);
    expect(twice.value.statements[0]!.lines.map((l) => l.fingerprint)).toEqual(prints);
    expect(other.value.statements[0]!.lines.map((l) => l.fingerprint)).not.toEqual(prints);
    expect(once.value.statements[0]).toMatchObject({ statementRef: 'juin.csv', lines: [{ sourceLine: 2, amountCents: -150 }, { sourceLine: 3 }] });
  });

  it('passes the problems of the file on, with their line', () => {
    const result = readStatementFile({ format: 'camt053', text: '<Document>\n<Oops>\n</Document>' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.line).toBe(3);
  });

  it('refuses a file holding a NUL character, on its line', () => {
    const result = readStatementFile({ format: 'camt053', text: '<Document>\n<Nm>a\u0000b</Nm>\n</Document>' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ line: 2, column: '', message: expect.objectContaining({ en: expect.stringMatching(/NUL/) }) }]);
  });
});
