import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { centsToFrenchDecimal as money, frenchDate, renderCsv } from '../ledger/index.js';
import type { PaymentExportQuery } from './contract.js';
import { paymentsForExport } from './list-payments.js';

const MODE = { transfer: 'Virement', cheque: 'Chèque', card: 'Carte', cash: 'Espèces', direct_debit: 'Prélèvement' } as const;

/**
 * The payments list as a spreadsheet: the whole filtered set in the list's order, with the
 * invoices each settled. Names and references go through `renderCsv`, which neutralises a cell
 * a spreadsheet would run as a formula.
 */
export async function exportPaymentsCsv(db: Executor, actor: Actor, query: PaymentExportQuery, today: string): Promise<{ fileName: string; csv: string }> {
  const rows = await paymentsForExport(db, actor, query);
  const csv = renderCsv(
    ['Date', 'Client', 'Mode', 'Référence', 'Montant', 'Factures réglées', 'Avoir client', 'Rapproché'],
    rows.map((p) => [
      frenchDate(p.date),
      p.clientName,
      MODE[p.mode],
      p.reference,
      money(p.amountCents),
      p.allocations.map((a) => `${a.invoiceNumber} (${money(a.amountCents)})`).join(', '),
      money(p.creditCents),
      p.bankLineId ? 'Oui' : 'Non',
    ]),
  );
  return { fileName: `paiements-${today}.csv`, csv };
}
