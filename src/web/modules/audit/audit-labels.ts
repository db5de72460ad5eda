import { useTranslation } from 'react-i18next';

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
    default:
      return null;
  }
}
