import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../lib/api';
import { useCurrentUser, useSession } from '../lib/session';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();

  const onLogout = async () => {
    try {
      await logout();
      navigate('/login', { replace: true });
    } catch (error) {
      notifications.show({
        color: 'red',
        message: isApiError(error) ? error.message : t('common.errors.unexpected'),
      });
    }
  };

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('auth.userMenu')} data-testid="user-menu">
          <Group gap={6} wrap="nowrap">
            <Avatar name={user.displayName || user.email} color="initials" size={32} radius="xl" />
            <Text size="sm" fw={500} truncate maw={160} visibleFrom="md">
              {user.displayName}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" truncate>
            {t('auth.signedInAs', { email: user.email })}
          </Text>
        </Menu.Label>
        <Menu.Item
          component={Link}
          to="/change-password"
          leftSection={<IconKey size={16} aria-hidden />}
          data-testid="menu-change-password"
        >
          {t('auth.changePassword.title')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => void onLogout()}
          data-testid="menu-logout"
        >
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
