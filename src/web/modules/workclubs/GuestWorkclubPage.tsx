import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { usePageTitle } from '../../components/Page';
import { LinkProblem, PublicPageFrame } from '../../components/PublicPage';
import { isApiError } from '../../lib/api';
import { GroupPanel } from './GroupPanel';
import { useGuestGroup, useGuestGroupActions } from './use-workclubs';

/**
 * The page of a guest from a partner company, reached from the link in their invitation,
 * without an account: their group, their goals and reports. A link whose access staff cut
 * says so and tells them to ask for a new invitation; any other dead link says it is invalid.
 */
export default function GuestWorkclubPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const guest = useGuestGroup(token);
  const actions = useGuestGroupActions(token);
  usePageTitle(t('workclubs.guest.pageTitle'));
  return (
    <PublicPageFrame>
      {guest.isError ? (
        isApiError(guest.error, 'LINK_REVOKED') ? (
          <LinkProblem title={t('workclubs.guest.revokedTitle')} testId="workclub-guest-revoked">
            {t('workclubs.guest.revokedBody')}
          </LinkProblem>
        ) : isApiError(guest.error) && guest.error.status === 404 ? (
          <LinkProblem title={t('workclubs.guest.invalidTitle')} testId="workclub-guest-invalid">
            {t('workclubs.guest.invalidBody')}
          </LinkProblem>
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
    </PublicPageFrame>
  );
}
