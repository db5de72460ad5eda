// What other modules and the composition root use of purchases (suppliers and their invoices).
export { purchasesRoutes, type PurchasesRoutesOptions } from './routes.js';
export { listPayables, markPaid } from './supplier-invoice-payables.js';
export { receiveSupplierInvoice } from './receive-supplier-invoice.js';
export { createSupplier } from './manage-suppliers.js';
export { approveSupplierInvoice, updateSupplierInvoice } from './decide-supplier-invoice.js';
export { SEND_LIFECYCLE_STATUS, sendLifecycleStatusJob, storageLifecycleConnector, type LifecycleConnector, type LifecycleStatusMessage } from './lifecycle-connector.js';
export { listSupplierInvoices } from './list-supplier-invoices.js';
