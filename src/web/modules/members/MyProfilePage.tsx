import { Alert, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { DocumentsPanel } from './DocumentsPanel';
import { useMemberLabels } from './labels';
import { MemberProfileForm } from './MemberProfileForm';
import { MemberStatusBadge } from './MemberStatusBadge';
import { useMyMember } from './use-members';

/** A member's own file: status and advisor to read, contact details and documents to keep up to date. */
export default function MyProfilePage() {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const format = useFormat();
  const me = useMyMember();

  if (me.isPending) return <SectionLoader />;
  if (me.isError) {
    return (
      <Page title={t('members.myProfileTitle')}>
        {isApiError(me.error) && me.error.status === 404 ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
            {t('members.me.noRecord')}
          </Alert>
        ) : (
          <ErrorAlert error={me.error} />
        )}
      </Page>
    );
  }
  const member = me.data;

  return (
    <Page title={t('members.myProfileTitle')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Card withBorder padding="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('members.me.status')}
          </Text>
          <Group gap="xs" mt={6}>
            <MemberStatusBadge status={member.status} />
            <Text size="sm" c="dimmed">
              {t('members.me.since', { date: format.date(member.statusSince) })}
            </Text>
          </Group>
        </Card>
        <Card withBorder padding="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('members.me.type')}
          </Text>
          <Text mt={6}>{labels.type(member.membershipType)}</Text>
        </Card>
        <Card withBorder padding="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('members.me.advisor')}
          </Text>
          <Text mt={6} data-testid="my-advisor">
            {member.advisorName ?? t('members.me.noAdvisor')}
          </Text>
        </Card>
      </SimpleGrid>

      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {member.firstName} {member.lastName}
          </Title>
          <Text size="sm" c="dimmed">
            {member.email} · {t('members.me.locked')}
          </Text>
          <MemberProfileForm key={member.updatedAt} member={member} mode="self" />
        </Stack>
      </Card>

      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('members.documents.tab')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('members.me.documentsHint')}
          </Text>
          <DocumentsPanel memberId={member.id} documents={member.documents} mode="self" />
        </Stack>
      </Card>
    </Page>
  );
}
