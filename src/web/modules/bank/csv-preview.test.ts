import { describe, expect, it } from 'vitest';
import { guessColumn, previewCsv } from './csv-preview';

describe('previewing a CSV bank export', () => {
  it('finds the header below the bank’s preamble and shows the first rows', () => {
    const text = 'Relevé de compte;;;;\nPériode du 01/06 au 30/06;;;;\n\nDate;Libellé;Référence;Débit;Crédit\n25/06/2026;"VIR; DE X";F1;;1 200,00\n26/06/2026;FRAIS;;8,00;\n';
    expect(previewCsv(text)).toEqual({
      delimiter: ';',
      columns: ['Date', 'Libellé', 'Référence', 'Débit', 'Crédit'],
      rows: [
        ['25/06/2026', 'VIR; DE X', 'F1', '', '1 200,00'],
        ['26/06/2026', 'FRAIS', '', '8,00', ''],
      ],
    });
  });

  it('reads comma-separated files and proposes columns by their usual names', () => {
    const preview = previewCsv('Booking date,Description,Amount\n2026-06-25,FEE,-1.50\n');
    expect(preview?.delimiter).toBe(',');
    expect(guessColumn(preview!.columns, ['date'])).toBe('Booking date');
    expect(guessColumn(preview!.columns, ['montant', 'amount'])).toBe('Amount');
    expect(guessColumn(preview!.columns, ['tiers'])).toBeNull();
  });
});
