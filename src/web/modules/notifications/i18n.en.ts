import type { Translation } from '../../i18n/translation';
import type { fr } from './i18n.fr';

// The notifications module's strings in English: the same keys as i18n.fr.ts, checked by its type.
export const en: Translation<typeof fr> = {
  title: 'Notifications',
  bell: 'Notifications',
  bellUnread_one: '{{count}} unread notification',
  bellUnread_other: '{{count}} unread notifications',
  latest: 'Latest notifications',
  none: 'No notifications.',
  noneUnread: 'Nothing new.',
  seeAll: 'See all',
  markAllRead: 'Mark all read',
  markedAllRead: 'All your notifications are marked read.',
  unreadOnly: 'Unread only',
  unread: 'Unread',
  opening: 'Opening the notification…',
  columns: { what: 'What', when: 'When', status: 'Status' },
  by: 'by {{name}}',
  actions: {
    invoice: {
      submitted: 'Invoice {{what}} to validate',
      validated: 'Invoice {{what}} validated',
      sent_back: 'Invoice {{what}} sent back for correction',
      payment_applied: 'Payment received on invoice {{what}}',
    },
    quote: {
      submitted: 'Quote {{what}} to validate',
      validated: 'Quote {{what}} validated',
      sent_back: 'Quote {{what}} sent back for correction',
      accepted: 'Quote {{what}} accepted by the client',
      refused: 'Quote {{what}} refused by the client',
    },
    salary: {
      requested: 'Salary request {{what}} to validate',
      validated: 'Salary {{what}} validated',
      refused: 'Salary {{what}} refused',
    },
    advance: {
      requested: 'Advance request {{what}} to validate',
      approved: 'Advance {{what}} approved',
      refused: 'Advance {{what}} refused',
      paid: 'Advance {{what}} paid',
      settled: 'Advance {{what}} settled',
      written_off: 'Advance {{what}} written off',
    },
    expense_report: {
      submitted: 'Expense report {{what}} to validate',
      returned: 'Expense report {{what}} returned for changes',
      validated: 'Expense report {{what}} validated',
      paid: 'Expense report {{what}} refunded',
    },
    expense_advance: {
      paid: 'Expense advance {{what}} paid',
    },
    member_invoice: {
      received: 'Member invoice {{what}} received',
      paid: 'Member invoice {{what}} paid',
    },
    loan: {
      granted: 'Loan {{what}} granted',
    },
    commission: {
      posted: 'Deal bringer commission {{what}} received',
    },
    job: {
      created: 'You take part in job {{what}}',
    },
    member_fee: {
      billed: 'Membership fee {{what}} billed',
      returned: 'Direct debit of fee {{what}} returned',
    },
    independence: {
      threshold_crossed: 'Independence threshold crossed {{what}}',
    },
    bank_statement: {
      imported: 'Bank statement {{what}} imported: lines to reconcile',
    },
    other: '{{action}} {{what}}',
  },
  preference: {
    title: 'Receive by mail',
    intro: 'You are always told here, in the bell. Choose what you also receive by mail in this cooperative.',
    each: 'One mail per notification',
    daily: 'One digest a day (in the morning)',
    none: 'No mail',
    saved: 'Preference saved.',
  },
};
