import { Anchor, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MemberStatus } from '../../../modules/members/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { DocumentsPanel } from './DocumentsPanel';
import { moveLabelOf, movesOf } from './lifecycle-ui';
import { MemberProfileCard } from './MemberProfileCard';
import { MemberProfileForm } from './MemberProfileForm';
import { MemberStatusBadge } from './MemberStatusBadge';
import { StatusTimeline } from './StatusTimeline';
import { TransitionModal } from './TransitionModal';
import { type MemberData, useMember } from './use-members';
import { MemberMoneyCard } from '../invoices';
import { IndependenceCard } from '../independents';

const KEY_DATES = ['supportStartDate', 'supportEndDate', 'employmentStartDate', 'associateSince', 'noticeDate', 'leavingDate'] as const;

/** A member's file for staff: profile, path through the coop with the moves allowed now, documents. */
export default function MemberDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const member = useMember(id);

  if (member.isPending) return <SectionLoader />;
  if (member.isError || !member.data) {
    return (
      <Page title={t('members.detailTitle')}>
        <ErrorAlert error={member.error} />
        <Anchor component={Link} to="/members">
          {t('common.back')}
        </Anchor>
      </Page>
    );
  }
  return <MemberFile member={member.data} />;
}

function MemberFile({ member }: { member: MemberData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState<MemberStatus | null>(null);
  const moves = movesOf(member);
  const keyDates = KEY_DATES.filter((key) => member[key]);

  return (
    <Page
      title={`${member.firstName} ${member.lastName}`}
      actions={
        <Button component={Link} to="/members" variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          {t('members.title')}
        </Button>
      }
    >
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group gap="sm" wrap="wrap">
            <MemberStatusBadge status={member.status} size="lg" />
            <Text size="sm" c="dimmed">
              {t('members.fields.statusSince')} {format.date(member.statusSince)}
            </Text>
          </Group>
          <Group gap="xs" wrap="wrap" role="group" aria-label={t('members.lifecycle.actionsLabel')}>
            {moves.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('members.lifecycle.noMove')}
              </Text>
            )}
            {moves.map((to) => (
              <Button
                key={to}
                size="xs"
                variant={to === 'leaving' || to === 'left' ? 'light' : 'filled'}
                color={to === 'leaving' || to === 'left' ? 'orange' : undefined}
                onClick={() => setMoving(to)}
                data-testid={`transition-${to}`}
              >
                {t(`members.lifecycle.moves.${moveLabelOf(member.status, to)}`)}
              </Button>
            ))}
          </Group>
        </Stack>
      </Card>

      <MemberMoneyCard memberId={member.id} />
      {member.membershipType === 'independent' && <IndependenceCard memberId={member.id} />}

      <Tabs defaultValue="profile" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="profile">{t('members.profile.tab')}</Tabs.Tab>
          <Tabs.Tab value="path">{t('members.lifecycle.tab')}</Tabs.Tab>
          <Tabs.Tab value="documents">
            {t('members.documents.tab')} ({member.documents.length})
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="profile" pt="md">
          <Card withBorder padding="md">
            {editing ? (
              <MemberProfileForm member={member} mode="staff" onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
            ) : (
              <Stack gap="md">
                <MemberProfileCard member={member} />
                <Group justify="flex-end">
                  <Button variant="light" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="profile-edit">
                    {t('members.profile.edit')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Card>
        </Tabs.Panel>

        <Tabs.Panel value="path" pt="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Card withBorder padding="md">
              <Title order={2} fz="h5" mb="sm">
                {t('members.lifecycle.history')}
              </Title>
              <StatusTimeline history={member.history} />
            </Card>
            {keyDates.length > 0 && (
              <Card withBorder padding="md">
                <Title order={2} fz="h5" mb="sm">
                  {t('members.lifecycle.keyDates')}
                </Title>
                <Stack gap={6}>
                  {keyDates.map((key) => (
                    <Group key={key} justify="space-between" gap="xs">
                      <Text size="sm" c="dimmed">
                        {t(`members.lifecycle.dates.${key}`)}
                      </Text>
                      <Text size="sm">{format.date(member[key] ?? '')}</Text>
                    </Group>
                  ))}
                </Stack>
              </Card>
            )}
          </SimpleGrid>
        </Tabs.Panel>

        <Tabs.Panel value="documents" pt="md">
          <DocumentsPanel memberId={member.id} documents={member.documents} mode="staff" />
        </Tabs.Panel>
      </Tabs>

      <TransitionModal member={member} to={moving} onClose={() => setMoving(null)} />
    </Page>
  );
}
