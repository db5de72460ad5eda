import { Alert, Container, Stack } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import classes from '../../app/public-layout.module.css';
import { Brand } from '../../components/Brand';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { usePageTitle } from '../../components/Page';
import { isApiError } from '../../lib/api';
import { GroupPanel } from './GroupPanel';
import { useGuestGroup, useGuestGroupActions } from './use-workclubs';

/**
 * The page of a guest from a partner company, reached from the link in their invitation,
 * without an account: their group, their goals and reports. Outside the app's frame.
 */
export default function GuestWorkclubPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const guest = useGuestGroup(token);
  const actions = useGuestGroupActions(token);
  usePageTitle(t('workclubs.guest.pageTitle'));
  return (
    <div className={classes.root}>
      <header className={classes.top}>
        <Brand />
        <LanguageSwitch />
      </header>
      <Container size="lg" w="100%" pb="xl" px={{ base: 'xs', sm: 'md' }}>
        {guest.isError ? (
          isApiError(guest.error) && guest.error.status === 404 ? (
            <Alert color="orange" variant="light" icon={<IconLinkOff size={20} aria-hidden />} title={t('workclubs.guest.invalidTitle')} data-testid="workclub-guest-invalid">
              {t('workclubs.guest.invalidBody')}
            </Alert>
          ) : (
            <ErrorAlert error={guest.error} />
          )
        ) : !guest.data ? (
          <SectionLoader />
        ) : guest.data.group ? (
          <Stack gap="md">
            <GroupPanel group={guest.data.group} actions={actions} calendar={false} />
          </Stack>
        ) : (
          <Alert variant="light">{t('workclubs.guest.waiting')}</Alert>
        )}
      </Container>
    </div>
  );
}
