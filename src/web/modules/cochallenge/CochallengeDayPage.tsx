import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { type MyDayData, useMyDay, useRecordPromise } from './use-cochallenge';

/**
 * The pair's phone on the day: its companies in order, the profiles to present at each with
 * their one-line pitch, and a big button per profile to record a promised meeting. The button
 * keeps working on a flaky connection (the key is made on the phone and retried).
 */
export default function CochallengeDayPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const day = useMyDay(id);
  const d = day.data;
  return (
    <Page title={t('cochallenge.day.title')}>
      {day.error && <ErrorAlert error={day.error} />}
      {d && d.pairNumber === null && <Alert color="gray">{t('cochallenge.day.notPitcher')}</Alert>}
      {d && d.pairNumber !== null && (
        <>
          <Text fw={600}>{t('cochallenge.day.pair', { number: d.pairNumber, partner: d.partnerName ?? '' })}</Text>
          {d.cochallenge.status !== 'live' && <Alert color="yellow">{t('cochallenge.day.notLive')}</Alert>}
          {d.meetings.map((m) => (
            <MeetingCard key={m.id} cochallengeId={id} meeting={m} live={d.cochallenge.status === 'live'} />
          ))}
        </>
      )}
    </Page>
  );
}

function MeetingCard({ cochallengeId, meeting, live }: { cochallengeId: string; meeting: MyDayData['meetings'][number]; live: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="day-meeting">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Title order={4}>{meeting.companyName}</Title>
          {meeting.companyAddress && (
            <Text size="sm" c="dimmed">
              {meeting.companyAddress}
            </Text>
          )}
        </Stack>
        <Badge size="lg" variant="light" style={{ flexShrink: 0 }}>
          {meeting.startsAt}
        </Badge>
      </Group>
      <Stack mt="sm" gap="sm">
        {meeting.profiles.map((p) => (
          <ProfileRow key={p.memberId} cochallengeId={cochallengeId} meetingId={meeting.id} profile={p} promised={meeting.promisedProfileIds.includes(p.memberId)} live={live} />
        ))}
      </Stack>
    </Card>
  );
}

function ProfileRow({ cochallengeId, meetingId, profile, promised, live }: { cochallengeId: string; meetingId: string; profile: MyDayData['meetings'][number]['profiles'][number]; promised: boolean; live: boolean }) {
  const { t } = useTranslation();
  const record = useRecordPromise(cochallengeId);
  const [done, setDone] = useState(false);
  const tap = () =>
    record.mutate(
      { meetingId, profileMemberId: profile.memberId },
      {
        onSuccess: () => {
          setDone(true);
          notifications.show({ color: 'teal', message: t('cochallenge.day.saved', { name: profile.name }) });
        },
      },
    );
  const isPromised = promised || done;
  return (
    <Stack gap={4} data-testid="day-profile">
      <Text fw={600}>
        {profile.name}
        {profile.trades.length > 0 && (
          <Text span c="dimmed" fw={400}>
            {' '}
            · {profile.trades.join(', ')}
          </Text>
        )}
      </Text>
      {profile.pitch && <Text size="sm">{profile.pitch}</Text>}
      <Button size="lg" fullWidth onClick={tap} loading={record.isPending} disabled={!live || isPromised} color={isPromised ? 'teal' : undefined} variant={isPromised ? 'light' : 'filled'} data-testid="day-promise">
        {isPromised ? t('cochallenge.day.promised') : t('cochallenge.day.promise')}
      </Button>
      {record.error && <ErrorAlert error={record.error} />}
    </Stack>
  );
}
