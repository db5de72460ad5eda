import type { Executor } from '../../platform/db/client.js';
import { centsToFrenchDecimal as money, frenchDate, renderCsv } from '../ledger/index.js';
import type { Viewer } from '../activities/index.js';
import { amountLeftCents, type ExportInvoicesQuery } from './contract.js';
import { invoicesForExport } from './list-invoices.js';

const KIND = { invoice: 'Facture', deposit: "Facture d'acompte", credit_note: 'Avoir' } as const;
const STATUS = { draft: 'Brouillon', validated: 'Validée', sent: 'Envoyée', partially_paid: 'Partiellement payée', paid: 'Payée' } as const;

/**
 * The invoices list as a spreadsheet: the whole filtered set in the list's order, amounts as
 * French decimals, a credit note negative, paid and left only on issued invoices (as on screen).
 * Names go through `renderCsv`, which neutralises a cell a spreadsheet would run as a formula.
 */
export async function exportInvoicesCsv(db: Executor, viewer: Viewer, query: ExportInvoicesQuery, today: string): Promise<{ fileName: string; csv: string }> {
  const rows = await invoicesForExport(db, viewer, query, today);
  const csv = renderCsv(
    ['Numéro', 'Type', 'Statut', 'Client', 'Activité', 'Date', 'Échéance', 'Total HT', 'TVA', 'Total TTC', 'Payé', 'Reste à payer'],
    rows.map((r) => {
      const credit = r.kind === 'credit_note';
      const issued = !credit && r.status !== 'draft';
      const sign = credit ? -1 : 1;
      return [
        r.number ?? 'Brouillon',
        KIND[r.kind],
        STATUS[r.status],
        r.clientName,
        `${r.activityCode} ${r.activityName}`.trim(),
        r.issueDate ? frenchDate(r.issueDate) : '',
        r.dueDate ? frenchDate(r.dueDate) : '',
        money(sign * r.netCents),
        money(sign * r.vatCents),
        money(sign * r.grossCents),
        issued ? money(r.paidCents) : '',
        issued ? money(amountLeftCents(r)) : '',
      ];
    }),
  );
  return { fileName: `factures-${today}.csv`, csv };
}
