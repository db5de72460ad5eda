import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRESS_STATUSES } from '../../../modules/workclubs/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { FRANCE_TIME_ZONE } from '../../../platform/calendar/contract';
import { PARIS_DATE_TIME } from '../../lib/paris-time';
import { groupCalendarUrl, type GroupActions, type GroupData } from './use-workclubs';

type ParticipantData = GroupData['participants'][number];
type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

const GOAL_COLORS = { open: 'blue', achieved: 'teal', dropped: 'gray' } as const;
const PROGRESS_COLORS = { on_track: 'blue', done: 'teal', blocked: 'red' } as const;

/**
 * A group as its participants see it: the people with their trades and projects, the
 * sessions, everyone's goals and reports (the others help with what they can see), and the
 * reader's own goals and reports to write while the group runs. Staff (`onMoveSession`) move a
 * coming session from its line.
 */
export function GroupPanel({ group, actions, calendar = true, onMoveSession }: { group: GroupData; actions: GroupActions | null; calendar?: boolean; onMoveSession?: (session: GroupData['sessions'][number]) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = group.participants.find((p) => p.id === group.me) ?? null;
  const writable = actions !== null && me !== null && group.status === 'active';
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} data-testid="workclub-group-title">
            {t('workclubs.group.title', { name: group.name })} · {group.season.name}
          </Title>
          <Badge color={group.status === 'active' ? 'blue' : 'gray'} variant="light" data-testid="workclub-group-status">
            {t(`workclubs.group.status.${group.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('workclubs.season.dates', { start: fmt.date(group.season.startsOn), end: fmt.date(group.season.endsOn) })}
        </Text>
      </Card>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {group.participants.map((p) => (
          <ParticipantCard key={p.id} participant={p} sessions={group.sessions} isMe={p.id === group.me} />
        ))}
      </SimpleGrid>

      <Card withBorder padding="md">
        <Group justify="space-between" wrap="wrap" mb="xs">
          <Title order={4}>{t('workclubs.group.sessions')}</Title>
          {calendar && group.sessions.length > 0 && (
            <Anchor href={groupCalendarUrl(group.id)} size="sm" data-testid="workclub-calendar">
              <Group gap={4} component="span">
                <IconCalendarPlus size={16} aria-hidden />
                {t('workclubs.group.calendar')}
              </Group>
            </Anchor>
          )}
        </Group>
        {group.sessions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('workclubs.group.noSessions')}
          </Text>
        ) : (
          <Stack gap={4} data-testid="workclub-sessions">
            {group.sessions.map((s) => (
              <Group key={s.id} justify="space-between" gap="xs" wrap="nowrap" data-testid="workclub-session">
                <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                  {fmt.date(s.startsAt, PARIS_DATE_TIME)} · {t('workclubs.group.minutes', { count: s.durationMinutes })} · {s.place}
                </Text>
                {onMoveSession && group.status === 'active' && new Date(s.startsAt) > new Date() && (
                  <Button size="compact-sm" variant="light" style={{ flexShrink: 0 }} onClick={() => onMoveSession(s)} data-testid="workclub-session-move">
                    {t('workclubs.staff.moveSession')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Card>

      {writable && me && <MyWork me={me} group={group} actions={actions} />}
    </Stack>
  );
}

function ParticipantCard({ participant: p, sessions, isMe }: { participant: ParticipantData; sessions: GroupData['sessions']; isMe: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder padding="md" data-testid="workclub-participant" bg={isMe ? 'var(--mantine-color-blue-light)' : undefined}>
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <Text fw={600}>{p.name}</Text>
          {p.external && (
            <Badge variant="outline" color="grape">
              {t('workclubs.group.external')} · {p.company}
            </Badge>
          )}
          {p.trades.map((trade) => (
            <Badge key={trade} variant="light" data-testid="workclub-trade">
              {trade}
            </Badge>
          ))}
        </Group>
        <Text size="sm" fw={500}>
          {p.projectTitle}
        </Text>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {p.projectDescription}
        </Text>
        <Text size="xs" fw={600} tt="uppercase" c="dimmed">
          {t('workclubs.group.goals')}
        </Text>
        {p.goals.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('workclubs.group.noGoals')}
          </Text>
        ) : (
          p.goals.map((g) => (
            <Group key={g.id} gap={6} wrap="nowrap" align="flex-start">
              <Badge size="sm" color={GOAL_COLORS[g.status]} variant="light" style={{ flexShrink: 0 }}>
                {t(`workclubs.group.goalStatus.${g.status}`)}
              </Badge>
              <Text size="sm">{g.text}</Text>
            </Group>
          ))
        )}
        {p.progress.map((r) => {
          const session = sessions.find((s) => s.id === r.sessionId);
          return (
            <Text size="sm" key={r.sessionId} data-testid="workclub-report">
              <Badge size="sm" color={PROGRESS_COLORS[r.status]} variant="dot" mr={6}>
                {session ? fmt.date(session.startsAt, { dateStyle: 'short', timeZone: FRANCE_TIME_ZONE }) : ''} · {t(`workclubs.group.progressStatus.${r.status}`)}
              </Badge>
              {r.report}
            </Text>
          );
        })}
        {p.review && (
          <Card withBorder padding="xs" data-testid="workclub-review">
            <Text size="sm" fw={600}>
              {t('workclubs.group.review')} · {t('workclubs.group.rating', { rating: p.review.rating })}
            </Text>
            <Text size="sm">{p.review.achieved}</Text>
          </Card>
        )}
      </Stack>
    </Card>
  );
}

function MyWork({ me, group, actions }: { me: ParticipantData; group: GroupData; actions: GroupActions }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [goal, setGoal] = useState('');
  const [sessionId, setSessionId] = useState<string | null>(group.sessions[0]?.id ?? null);
  const [status, setStatus] = useState<ProgressStatus>('on_track');
  const existing = me.progress.find((r) => r.sessionId === sessionId);
  const [report, setReport] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, done?: string) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
      if (done) notifications.show({ color: 'teal', message: done });
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const addGoal = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => actions.addGoal(goal))) setGoal('');
  };
  const saveReport = async (e: FormEvent) => {
    e.preventDefault();
    if (!sessionId) return;
    if (await run(() => actions.report({ sessionId, report: report || existing?.report || '', status }), t('workclubs.group.reportSaved'))) setReport('');
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Card withBorder padding="md">
        <Title order={4} mb="xs">
          {t('workclubs.group.myGoals')}
        </Title>
        <Stack gap="xs">
          {me.goals.map((g) => (
            <Group key={g.id} justify="space-between" wrap="wrap" gap={6}>
              <Text size="sm" style={{ flex: 1, minWidth: 160 }}>
                {g.text}
              </Text>
              <Group gap={4}>
                {g.status === 'open' ? (
                  <>
                    <Button size="compact-xs" variant="light" color="teal" onClick={() => run(() => actions.updateGoal(g.id, { status: 'achieved' }))} data-testid="workclub-goal-achieved">
                      {t('workclubs.group.markAchieved')}
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => run(() => actions.updateGoal(g.id, { status: 'dropped' }))}>
                      {t('workclubs.group.drop')}
                    </Button>
                  </>
                ) : (
                  <Button size="compact-xs" variant="subtle" onClick={() => run(() => actions.updateGoal(g.id, { status: 'open' }))}>
                    {t('workclubs.group.reopen')}
                  </Button>
                )}
              </Group>
            </Group>
          ))}
          <form onSubmit={addGoal}>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput style={{ flex: 1 }} label={t('workclubs.group.newGoal')} value={goal} onChange={(e) => setGoal(e.currentTarget.value)} maxLength={500} data-testid="workclub-goal-input" />
              <Button type="submit" loading={busy} disabled={!goal.trim()} data-testid="workclub-goal-add">
                {t('workclubs.group.addGoal')}
              </Button>
            </Group>
          </form>
        </Stack>
      </Card>
      {group.sessions.length > 0 && (
        <Card withBorder padding="md">
          <Title order={4} mb="xs">
            {t('workclubs.group.progress')}
          </Title>
          <form onSubmit={saveReport}>
            <Stack gap="xs">
              <Select
                label={t('workclubs.group.session')}
                data={group.sessions.map((s) => ({ value: s.id, label: fmt.date(s.startsAt, PARIS_DATE_TIME) }))}
                value={sessionId}
                onChange={setSessionId}
                allowDeselect={false}
                data-testid="workclub-progress-session"
              />
              <Textarea label={t('workclubs.group.report')} value={report} placeholder={existing?.report} onChange={(e) => setReport(e.currentTarget.value)} autosize minRows={2} maxLength={4000} data-testid="workclub-progress-report" />
              <Select
                label={t('workclubs.group.state')}
                data={PROGRESS_STATUSES.map((s) => ({ value: s, label: t(`workclubs.group.progressStatus.${s}`) }))}
                value={status}
                onChange={(v) => v && setStatus(v as ProgressStatus)}
                allowDeselect={false}
                data-testid="workclub-progress-status"
              />
              <Button type="submit" loading={busy} disabled={!report.trim() && !existing} data-testid="workclub-progress-save">
                {t('workclubs.group.saveReport')}
              </Button>
            </Stack>
          </form>
        </Card>
      )}
      <ErrorAlert error={error} />
    </SimpleGrid>
  );
}
