import { en as activities } from '../modules/activities/i18n.en';
import { en as audit } from '../modules/audit/i18n.en';
import { en as auth } from '../modules/auth/i18n.en';
import { en as bank } from '../modules/bank/i18n.en';
import { en as clients } from '../modules/clients/i18n.en';
import { en as coop } from '../modules/coop/i18n.en';
import { en as contribution } from '../modules/contribution/i18n.en';
import { en as dashboard } from '../modules/dashboard/i18n.en';
import { en as documents } from '../modules/documents/i18n.en';
import { en as dunning } from '../modules/dunning/i18n.en';
import { en as advances } from '../modules/advances/i18n.en';
import { en as invoices } from '../modules/invoices/i18n.en';
import { en as ledger } from '../modules/ledger/i18n.en';
import { en as members } from '../modules/members/i18n.en';
import { en as outbox } from '../modules/outbox/i18n.en';
import { en as payments } from '../modules/payments/i18n.en';
import { en as people } from '../modules/people/i18n.en';
import { en as quotes } from '../modules/quotes/i18n.en';
import { en as jobs } from '../modules/jobs/i18n.en';
import { en as notifications } from '../modules/notifications/i18n.en';
import { en as salaries } from '../modules/salaries/i18n.en';
import { en as treasury } from '../modules/treasury/i18n.en';
import { en as independents } from '../modules/independents/i18n.en';
import { en as expenses } from '../modules/expenses/i18n.en';
import { en as vat } from '../modules/vat/i18n.en';
import { en as purchases, enSuppliers as suppliers } from '../modules/purchases/i18n.en';
import { en as payouts } from '../modules/payouts/i18n.en';
import { en as cochallenge } from '../modules/cochallenge/i18n.en';
import { en as fees } from '../modules/fees/i18n.en';
import { en as directory } from '../modules/directory/i18n.en';
import { en as knowledge } from '../modules/knowledge/i18n.en';
import { en as workclubs } from '../modules/workclubs/i18n.en';
import { en as events } from '../modules/events/i18n.en';
import { en as resources } from '../modules/resources/i18n.en';
import { en as plans } from '../modules/plans/i18n.en';
import { en as resourceOps } from '../modules/resource-ops/i18n.en';
import type { Catalogue } from './fr';

export const en: Catalogue = {
  common: {
    list: {
      sortBy: 'Sort by {{column}}',
      sortLabel: 'Sort',
      defaultOrder: 'Default order',
      exportCsv: 'Export (CSV)',
    },
    appName: 'Mutualise',
    pagination: 'List pages',
    loading: 'Loading…',
    retry: 'Try again',
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    back: 'Back',
    backHome: 'Back to home',
    togglePasswordVisibility: 'Show or hide the password',
    timeOfDay: 'Time',
    timePlaceholder: 'hh:mm',
    language: 'Language',
    languages: {
      fr: 'Français',
      en: 'English',
    },
    roles: {
      admin: 'Administrator',
      staff: 'Advisor',
      accountant: 'Accountant',
      member: 'Member',
    },
    forbidden: '403 — you cannot open this page',
    notFound: '404 — this page does not exist',
    errors: {
      title: 'Something went wrong',
      network: 'The server does not answer. Check your connection and try again.',
      unexpected: 'An unexpected error occurred. Please try again in a moment.',
      sessionUnavailable: 'Mutualise cannot be reached right now.',
    },
  },
  auth,
  nav: {
    main: 'Main navigation',
    toggle: 'Open or close the menu',
    dashboard: 'Dashboard',
    members: 'Members',
    activities: 'Activities',
    clients: 'Clients',
    myProfile: 'My profile',
    myActivities: 'My activities',
    myClients: 'My clients',
    people: 'People and access',
    settings: 'Settings',
    audit: 'Audit log',
    outbox: 'Outbox',
    administration: 'Administration',
    coopSwitcher: 'Switch cooperative',
    chooseCoop: {
      title: 'Choose a cooperative',
      intro: 'Your account has access to several structures. Which one do you want to open?',
      none: 'Your account has no access to any cooperative yet.',
    },
    coopSwitched: 'You are now working in {{coopName}}.',
  },
  dashboard,
  members,
  activities,
  clients,
  coop,
  people,
  audit,
  outbox,
  invoices,
  documents,
  dunning,
  advances,
  ledger,
  payments,
  bank,
  quotes,
  contribution,
  jobs,
  notifications,
  salaries,
  treasury,
  independents,
  expenses,
  vat,
  purchases,
  suppliers,
  payouts,
  cochallenge,
  fees,
  directory,
  knowledge,
  workclubs,
  events,
  resources,
  plans,
  resourceOps,
};
