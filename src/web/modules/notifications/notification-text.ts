import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { entityPath } from '../audit/pure';
import type { NotificationData } from './use-notifications';

/** The one line a notification reads as: what happened, to which document, for how much. */
export function useNotificationText() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (n: NotificationData): string => {
    const what = [n.details.label, n.details.amountCents !== null ? `(${fmt.money(n.details.amountCents)})` : null].filter(Boolean).join(' ');
    const key = `notifications.actions.${n.action}`;
    const text = i18n.exists(key) ? String(t(key as never, { what } as never)) : t('notifications.actions.other', { action: n.action, what });
    return text.replace(/\s+/g, ' ').replace(/\s+([:)])/g, '$1').trim();
  };
}

/** Where a notification leads: its document, or the list of notifications when it has no page. */
export function notificationTarget(n: Pick<NotificationData, 'entityType' | 'entityId'>): string {
  return entityPath(n.entityType, n.entityId) ?? '/notifications';
}
