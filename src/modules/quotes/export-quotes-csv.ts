import type { Executor } from '../../platform/db/client.js';
import { centsToFrenchDecimal as money, frenchDate, renderCsv } from '../ledger/index.js';
import type { ExportQuotesQuery } from './contract.js';
import { quotesForExport } from './get-quote.js';
import type { Viewer } from './quote-access.js';

const STATE = { draft: 'Brouillon', submitted: 'Soumis', validated: 'Validé', sent: 'Envoyé', accepted: 'Accepté', refused: 'Refusé', expired: 'Expiré' } as const;

/**
 * The quotes list as a spreadsheet: the whole filtered set in the list's order, the state people
 * see ("Facturé" once nothing is left to invoice). Names go through `renderCsv`, which
 * neutralises a cell a spreadsheet would run as a formula.
 */
export async function exportQuotesCsv(db: Executor, viewer: Viewer, query: ExportQuotesQuery, today: string): Promise<{ fileName: string; csv: string }> {
  const rows = await quotesForExport(db, viewer, query, today);
  const csv = renderCsv(
    ['Numéro', 'État', 'Client', 'Activité', 'Valable jusqu’au', 'Total HT', 'TVA', 'Total TTC'],
    rows.map((r) => [r.number ?? 'Brouillon', r.fullyInvoiced ? 'Facturé' : STATE[r.state], r.clientName, r.activityName, frenchDate(r.validUntil), money(r.netCents), money(r.vatCents), money(r.grossCents)]),
  );
  return { fileName: `devis-${today}.csv`, csv };
}
