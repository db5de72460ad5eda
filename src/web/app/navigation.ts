import {
  IconBook2,
  IconBooks,
  IconMessageQuestion,
  IconCalendarShare,
  IconChartBar,
  IconBriefcase,
  IconAffiliate,
  IconAddressBook,
  IconId,
  IconArmchair,
  IconBuildingBank,
  IconBuildingStore,
  IconCalendarEvent,
  IconCash,
  IconCoins,
  IconFileDescription,
  IconHistory,
  IconReceipt2,
  IconReceiptTax,
  IconFileInvoice,
  IconLayoutDashboard,
  IconMailForward,
  IconMailExclamation,
  IconPigMoney,
  IconReceipt,
  IconReceiptEuro,
  IconScale,
  IconSettings,
  IconTrophy,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
  IconBulb,
  type Icon,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { Role } from '../lib/session';
import { ADMINS, BOOK_READERS, EVERYONE, MANAGERS, MEMBERS, READERS, TAX_READERS } from './access';

export interface NavEntry {
  /** Also the test id: `nav-<key>`. */
  key: string;
  to: string;
  label: string;
  icon: Icon;
  roles: Role[];
  section: 'main' | 'administration';
}

/**
 * The navigation for a set of roles. Members see the same activity and client routes as
 * advisors, named "my …": the API returns only their own rows.
 */
export function navigationFor(roles: readonly Role[], t: TFunction, membershipType: string | null = null, feesBilled = false): NavEntry[] {
  const manages = roles.some((role) => MANAGERS.includes(role));
  // A member's own salary exists only for an entrepreneur-salarié (employed by the coop); an
  // independent invoices the coop instead. Staff and the accountant see the coop's lists of both.
  const offersSalary = membershipType === 'entrepreneur_salarie';
  const invoicesTheCoop = membershipType === 'independent';
  // The accountant reads the whole coop's invoices: the list is not "mine".
  const seesAll = manages || roles.includes('accountant');
  const entries: NavEntry[] = [
    { key: 'dashboard', to: '/', label: t('nav.dashboard'), icon: IconLayoutDashboard, roles: READERS, section: 'main' },
    { key: 'members', to: '/members', label: t('nav.members'), icon: IconUsers, roles: MANAGERS, section: 'main' },
    {
      key: 'activities',
      to: '/activities',
      label: manages ? t('nav.activities') : t('nav.myActivities'),
      icon: IconBriefcase,
      roles: EVERYONE,
      section: 'main',
    },
    {
      key: 'clients',
      to: '/clients',
      label: manages ? t('nav.clients') : t('nav.myClients'),
      icon: IconUsersGroup,
      roles: EVERYONE,
      section: 'main',
    },
    {
      key: 'invoices',
      to: '/invoices',
      label: seesAll ? t('invoices.nav.invoices') : t('invoices.nav.myInvoices'),
      icon: IconFileInvoice,
      roles: READERS,
      section: 'main',
    },
    { key: 'jobs', to: '/jobs', label: seesAll ? t('jobs.nav') : t('jobs.myNav'), icon: IconAffiliate, roles: READERS, section: 'main' },
    { key: 'quotes', to: '/quotes', label: manages ? t('quotes.nav') : t('quotes.myNav'), icon: IconFileDescription, roles: EVERYONE, section: 'main' },
    { key: 'ledger-trial-balance', to: '/ledger/trial-balance', label: t('ledger.nav.trialBalance'), icon: IconScale, roles: BOOK_READERS, section: 'main' },
    { key: 'ledger-general-ledger', to: '/ledger/general-ledger', label: t('ledger.nav.generalLedger'), icon: IconBook2, roles: BOOK_READERS, section: 'main' },
    { key: 'vat', to: '/vat', label: t('vat.nav'), icon: IconReceiptTax, roles: TAX_READERS, section: 'main' },
    { key: 'treasury', to: '/treasury', label: t('treasury.nav'), icon: IconCoins, roles: BOOK_READERS, section: 'main' },
    { key: 'payments', to: '/payments', label: t('payments.nav'), icon: IconCash, roles: BOOK_READERS, section: 'main' },
    { key: 'bank', to: '/bank', label: t('bank.nav'), icon: IconBuildingBank, roles: BOOK_READERS, section: 'main' },
    {
      key: 'member-invoices',
      to: '/member-invoices',
      label: seesAll ? t('independents.nav') : t('independents.myNav'),
      icon: IconReceipt,
      roles: READERS,
      section: 'main',
    },
    { key: 'expenses', to: '/expenses', label: seesAll ? t('expenses.nav') : t('expenses.myNav'), icon: IconReceiptEuro, roles: READERS, section: 'main' },
    { key: 'purchases', to: '/purchases', label: seesAll ? t('purchases.nav') : t('purchases.myNav'), icon: IconReceipt, roles: READERS, section: 'main' },
    { key: 'suppliers', to: '/purchases/suppliers', label: t('suppliers.nav'), icon: IconBuildingStore, roles: BOOK_READERS, section: 'main' },
    { key: 'payouts', to: '/payouts', label: t('payouts.nav'), icon: IconCash, roles: BOOK_READERS, section: 'main' },
    { key: 'fees', to: '/fees', label: seesAll ? t('fees.nav') : t('fees.myNav'), icon: IconReceipt, roles: READERS, section: 'main' },
    { key: 'dunning', to: '/dunning', label: t('dunning.nav'), icon: IconMailExclamation, roles: MANAGERS, section: 'main' },
    { key: 'salary', to: '/salary', label: t('salaries.myNav'), icon: IconReceipt2, roles: MEMBERS, section: 'main' },
    { key: 'salaries', to: '/salaries', label: t('salaries.nav'), icon: IconReceipt2, roles: BOOK_READERS, section: 'main' },
    { key: 'advances', to: '/advances', label: seesAll ? t('advances.nav') : t('advances.myNav'), icon: IconPigMoney, roles: READERS, section: 'main' },
    { key: 'resources', to: '/resources', label: t('resources.nav'), icon: IconBuildingStore, roles: READERS, section: 'main' },
    { key: 'plans', to: '/plans', label: seesAll ? t('plans.nav') : t('plans.myNav'), icon: IconArmchair, roles: READERS, section: 'main' },
    { key: 'resources-mine', to: '/resources/mine', label: t('resourceOps.myNav'), icon: IconCalendarShare, roles: MEMBERS, section: 'main' },
    { key: 'resources-occupancy', to: '/resources/occupancy', label: t('resourceOps.occupancyNav'), icon: IconChartBar, roles: BOOK_READERS, section: 'main' },
    { key: 'directory', to: '/directory', label: t('directory.nav'), icon: IconAddressBook, roles: EVERYONE, section: 'main' },
    { key: 'directory-me', to: '/directory/me', label: t('directory.myNav'), icon: IconId, roles: MEMBERS, section: 'main' },
    { key: 'events', to: '/events', label: t('events.nav'), icon: IconCalendarEvent, roles: EVERYONE, section: 'main' },
    { key: 'workclubs', to: '/workclubs', label: t('workclubs.nav'), icon: IconBulb, roles: EVERYONE, section: 'main' },
    { key: 'cochallenge', to: '/cochallenge', label: t('cochallenge.nav'), icon: IconTrophy, roles: EVERYONE, section: 'main' },
    { key: 'knowledge', to: '/knowledge', label: t('knowledge.nav'), icon: IconBooks, roles: READERS, section: 'main' },
    { key: 'questions', to: '/knowledge/questions', label: t('knowledge.qaNav'), icon: IconMessageQuestion, roles: READERS, section: 'main' },
    { key: 'me', to: '/me', label: t('nav.myProfile'), icon: IconUserCircle, roles: MEMBERS, section: 'main' },
    { key: 'people', to: '/people', label: t('nav.people'), icon: IconUsers, roles: ADMINS, section: 'administration' },
    { key: 'settings', to: '/settings', label: t('nav.settings'), icon: IconSettings, roles: ADMINS, section: 'administration' },
    { key: 'audit', to: '/audit', label: t('nav.audit'), icon: IconHistory, roles: ADMINS, section: 'administration' },
    { key: 'outbox', to: '/outbox', label: t('nav.outbox'), icon: IconMailForward, roles: ADMINS, section: 'administration' },
  ];
  return entries.filter((entry) => {
    if (!entry.roles.some((role) => roles.includes(role))) return false;
    if (entry.key === 'salary') return offersSalary;
    if (entry.key === 'member-invoices' && !seesAll) return invoicesTheCoop;
    // A member's own fees exist only if the coop bills their kind of membership (or billed them
    // before): an entrepreneur-salarié who is never billed would find an empty page.
    if (entry.key === 'fees' && !seesAll) return feesBilled;
    return true;
  });
}

/** Whether `pathname` is inside the section reached by `to` ("/" only matches itself). */
export function isActivePath(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}
