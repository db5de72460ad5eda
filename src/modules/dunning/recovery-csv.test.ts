import { describe, expect, it } from 'vitest';
import { recoveryCsv, type RecoveryRow } from './recovery-csv.js';

const row: RecoveryRow = {
  creditor: { name: 'Coop Oxalis', siren: '123456789' },
  debtor: {
    name: 'Menuiserie "Lenoir"; fils',
    kind: 'company',
    siren: '552100554',
    siret: '55210055400013',
    vatNumber: null,
    email: 'compta@lenoir.test',
    address: { line1: '8 rue des Tanneurs', line2: null, postalCode: '67000', city: 'Strasbourg', country: 'FR' },
  },
  invoice: { number: 'F2026-00042', issueDate: '2026-06-20', dueDate: '2026-07-20', grossCents: 121_899, settledCents: 20_000, amountLeftCents: 101_899 },
  openedOn: '2026-09-18',
  steps: [
    { kind: 'reminder', action: 'sent', date: '2026-07-27', recipient: 'compta@lenoir.test' },
    { kind: 'reminder', action: 'skipped', date: '2026-09-03', recipient: null },
    { kind: 'formal_notice', action: 'no_email', date: '2026-09-03', recipient: null },
    { kind: 'recovery', action: 'recorded', date: '2026-09-18', recipient: null },
  ],
};

describe('recovery export', () => {
  it('one row per invoice with the debtor, the amounts and the dated steps the debtor received', () => {
    const csv = recoveryCsv([row]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, line] = csv.slice(1).trimEnd().split('\r\n');
    expect(header!.split(';')).toHaveLength(22);
    expect(line).toBe(
      'Coop Oxalis;123456789;"Menuiserie ""Lenoir""; fils";Entreprise;552100554;55210055400013;;8 rue des Tanneurs;;67000;Strasbourg;FR;compta@lenoir.test;' +
        'F2026-00042;20/06/2026;20/07/2026;1218,99;200,00;1018,99;27/07/2026 (courriel à compta@lenoir.test);03/09/2026 (sans adresse électronique, à envoyer par courrier);18/09/2026',
    );
  });
});
