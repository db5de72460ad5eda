import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { ChangeLabels } from './describe-audit-change';

/**
 * Names of audit actions ("member.created" → "Membre créé") and record types, with a link to
 * the record when it has a page. Actions the catalogue does not know yet show as recorded.
 */
export function useAuditLabels() {
  const { t, i18n } = useTranslation();
  const label = (key: string, fallback: string) => (i18n.exists(key) ? String(t(key as never)) : fallback);
  return {
    action: (action: string) => label(`audit.actions.${action}`, action),
    entity: (entityType: string) => label(`audit.entities.${entityType}`, entityType),
  };
}

/** The page of a record named in the audit log, when there is one. */
export function entityPath(entityType: string, entityId: string): string | null {
  switch (entityType) {
    case 'member':
      return `/members/${entityId}`;
    case 'activity':
      return `/activities/${entityId}`;
    case 'client':
      return `/clients/${entityId}`;
    case 'coop':
      return '/settings';
    case 'person':
      return '/people';
    case 'invoice':
      return `/invoices/${entityId}`;
    case 'quote':
      return `/quotes/${entityId}`;
    case 'payment':
    case 'payment_remittance':
      return '/payments';
    case 'bank_statement':
      return `/bank/statements/${entityId}`;
    case 'bank_statement_line':
      return '/bank';
    case 'job':
      return `/jobs/${entityId}`;
    // The same page serves the team and the member (each sees what is theirs).
    case 'advance':
    case 'loan':
      return '/advances';
    case 'expense_report':
      return `/expenses/${entityId}`;
    case 'expense_advance':
      return '/expenses';
    case 'member_invoice':
      return '/member-invoices';
    case 'supplier_invoice':
      return `/purchases/${entityId}`;
    default:
      return null;
  }
}

const LOCALES: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };

/** What `describeAuditChange` reads values with, in the UI's language, with the labels the server found. */
export function useChangeLabels(records: Record<string, string>): ChangeLabels {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const locale = LOCALES[format.lang] ?? LOCALES.fr;
    const known = (key: string) => (i18n.exists(key) ? String(t(key as never)) : null);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
    return {
      field: (key) => known(`audit.fields.${key}`),
      value: (_key, value) => (/^[a-z_]+$/.test(value) ? known(`audit.values.${value}`) : null),
      money: (cents) => format.money(cents),
      date: (iso) => format.date(iso),
      dateTime: (iso) => format.dateTime(iso),
      percent: (bp) => percent.format(bp / 10_000),
      quantity: (milli) => quantity.format(milli / 1000),
      // French puts a space before the colon; English does not.
      pair: (label, value) => (format.lang === 'fr' ? `${label}\u00a0: ${value}` : `${label}: ${value}`),
      yes: t('audit.yes'),
      no: t('audit.no'),
      none: '—',
      hidden: t('audit.hidden'),
      records,
    };
  }, [t, i18n, format, records]);
}
