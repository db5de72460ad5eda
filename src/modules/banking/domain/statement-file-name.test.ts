import { describe, expect, it } from 'vitest';
import { statementFileName } from './statement-file-name.js';

const id = '0b6f1f38-0d7e-4a43-9d55-3f0c0d2f6a10';

describe('the name of a downloaded statement file', () => {
  it('is the camt.053 statement id with the .xml extension', () => {
    expect(statementFileName({ id, format: 'camt053', statementRef: 'STMT-2026-06' })).toBe('STMT-2026-06.xml');
  });

  it('is the CSV file’s own name, without doubling its extension', () => {
    expect(statementFileName({ id, format: 'csv', statementRef: 'relevé-juin.CSV' })).toBe('relevé-juin.csv');
    expect(statementFileName({ id, format: 'csv', statementRef: 'export banque' })).toBe('export banque.csv');
  });

  it('never carries a path separator or a control character', () => {
    expect(statementFileName({ id, format: 'camt053', statementRef: '2026/06\\A\nB' })).toBe('2026-06-A-B.xml');
  });

  it('falls back on the statement id when the statement has no reference', () => {
    expect(statementFileName({ id, format: 'camt053', statementRef: null })).toBe(`releve-${id}.xml`);
    expect(statementFileName({ id, format: 'csv', statementRef: '  ' })).toBe(`releve-${id}.csv`);
  });
});
