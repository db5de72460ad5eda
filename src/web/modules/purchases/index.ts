// The purchases module's front door: its pages for the route table, and the settings card.
export { default as PurchasesPage } from './PurchasesPage';
export { default as SupplierInvoicePage } from './SupplierInvoicePage';
export { ApiTokensCard } from './ApiTokensCard';
export { default as SuppliersPage } from './SuppliersPage';
export { default as SupplierPage } from './SupplierPage';
