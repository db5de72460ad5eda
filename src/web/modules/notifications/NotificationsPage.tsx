import { Badge, Button, Card, Group, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MAIL_MODES, type MailMode } from '../../../modules/notifications/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListPager } from '../../components/ListPager';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useUrlFilters } from '../../lib/url-filters';
import { notificationTarget, useNotificationText } from './notification-text';
import { type NotificationData, useNotificationPreference, useNotifications, useReadAllNotifications, useReadNotification, useSetNotificationPreference } from './use-notifications';

const PAGE_SIZE = 25;

/** Every notification of the signed-in person, newest first, and how they want to be mailed. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { params, page, setFilter, setPage } = useUrlFilters();
  const unreadOnly = params.get('unread') === 'true';
  const list = useNotifications({ page, pageSize: PAGE_SIZE, unread: unreadOnly });
  const read = useReadNotification();
  const readAll = useReadAllNotifications();
  const textOf = useNotificationText();

  const columns: ListColumn<NotificationData>[] = [
    {
      key: 'what',
      header: t('notifications.columns.what'),
      phone: 'title',
      cell: (n) => (
        <Stack gap={0}>
          <Text size="sm" fw={n.readAt ? 400 : 600}>{textOf(n)}</Text>
          {n.details.actorName && <Text size="xs" c="dimmed">{t('notifications.by', { name: n.details.actorName })}</Text>}
        </Stack>
      ),
    },
    { key: 'when', header: t('notifications.columns.when'), nowrap: true, cell: (n) => fmt.dateTime(n.createdAt) },
    {
      key: 'status',
      header: t('notifications.columns.status'),
      phone: 'badge',
      cell: (n) => (n.readAt ? null : <Badge size="sm" variant="light">{t('notifications.unread')}</Badge>),
    },
  ];

  const open = async (n: NotificationData) => {
    await read.mutateAsync(n.id).catch(() => undefined);
    navigate(notificationTarget(n));
  };

  return (
    <Page
      title={t('notifications.title')}
      actions={
        <Button
          variant="default"
          leftSection={<IconChecks size={18} aria-hidden />}
          loading={readAll.isPending}
          onClick={() => readAll.mutate(undefined, { onSuccess: () => toasts.show({ color: 'teal', message: t('notifications.markedAllRead') }) })}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      <Stack gap="md">
        <Switch label={t('notifications.unreadOnly')} checked={unreadOnly} onChange={(e) => setFilter('unread', e.currentTarget.checked ? 'true' : null)} data-testid="notifications-unread-only" />
        <ListTable
          query={list}
          columns={columns}
          rowKey={(n) => n.id}
          rowTestId={() => 'notification-row'}
          onRowClick={(n) => void open(n)}
          empty={unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}
          minWidth={560}
        />
        <ListPager total={list.data?.total ?? 0} pageSize={PAGE_SIZE} page={page} onChange={setPage} label={t('common.pagination')} />
        <MailPreferenceCard />
      </Stack>
    </Page>
  );
}

/** How the person is mailed in this coop: the fan-out and the daily digest read it (notifications module). */
export function MailPreferenceCard() {
  const { t } = useTranslation();
  const preference = useNotificationPreference();
  const save = useSetNotificationPreference();
  return (
    <Card padding="lg" data-testid="notification-preference">
      <Stack gap="sm">
        <Title order={2} fz="h4">{t('notifications.preference.title')}</Title>
        <Text size="sm" c="dimmed">{t('notifications.preference.intro')}</Text>
        {preference.isError ? (
          <ErrorAlert error={preference.error} />
        ) : (
          <Radio.Group
            value={preference.data?.mailMode ?? null}
            onChange={(value) => save.mutate(value as MailMode, { onSuccess: () => toasts.show({ color: 'teal', message: t('notifications.preference.saved') }) })}
            aria-label={t('notifications.preference.title')}
          >
            <Group gap="md">
              {MAIL_MODES.map((mode) => (
                <Radio key={mode} value={mode} label={t(`notifications.preference.${mode}`)} disabled={preference.isPending || save.isPending} data-testid={`mail-mode-${mode}`} />
              ))}
            </Group>
          </Radio.Group>
        )}
        {save.isError && <ErrorAlert error={save.error} />}
      </Stack>
    </Card>
  );
}
