import type { fr } from './i18n.fr';

// The payouts module's strings in English; same keys as i18n.fr.ts.
export const en: typeof fr = {
  nav: 'Transfers',
  title: 'Outgoing transfers',
  intro: 'Choose what the cooperative pays by SEPA transfer, build the batch and hand the file to the bank. Transfers are marked paid when the statement is imported.',
  payables: 'To pay',
  noPayables: 'Nothing to pay for now.',
  pick: 'Choose the payment to {{name}}',
  ibanMissing: 'IBAN missing',
  bankAccount: 'Account debited',
  executionDate: 'Execution date',
  build_one: 'Build the batch ({{count}} transfer, {{amount}})',
  build_other: 'Build the batch ({{count}} transfers, {{amount}})',
  built: 'Batch built.',
  batches: 'Transfer batches',
  noBatches: 'No batch.',
  download: 'Download the file',
  approve: 'Approve',
  waitsForSecond: 'Waiting for a second person’s approval: the file downloads only then.',
  cancel: 'Cancel the batch',
  byAndApproved: '{{by}}, approved by {{approver}}',
  sources: { expense_report: 'Expense report', supplier_invoice: 'Supplier invoice', member_invoice: 'Member invoice', salary: 'Net salary' },
  columns: { payee: 'Payee', source: 'Kind', reference: 'Reference', iban: 'IBAN', amount: 'Amount', executionDate: 'Execution', status: 'Status', count: 'Transfers', by: 'Built by', actions: 'Actions' },
  batchStatus: { cancelled: 'Cancelled', paid: 'Paid', awaitingApproval: 'To approve', ready: 'Sent ({{paid}}/{{count}} paid)' },
  settings: {
    title: 'Transfer settings',
    secondApproval: 'Transfers must be approved by a second person',
    painVersion: 'File version',
    painVersionHelp: 'pain.001.001.09 by default; some banks still ask for version 001.001.03.',
  },
};
