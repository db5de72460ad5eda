import { ActionIcon, Anchor, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../lib/format';
import { notificationTarget, useNotificationText } from './notification-text';
import { useNotifications, useReadAllNotifications, useReadNotification, useUnreadCount } from './use-notifications';

const LATEST = 8;

/** The header's bell: how many notifications are unread, the latest ones, and "mark all read". */
export function NotificationBell() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount().data?.unread ?? 0;
  const latest = useNotifications({ page: 1, pageSize: LATEST }, { enabled: opened });
  const read = useReadNotification();
  const readAll = useReadAllNotifications();
  const textOf = useNotificationText();

  const open = async (id: string, target: string) => {
    setOpened(false);
    await read.mutateAsync(id).catch(() => undefined);
    navigate(target);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" disabled={unread === 0} offset={4} data-testid="bell-count">
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
            data-testid="notification-bell"
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" maw="calc(100vw - 16px)">
        <Group justify="space-between" px="xs" pb="xs" wrap="nowrap">
          <Text fw={600} size="sm">{t('notifications.latest')}</Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={readAll.isPending} onClick={() => readAll.mutate()} data-testid="bell-read-all">
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={360}>
          <Stack gap={2}>
            {latest.data?.items.length === 0 && <Text size="sm" c="dimmed" px="xs">{t('notifications.none')}</Text>}
            {latest.data?.items.map((n) => (
              <UnstyledButton
                key={n.id}
                onClick={() => void open(n.id, notificationTarget(n))}
                p="xs"
                style={{ borderRadius: 'var(--mantine-radius-sm)', background: n.readAt ? undefined : 'var(--mantine-color-blue-light)' }}
                data-testid="bell-item"
                data-unread={n.readAt ? undefined : 'true'}
              >
                <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={2}>{textOf(n)}</Text>
                <Text size="xs" c="dimmed">
                  {fmt.dateTime(n.createdAt)}
                  {n.details.actorName ? ` · ${t('notifications.by', { name: n.details.actorName })}` : ''}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Anchor component={Link} to="/notifications" size="sm" display="block" ta="center" pt="xs" onClick={() => setOpened(false)} data-testid="bell-see-all">
          {t('notifications.seeAll')}
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}
