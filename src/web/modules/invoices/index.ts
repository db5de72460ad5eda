// The invoices module's front door: its pages for the route table, the activity balance shown
// on an activity, and its card and numbering preview on the coop settings page.
export { default as InvoiceDetailPage } from './InvoiceDetailPage';
export { default as InvoiceEditorPage } from './InvoiceEditorPage';
export { default as InvoicesPage } from './InvoicesPage';
export { InvoicingSettingsCard } from './InvoicingSettingsCard';
export { useNextInvoiceSequence } from './use-invoices';
export { ClientInvoicesCard } from './ClientInvoicesCard';
export { MemberMoneyCard } from './MemberMoneyCard';
