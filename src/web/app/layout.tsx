import { AppShell, Burger, Button, Card, Divider, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { Brand } from '../components/Brand';
import { SectionLoader } from '../components/FullPageLoader';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { usePageTitle } from '../components/Page';
import { useRoleLabel } from '../lib/roles';
import { useSession } from '../lib/session';
import { CoopSwitcher, useSwitchCoop } from './coop-switcher';
import classes from './layout.module.css';
import { isActivePath, type NavEntry, navigationFor } from './navigation';
import { UserMenu } from './user-menu';
import { NotificationBell } from '../modules/notifications';

/** The signed-in frame: header, navigation (a drawer behind the burger on phones), page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { coop, roles, session } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below the `sm` breakpoint the folded navigation is only slid off-screen: make it inert so
  // keyboard and screen-reader users do not walk through links nobody can see.
  const phone = useMediaQuery('(max-width: 47.99em)');
  const { pathname } = useLocation();

  // On phones the navigation covers the page: fold it once a link has been followed.
  useEffect(close, [pathname, close]);

  const entries = navigationFor(roles, t, session.membershipType, session.feesBilled);
  const main = entries.filter((entry) => entry.section === 'main');
  const administration = entries.filter((entry) => entry.section === 'administration');

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: { sm: 232, lg: 264 }, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={opened}
              data-testid="nav-toggle"
            />
            <Link to="/" className={classes.brand} aria-label={t('nav.dashboard')}>
              <Brand hideNameOnPhone />
            </Link>
          </Group>
          <Group gap="xs" wrap="nowrap" miw={0}>
            <CoopSwitcher />
            <LanguageSwitch />
            {coop && <NotificationBell />}
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.main')} inert={phone && !opened}>
        {coop && (
          // The header has little room on phones: name the current coop here too.
          <Text hiddenFrom="sm" size="xs" c="dimmed" fw={600} px="sm" pb="xs" truncate>
            {coop.name}
          </Text>
        )}
        <AppShell.Section grow component={ScrollArea}>
          <NavList entries={main} pathname={pathname} />
          {administration.length > 0 && (
            <>
              <Divider
                my="sm"
                label={t('nav.administration')}
                labelPosition="left"
                styles={{ label: { textTransform: 'uppercase', letterSpacing: '0.04em' } }}
              />
              <NavList entries={administration} pathname={pathname} />
            </>
          )}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main className={classes.main}>
        {coop ? (
          <Suspense fallback={<SectionLoader />}>
            <Outlet />
          </Suspense>
        ) : (
          <ChooseCoop />
        )}
      </AppShell.Main>
    </AppShell>
  );
}

function NavList({ entries, pathname }: { entries: NavEntry[]; pathname: string }) {
  return entries.map((entry) => {
    const active = isActivePath(pathname, entry.to);
    return (
      <NavLink
        key={entry.key}
        component={Link}
        to={entry.to}
        label={entry.label}
        leftSection={<entry.icon size={18} stroke={1.7} aria-hidden />}
        active={active}
        aria-current={active ? 'page' : undefined}
        className={classes.navLink}
        data-testid={`nav-${entry.key}`}
      />
    );
  });
}

/** Shown when the account has no current coop: pick one (or learn there is none). */
function ChooseCoop() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { switchTo, pendingId } = useSwitchCoop();
  const roleLabel = useRoleLabel();
  usePageTitle(t('nav.chooseCoop.title'));

  return (
    <Card maw={520} mx="auto" mt="xl" padding="xl">
      <Stack gap="md">
        <Title order={1} fz="h3">
          {t('nav.chooseCoop.title')}
        </Title>
        {session.coops.length === 0 ? (
          <Text>{t('nav.chooseCoop.none')}</Text>
        ) : (
          <>
            <Text c="dimmed">{t('nav.chooseCoop.intro')}</Text>
            {session.coops.map((item) => (
              <Button
                key={item.id}
                variant="default"
                justify="space-between"
                h="auto"
                py="sm"
                loading={pendingId === item.id}
                onClick={() => void switchTo(item.id)}
                rightSection={
                  <Text span size="xs" c="dimmed">
                    {item.roles.map(roleLabel).join(', ')}
                  </Text>
                }
              >
                {item.name}
              </Button>
            ))}
          </>
        )}
      </Stack>
    </Card>
  );
}
