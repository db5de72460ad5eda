import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { GroupPanel } from './GroupPanel';
import { StaffWorkclubs } from './StaffWorkclubs';
import { type SeasonData, useApply, useCurrentWorkclub, useGroup, useMemberGroupActions, useWithdraw } from './use-workclubs';

/** The workclubs page: the team runs seasons; a member applies and works in their group. */
export default function WorkclubsPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  return <Page title={t('workclubs.title')}>{hasRole('admin', 'staff') ? <StaffWorkclubs /> : <MemberWorkclubs />}</Page>;
}

export function SeasonHeader({ season }: { season: SeasonData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Title order={3} data-testid="workclub-season-name">
          {season.name}
        </Title>
        <Badge variant="light" color={season.status === 'open' ? 'teal' : season.status === 'running' ? 'blue' : 'gray'} data-testid="workclub-season-status">
          {t(`workclubs.season.status.${season.status}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('workclubs.season.applications', { open: fmt.date(season.applicationsOpenOn), close: fmt.date(season.applicationsCloseOn) })} · {t('workclubs.season.dates', { start: fmt.date(season.startsOn), end: fmt.date(season.endsOn) })}
      </Text>
    </Stack>
  );
}

function MemberWorkclubs() {
  const { t } = useTranslation();
  const current = useCurrentWorkclub();
  if (current.isError) return <ErrorAlert error={current.error} />;
  if (!current.data) return <SectionLoader />;
  const { season, application, groupId, canApply } = current.data;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('workclubs.intro')}
      </Text>
      {!season ? (
        <Alert variant="light" data-testid="workclub-no-season">
          {t('workclubs.noSeason')}
        </Alert>
      ) : (
        <>
          <Card withBorder padding="md">
            <SeasonHeader season={season} />
          </Card>
          {groupId ? <MyGroup groupId={groupId} /> : canApply ? <ApplyCard season={season} application={application} /> : <Alert variant="light">{t('workclubs.apply.staffOnly')}</Alert>}
        </>
      )}
    </Stack>
  );
}

function MyGroup({ groupId }: { groupId: string }) {
  const group = useGroup(groupId);
  const actions = useMemberGroupActions(groupId);
  if (group.isError) return <ErrorAlert error={group.error} />;
  if (!group.data) return <SectionLoader />;
  return <GroupPanel group={group.data} actions={actions} />;
}

type CurrentData = NonNullable<ReturnType<typeof useCurrentWorkclub>['data']>;

function ApplyCard({ season, application }: { season: SeasonData; application: CurrentData['application'] }) {
  const { t } = useTranslation();
  const apply = useApply();
  const withdraw = useWithdraw();
  const [title, setTitle] = useState(application?.projectTitle ?? '');
  const [description, setDescription] = useState(application?.projectDescription ?? '');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setTitle(application?.projectTitle ?? '');
    setDescription(application?.projectDescription ?? '');
  }, [application?.projectTitle, application?.projectDescription]);
  const open = season.status === 'open';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    apply.mutate({ seasonId: season.id, projectTitle: title, projectDescription: description }, { onSuccess: () => notifications.show({ color: 'teal', message: t('workclubs.apply.done') }), onError: setError });
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={4}>{t('workclubs.apply.title')}</Title>
            {application && (
              <Badge variant="light" color={application.status === 'withdrawn' ? 'gray' : 'teal'} data-testid="workclub-application-status">
                {t(`workclubs.apply.status.${application.status}`)}
              </Badge>
            )}
          </Group>
          {!open && <Alert variant="light">{t('workclubs.apply.closed')}</Alert>}
          <TextInput label={t('workclubs.apply.projectTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={160} required disabled={!open} data-testid="workclub-project-title" />
          <Textarea label={t('workclubs.apply.projectDescription')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={3} maxLength={4000} required disabled={!open} data-testid="workclub-project-description" />
          <ErrorAlert error={error} />
          {open && (
            <Group gap="sm" wrap="wrap">
              <Button type="submit" loading={apply.isPending} data-testid="workclub-apply">
                {application && application.status !== 'withdrawn' ? t('workclubs.apply.update') : t('workclubs.apply.submit')}
              </Button>
              {application?.status === 'submitted' && (
                <Button variant="subtle" color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate(season.id, { onSuccess: () => notifications.show({ message: t('workclubs.apply.withdrawn') }), onError: setError })} data-testid="workclub-withdraw">
                  {t('workclubs.apply.withdraw')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
