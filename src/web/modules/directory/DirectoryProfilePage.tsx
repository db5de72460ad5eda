import { Anchor, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { useSession } from '../../lib/session';
import { ProfileDetails } from './ProfileDetails';
import { PhotoEditor, PortfolioEditor } from './ProfileFilesEditor';
import { useDirectoryProfile } from './use-directory';

/** One member's profile, as far as the viewer may see it. */
export default function DirectoryProfilePage() {
  const { t } = useTranslation();
  const { memberId = '' } = useParams();
  const profile = useDirectoryProfile(memberId);
  const { hasRole } = useSession();
  return (
    <Page title={profile.data ? t('directory.profile.title', { name: profile.data.name }) : t('directory.title')}>
      <Anchor component={Link} to="/directory" size="sm">
        ← {t('directory.profile.back')}
      </Anchor>
      {profile.error && <ErrorAlert error={profile.error} />}
      {profile.isPending && <FullPageLoader />}
      {profile.data && <ProfileDetails profile={profile.data} />}
      {/* The team may put a member's photo or files on her profile for her (she asked them to). */}
      {profile.data && hasRole('admin', 'staff') && (
        <Card withBorder>
          <Stack gap="lg">
            <Text fw={600}>{t('directory.files.staffTitle')}</Text>
            <PhotoEditor profile={profile.data} />
            <PortfolioEditor profile={profile.data} />
          </Stack>
        </Card>
      )}
    </Page>
  );
}
