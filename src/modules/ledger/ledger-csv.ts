import type { GeneralLedgerLine, TrialBalance } from './contract.js';
import { centsToFrenchDecimal as money, frenchDate, renderCsv } from './domain/csv.js';

/** The trial balance as a spreadsheet: one row per account, then the totals. */
export function trialBalanceCsv(tb: TrialBalance): string {
  const rows = tb.rows.map((r) => [r.account, r.label, money(r.debitCents), money(r.creditCents), money(r.debitBalanceCents), money(r.creditBalanceCents)]);
  const t = tb.totals;
  rows.push(['', 'Total', money(t.debitCents), money(t.creditCents), money(t.debitBalanceCents), money(t.creditBalanceCents)]);
  return renderCsv(['Compte', 'Libellé', 'Débit', 'Crédit', 'Solde débiteur', 'Solde créditeur'], rows);
}

/** The general ledger as a spreadsheet, one row per line. */
export function generalLedgerCsv(lines: readonly GeneralLedgerLine[]): string {
  return renderCsv(
    ['Compte', 'Intitulé du compte', 'Compte auxiliaire', 'Date', 'Journal', 'N° écriture', 'Libellé', 'Activité', 'Débit', 'Crédit', 'Solde'],
    lines.map((r) => [
      r.account,
      r.accountLabel,
      r.auxiliaryNumber ?? '',
      frenchDate(r.date),
      r.journalCode,
      r.entryNumber,
      r.lineLabel ?? r.entryLabel,
      r.activityCode ?? '',
      money(r.debitCents),
      money(r.creditCents),
      money(r.runningBalanceCents),
    ]),
  );
}
