import { Anchor, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { useSession } from '../../lib/session';
import { GroupPanel } from './GroupPanel';
import { MoveSessionModal } from './MoveSessionModal';
import { parisWallTimeToIso } from '../../lib/paris-time';
import { type GroupData, useCloseGroup, useGroup, useMemberGroupActions, useMoveParticipant, useScheduleSession } from './use-workclubs';

/** A group's page: the team schedules, moves and closes; a participant works in it. */
export default function WorkclubGroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff');
  const group = useGroup(id);
  const actions = useMemberGroupActions(id);
  const [moving, setMoving] = useState<GroupData['sessions'][number] | null>(null);
  return (
    <Page title={group.data ? t('workclubs.group.title', { name: group.data.name }) : t('workclubs.title')}>
      <Stack gap="md">
        <Anchor component={Link} to="/workclubs" size="sm">
          {t('workclubs.staff.back')}
        </Anchor>
        {group.isError ? (
          <ErrorAlert error={group.error} />
        ) : !group.data ? (
          <SectionLoader />
        ) : (
          <>
            <GroupPanel group={group.data} actions={team ? null : actions} onMoveSession={team ? setMoving : undefined} />
            {moving && <MoveSessionModal session={moving} onClose={() => setMoving(null)} />}
            {team && group.data.status === 'active' && <StaffTools group={group.data} />}
          </>
        )}
      </Stack>
    </Page>
  );
}

function StaffTools({ group }: { group: GroupData }) {
  return (
    <Stack gap="md">
      <ScheduleForm group={group} />
      {group.otherGroups.length > 0 && <MoveForm group={group} />}
      <CloseForm group={group} />
    </Stack>
  );
}

function ScheduleForm({ group }: { group: GroupData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const schedule = useScheduleSession();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({ initialValues: { startsAt: '', durationMinutes: 120 as number | '', place: '' } });
  const submit = form.onSubmit((v) => {
    setProblem(null);
    // Typed as Paris time (the coop's rooms); the API takes an instant. An unreadable time
    // goes as '' and an empty length as NaN, so that the server names the field.
    const body = { startsAt: parisWallTimeToIso(v.startsAt), durationMinutes: v.durationMinutes === '' ? Number.NaN : v.durationMinutes, place: v.place };
    schedule.mutate(
      { groupId: group.id, ...body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('workclubs.staff.scheduled') });
          form.setFieldValue('startsAt', '');
        },
        onError: (err) => setProblem(applyApiError(form, err)),
      },
    );
  });
  return (
    <Card withBorder padding="md">
      <Title order={4} mb={4}>
        {t('workclubs.staff.schedule')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('workclubs.staff.suggested', { dates: group.proposedDates.map((d) => `${fmt.date(d.date)} (${t(`workclubs.staff.kind.${d.kind}`)})`).join(', ') })}
      </Text>
      <form onSubmit={submit} noValidate data-testid="workclub-schedule-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateTimeField label={t('workclubs.staff.startsAt')} required {...form.getInputProps('startsAt')} data-testid="workclub-session-starts" />
            <NumberInput label={t('workclubs.staff.duration')} min={15} max={480} step={15} allowDecimal={false} {...form.getInputProps('durationMinutes')} data-testid="workclub-session-duration" />
            <TextInput label={t('workclubs.staff.place')} required maxLength={300} {...form.getInputProps('place')} data-testid="workclub-session-place" />
          </SimpleGrid>
          <ErrorAlert>{problem}</ErrorAlert>
          <Group>
            <Button type="submit" loading={schedule.isPending} data-testid="workclub-session-schedule">
              {t('workclubs.staff.schedule')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function MoveForm({ group }: { group: GroupData }) {
  const { t } = useTranslation();
  const move = useMoveParticipant();
  const [participantId, setParticipantId] = useState<string | null>(null);
  const [toGroupId, setToGroupId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <Card withBorder padding="md">
      <Title order={4} mb="sm">
        {t('workclubs.staff.move')}
      </Title>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Select label={t('workclubs.group.people')} data={group.participants.map((p) => ({ value: p.id, label: p.name }))} value={participantId} onChange={setParticipantId} w={220} />
        <Select label={t('workclubs.staff.moveTo')} data={group.otherGroups.map((g) => ({ value: g.id, label: t('workclubs.group.title', { name: g.name }) }))} value={toGroupId} onChange={setToGroupId} w={180} />
        <Button
          disabled={!participantId || !toGroupId}
          loading={move.isPending}
          onClick={() => {
            setError(null);
            move.mutate({ groupId: group.id, participantId: participantId!, toGroupId: toGroupId! }, { onSuccess: () => { notifications.show({ color: 'teal', message: t('workclubs.staff.moved') }); setParticipantId(null); }, onError: setError });
          }}
        >
          {t('workclubs.staff.move')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
    </Card>
  );
}

/** The review form: one review per project, all written before the group closes. */
function CloseForm({ group }: { group: GroupData }) {
  const { t } = useTranslation();
  const close = useCloseGroup();
  const [reviews, setReviews] = useState<Record<string, { achieved: string; rating: string | null }>>({});
  const [error, setError] = useState<unknown>(null);
  const of = (id: string) => reviews[id] ?? { achieved: '', rating: null };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    close.mutate(
      { groupId: group.id, reviews: group.participants.map((p) => ({ participantId: p.id, achieved: of(p.id).achieved, rating: Number(of(p.id).rating ?? 0) })) },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('workclubs.staff.closed') }), onError: setError },
    );
  };
  return (
    <Card withBorder padding="md">
      <Title order={4} mb={4}>
        {t('workclubs.staff.close')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('workclubs.staff.closeIntro')}
      </Text>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {group.participants.map((p, i) => (
            <Group key={p.id} align="flex-end" wrap="wrap" gap="sm" data-testid="workclub-review-row">
              <Textarea style={{ flex: 1, minWidth: 220 }} label={`${p.name} — ${p.projectTitle}`} value={of(p.id).achieved} onChange={(e) => setReviews({ ...reviews, [p.id]: { ...of(p.id), achieved: e.currentTarget.value } })} autosize minRows={1} maxLength={4000} required data-testid={`workclub-review-achieved-${i}`} />
              <Select label={t('workclubs.staff.ratingLabel')} data={['1', '2', '3', '4', '5']} value={of(p.id).rating} onChange={(v) => setReviews({ ...reviews, [p.id]: { ...of(p.id), rating: v } })} w={90} required data-testid={`workclub-review-rating-${i}`} />
            </Group>
          ))}
          <ErrorAlert error={error} />
          <Group>
            <Button type="submit" color="grape" loading={close.isPending} data-testid="workclub-close-group">
              {t('workclubs.staff.close')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
