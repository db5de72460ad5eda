/**
 * The statuses of a received invoice, as the French e-invoicing reform names them (external
 * specifications of the reform, lifecycle statuses 200–213). On the buyer's side the coop sets
 * Reçue… (its own receipt), Approuvée (205), En litige (207), Refusée (210, one of the four
 * statuses every platform must transmit, with Déposée 200, Rejetée 213 and Encaissée 212, which
 * belong to the seller's side and its platform) and Paiement transmis (211): Encaissée is
 * the supplier's to declare once the money arrives.
 */
export const SUPPLIER_INVOICE_STATUSES = ['received', 'approved', 'refused', 'disputed', 'paid'] as const;
export type SupplierInvoiceStatus = (typeof SUPPLIER_INVOICE_STATUSES)[number];

export const LIFECYCLE_CODES: Record<SupplierInvoiceStatus, { code: number; label: string }> = {
  received: { code: 202, label: 'Reçue' },
  approved: { code: 205, label: 'Approuvée' },
  disputed: { code: 207, label: 'En litige' },
  refused: { code: 210, label: 'Refusée' },
  paid: { code: 211, label: 'Paiement transmis' },
};

const MOVES: Record<SupplierInvoiceStatus, readonly SupplierInvoiceStatus[]> = {
  // A disputed invoice is settled by approving or refusing it once the supplier answered.
  received: ['approved', 'refused', 'disputed'],
  disputed: ['approved', 'refused'],
  approved: ['paid'],
  refused: [],
  paid: [],
};

export const mayMoveSupplierInvoice = (from: SupplierInvoiceStatus, to: SupplierInvoiceStatus): boolean => MOVES[from].includes(to);
