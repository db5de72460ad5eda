import type { Translation } from '../../i18n/translation';
import type { fr } from './i18n.fr';

// The ledger module's strings in English: the same keys as i18n.fr.ts, checked by its type.
export const en: Translation<typeof fr> = {
  nav: {
    trialBalance: 'Trial balance',
    generalLedger: 'General ledger',
  },
  period: {
    from: 'From',
    to: 'To',
    reversed: 'The period ends before it starts.',
  },
  downloadCsv: 'Download (CSV)',
  total: 'Total',
  columns: {
    account: 'Account',
    label: 'Label',
    date: 'Date',
    journal: 'Journal',
    entryNumber: 'Entry no.',
    activity: 'Activity',
    debit: 'Debit',
    credit: 'Credit',
    debitBalance: 'Debit balance',
    creditBalance: 'Credit balance',
    balance: 'Balance',
    auxiliary: 'Auxiliary account',
    opening: 'Opening balance',
    closing: 'Closing balance',
  },
  exports: {
    title: 'Accounting exports',
    fiscalYear: 'Fiscal year',
    yearLabel: 'From {{from}} to {{to}}',
    separator: 'FEC separator',
    tab: 'Tab',
    pipe: 'Pipe (|)',
    fec: 'Download the FEC',
    hledger: 'hledger journal of the period',
  },
  trialBalance: {
    title: 'Trial balance',
    intro: 'Movements and balance of each account over the period, computed from the entries.',
    empty: 'No entry in this period.',
  },
  generalLedger: {
    title: 'General ledger',
    intro: 'Every entry line of the period, account by account, with the running balance.',
    account: 'Account',
    allAccounts: 'All accounts',
    activity: 'Activity',
    allActivities: 'All activities',
    accountsTitle: 'Balances by account',
    accountsEmpty: 'No account moved or opened with a balance.',
    openDocument: 'Open the document',
    empty: 'No line in this period.',
    pages: 'General ledger pages',
    count_one: '{{count}} line',
    count_other: '{{count}} lines',
  },
};
