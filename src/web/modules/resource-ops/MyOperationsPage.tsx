import { Badge, Button, Card, Code, FileInput, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendarShare, IconCamera } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import type { Wire } from '../../lib/wire';
import type { OpsBooking } from '../../../modules/resources/contract';
import { HandoverDetails } from './HandoverDetails';
import { useAddPhoto, useCheckIn, useCreateFeed, useFeeds, useMyOperations, useRecordHandover, useRevokeFeed } from './use-resource-ops';

const DESKS = ['hot_desk', 'dedicated_desk'];

/**
 * The phone page a member opens on arrival: « Je suis arrivé(e) » on today's desk, the van's
 * check-out and check-in with its mileage and photos, and the secret address of their calendar.
 */
export default function MyOperationsPage() {
  const { t } = useTranslation();
  const mine = useMyOperations();
  return (
    <Page title={t('resourceOps.myTitle')}>
      <Stack gap="md" maw={640}>
        {mine.isError && <ErrorAlert error={mine.error} />}
        {mine.data?.items.length === 0 && <Text c="dimmed">{t('resourceOps.empty')}</Text>}
        {mine.data?.items.map((b) => <BookingCard key={b.bookingId} booking={b} />)}
        <FeedCard />
      </Stack>
    </Page>
  );
}

function BookingCard({ booking: b }: { booking: Wire<OpsBooking> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const checkIn = useCheckIn();
  const now = Date.now();
  const current = now >= Date.parse(b.startsAt) - 30 * 60_000 && now < Date.parse(b.endsAt);
  const desk = DESKS.includes(b.resourceKind);
  // The site's wall-clock time, not the browser's zone: a 09:00 Paris desk reads 09:00 from anywhere.
  const siteTime = (iso: string) => fmt.date(iso, { dateStyle: 'short', timeStyle: 'short', timeZone: b.timeZone });
  return (
    <Card withBorder data-testid={`ops-booking-${b.bookingId}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{b.resourceName}</Text>
          <Text size="sm" c="dimmed">
            {b.siteName}
          </Text>
        </Group>
        <Text size="sm">
          {siteTime(b.startsAt)} → {siteTime(b.endsAt)}
        </Text>
        {desk &&
          (b.checkedInAt ? (
            <Badge color="teal" variant="light">
              {t('resourceOps.checkedIn', { time: siteTime(b.checkedInAt) })}
            </Badge>
          ) : (
            current &&
            b.status === 'confirmed' && (
              <Button
                size="lg"
                fullWidth
                loading={checkIn.isPending}
                onClick={() => checkIn.mutate(b.bookingId, { onSuccess: () => notifications.show({ color: 'teal', message: t('resourceOps.checkInDone') }) })}
              >
                {t('resourceOps.checkIn')}
              </Button>
            )
          ))}
        {checkIn.isError && <ErrorAlert error={checkIn.error} />}
        {!desk && <Handover booking={b} />}
      </Stack>
    </Card>
  );
}

function Handover({ booking: b }: { booking: Wire<OpsBooking> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const record = useRecordHandover();
  const addPhoto = useAddPhoto();
  const [photo, setPhoto] = useState<File | null>(null);
  const direction: 'out' | 'in' | null = !b.handedOutAt ? 'out' : !b.returnedAt ? 'in' : null;
  const form = useForm<{ mileageKm: number | string; fuelPercent: number | string; notes: string }>({ initialValues: { mileageKm: '', fuelPercent: '', notes: '' } });
  const submit = form.onSubmit((values) => {
    if (!direction) return;
    const body = {
      direction,
      mileageKm: values.mileageKm === '' ? null : Number(values.mileageKm),
      fuelPercent: values.fuelPercent === '' ? null : Number(values.fuelPercent),
      notes: values.notes.trim() || null,
    };
    record.mutate(
      { bookingId: b.bookingId, body },
      {
        onSuccess: () => {
          // The photo joins the reading just recorded (the API takes it only once the reading exists).
          if (photo) addPhoto.mutate({ bookingId: b.bookingId, direction, file: photo });
          form.reset();
          setPhoto(null);
          notifications.show({ color: 'teal', message: t('resourceOps.saved') });
        },
        onError: (error) => applyApiError(form, error),
      },
    );
  });
  return (
    <Stack gap="xs">
      {/* What was recorded so far (readings, notes, photos), read back from the server once the van has left. */}
      {b.handedOutAt && <HandoverDetails bookingId={b.bookingId} timeZone={b.timeZone} />}
      {direction && b.status !== 'no_show' && (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Title order={3} fz="h5">
              {direction === 'out' ? t('resourceOps.takeOut') : t('resourceOps.bringBack')}
            </Title>
            <NumberInput label={t('resourceOps.mileage')} min={0} max={9_999_999} allowDecimal={false} inputMode="numeric" {...form.getInputProps('mileageKm')} />
            <NumberInput label={t('resourceOps.fuel')} min={0} max={100} allowDecimal={false} inputMode="numeric" {...form.getInputProps('fuelPercent')} />
            <Textarea label={t('resourceOps.notes')} placeholder={t('resourceOps.notesHint')} autosize minRows={2} {...form.getInputProps('notes')} />
            <FileInput label={t('resourceOps.photo')} leftSection={<IconCamera size={16} />} accept="image/*" capture="environment" value={photo} onChange={setPhoto} clearable />
            {record.isError && <ErrorAlert error={record.error} />}
            {addPhoto.isError && <ErrorAlert error={addPhoto.error} />}
            <Button type="submit" loading={record.isPending || addPhoto.isPending}>
              {t('resourceOps.save')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function FeedCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const feeds = useFeeds();
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const mine = feeds.data?.items.find((f) => f.memberId !== null);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group gap="xs">
          <IconCalendarShare size={20} />
          <Title order={2} fz="h4">
            {t('resourceOps.feeds.title')}
          </Title>
        </Group>
        <Text size="sm">{t('resourceOps.feeds.intro')}</Text>
        {create.data && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('resourceOps.feeds.copy')}
            </Text>
            <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="feed-url">
              {create.data.url}
            </Code>
          </Stack>
        )}
        <Text size="sm" c="dimmed">
          {mine ? t('resourceOps.feeds.active', { date: fmt.date(mine.createdAt) }) : t('resourceOps.feeds.none')}
        </Text>
        {(create.isError || revoke.isError) && <ErrorAlert error={create.error ?? revoke.error} />}
        <Group gap="xs" wrap="wrap">
          <Button variant="light" py={6} styles={{ root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal' } }} loading={create.isPending} onClick={() => create.mutate({})}>
            {mine ? t('resourceOps.feeds.renew') : t('resourceOps.feeds.create')}
          </Button>
          {mine && (
            <Button variant="subtle" color="red" loading={revoke.isPending} onClick={() => revoke.mutate(mine.id, { onSuccess: () => create.reset() })}>
              {t('resourceOps.feeds.revoke')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
