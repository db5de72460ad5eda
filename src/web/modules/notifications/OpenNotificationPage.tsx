import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { notificationTarget } from './notification-text';
import { useReadNotification } from './use-notifications';

/** Where a notification mail leads: the notification is marked read, then its document opens. */
export default function OpenNotificationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const read = useReadNotification();
  const asked = useRef(false);

  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    read.mutate(id, { onSuccess: (n) => navigate(notificationTarget(n), { replace: true }) });
  }, [id, navigate, read]);

  return <Page title={t('notifications.title')}>{read.isError ? <ErrorAlert error={read.error} /> : <SectionLoader />}</Page>;
}
