import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconSelector } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../lib/api';
import { useRoleLabel } from '../lib/roles';
import { useSession } from '../lib/session';
import classes from './layout.module.css';

/** Switches coops and lands on the dashboard: the page open may belong to the previous coop. */
export function useSwitchCoop() {
  const { t } = useTranslation();
  const { switchCoop } = useSession();
  const navigate = useNavigate();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const run = async (coopId: string) => {
    setPendingId(coopId);
    try {
      const next = await switchCoop(coopId);
      navigate('/');
      notifications.show({ color: 'teal', message: t('nav.coopSwitched', { coopName: next.coop?.name ?? '' }) });
    } catch (error) {
      notifications.show({
        color: 'red',
        message: isApiError(error) ? error.message : t('common.errors.unexpected'),
      });
    } finally {
      setPendingId(null);
    }
  };
  return { switchTo: run, pendingId };
}

/** Header menu to change the current coop; shown only to people with roles in several. */
export function CoopSwitcher() {
  const { t } = useTranslation();
  const { coop, session } = useSession();
  const roleLabel = useRoleLabel();
  const { switchTo, pendingId } = useSwitchCoop();

  if (session.coops.length < 2) {
    return coop ? (
      <Text size="sm" c="dimmed" truncate visibleFrom="sm" maw={240}>
        {coop.name}
      </Text>
    ) : null;
  }

  return (
    <Menu position="bottom-end" width={280} shadow="md" withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          size="compact-sm"
          className={classes.coopButton}
          rightSection={<IconSelector size={14} aria-hidden />}
          loading={pendingId !== null}
          title={coop?.name}
          data-testid="coop-switcher"
        >
          <Text span size="sm" fw={600} truncate>
            {coop?.name ?? t('nav.chooseCoop.title')}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('nav.coopSwitcher')}</Menu.Label>
        {session.coops.map((item) => {
          const current = item.id === coop?.id;
          return (
            <Menu.Item
              key={item.id}
              onClick={() => {
                if (!current) void switchTo(item.id);
              }}
              rightSection={current ? <IconCheck size={16} aria-hidden /> : null}
              aria-current={current ? 'true' : undefined}
              data-testid={`coop-option-${item.id}`}
            >
              <Text size="sm" fw={current ? 600 : 400}>
                {item.name}
              </Text>
              <Text size="xs" c="dimmed">
                {item.roles.map(roleLabel).join(', ')}
              </Text>
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
