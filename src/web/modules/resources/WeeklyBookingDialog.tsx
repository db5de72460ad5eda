import { Alert, Badge, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../../platform/calendar/contract';
import type { RecurringBody } from '../../../modules/resources/contract';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useActivityOptions, useMemberOptions } from '../activities';
import { siteToday } from './site-calendar';
import type { ResourceData } from './use-resources';
import { useBookWeekly, usePreviewWeekly } from './use-weekly';

const MAX_WEEKS = 52;
const TIMES = Array.from({ length: 31 }, (_, i) => 7 * 60 + i * 30).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/** The number of weekly occurrences from a first date up to an end date, both included. */
export const weeksUntil = (firstDate: string, lastDate: string) => Math.floor(daysBetween(firstDate, lastDate) / 7) + 1;

/** `timeZone`: the site's, whose calendar day is « today » for the series' first date. */
export function WeeklyBookingButton({ resources, resourceId, date, team, timeZone }: { resources: ResourceData[]; resourceId: string | null; date: string; team: boolean; timeZone: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="light" size="xs" onClick={() => setOpen(true)} disabled={resources.length === 0} data-testid="weekly-open">
        {t('resources.weekly.open')}
      </Button>
      {open && <WeeklyBookingDialog resources={resources} resourceId={resourceId} date={date} team={team} timeZone={timeZone} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * A weekly series: the weekday follows the first date, the times are the site's wall clock.
 * The preview lists each week free or refused with its reason; confirming books the free
 * weeks only (the server judges each week again: one taken meanwhile is skipped, not forced).
 */
function WeeklyBookingDialog({ resources, resourceId, date, team, timeZone, onClose }: { resources: ResourceData[]; resourceId: string | null; date: string; team: boolean; timeZone: string; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const today = siteToday(new Date(), timeZone);
  const [resource, setResource] = useState<string | null>(resourceId ?? resources[0]?.id ?? null);
  // The series starts on the day the calendar shows (today at the earliest).
  const [firstDate, setFirstDate] = useState(date > today ? date : today);
  const [startTime, setStartTime] = useState('09:00');
  const [endTime, setEndTime] = useState('12:00');
  const [until, setUntil] = useState<'count' | 'date'>('count');
  const [weeksCount, setWeeksCount] = useState<number | string>(4);
  const [lastDate, setLastDate] = useState('');
  const [memberId, setMemberId] = useState<string | null>(null);
  const [activityId, setActivityId] = useState<string | null>(null);
  const members = useMemberOptions(team);
  const activities = useActivityOptions({ status: 'active', enabled: !team });
  const preview = usePreviewWeekly();
  const book = useBookWeekly();
  const weeks = until === 'count' ? Number(weeksCount) : lastDate && firstDate && lastDate >= firstDate ? weeksUntil(firstDate, lastDate) : 0;
  const weeksOk = Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_WEEKS;
  const ready = resource !== null && firstDate !== '' && startTime < endTime && weeksOk && (!team || memberId !== null);
  const body: RecurringBody | null = ready ? { resourceId: resource!, firstDate, startTime, endTime, weeks, mode: 'free_only', memberId: memberId ?? undefined, activityId: activityId ?? undefined } : null;
  // A change of any field makes the preview stale: it must be run again before booking.
  const shown = preview.data && preview.variables && JSON.stringify(preview.variables) === JSON.stringify(body) ? preview.data : null;
  const free = shown?.occurrences.filter((o) => o.free).length ?? 0;
  const myActivities = activities.data?.items ?? [];
  const timeData = TIMES.map((v) => ({ value: v, label: v }));
  // A calendar date read at noon UTC in UTC: the same weekday in every browser zone.
  const weekday = firstDate ? f.date(`${firstDate}T12:00:00Z`, { weekday: 'long', timeZone: 'UTC' }) : '';
  return (
    <Modal opened onClose={onClose} title={t('resources.weekly.title')} size="lg">
      <Stack>
        <Select label={t('resources.resource')} data={resources.map((r) => ({ value: r.id, label: r.name }))} value={resource} onChange={setResource} allowDeselect={false} data-testid="weekly-resource" />
        <DateField label={t('resources.weekly.firstDate')} value={firstDate} onChange={setFirstDate} min={today} description={weekday ? t('resources.weekly.every', { weekday }) : undefined} data-testid="weekly-first-date" />
        <Group grow>
          <Select label={t('resources.book.from')} data={timeData} value={startTime} onChange={(v) => v && setStartTime(v)} allowDeselect={false} data-testid="weekly-start" />
          <Select label={t('resources.book.to')} data={timeData} value={endTime} onChange={(v) => v && setEndTime(v)} allowDeselect={false} error={startTime >= endTime ? t('resources.weekly.endAfterStart') : undefined} data-testid="weekly-end" />
        </Group>
        <SegmentedControl
          value={until}
          onChange={(v) => setUntil(v as 'count' | 'date')}
          data={[
            { value: 'count', label: t('resources.weekly.byCount') },
            { value: 'date', label: t('resources.weekly.byDate') },
          ]}
        />
        {until === 'count' ? (
          <NumberInput label={t('resources.weekly.weeks')} min={1} max={MAX_WEEKS} value={weeksCount} onChange={setWeeksCount} allowDecimal={false} error={weeksOk ? undefined : t('resources.weekly.weeksRange', { max: MAX_WEEKS })} data-testid="weekly-weeks" />
        ) : (
          <DateField label={t('resources.weekly.lastDate')} value={lastDate} onChange={setLastDate} min={firstDate} error={lastDate && !weeksOk ? t('resources.weekly.weeksRange', { max: MAX_WEEKS }) : undefined} />
        )}
        {team && <Select label={t('resources.book.member')} searchable data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))} value={memberId} onChange={setMemberId} />}
        {!team && myActivities.length > 1 && <Select label={t('resources.book.activity')} data={myActivities.map((a) => ({ value: a.id, label: a.name }))} value={activityId} onChange={setActivityId} />}
        <Button variant="default" disabled={!body} loading={preview.isPending} onClick={() => body && preview.mutate(body)} data-testid="weekly-preview">
          {t('resources.weekly.preview')}
        </Button>
        <ErrorAlert error={preview.error ?? book.error} />
        {shown && (
          <Stack gap={6} data-testid="weekly-occurrences">
            {shown.occurrences.map((o) => (
              <Group key={o.date} gap="xs" wrap="nowrap" align="flex-start" data-testid="weekly-occurrence" data-free={o.free}>
                <Badge color={o.free ? 'teal' : 'red'} variant="light" style={{ flexShrink: 0 }}>
                  {o.free ? t('resources.weekly.free') : t('resources.weekly.conflict')}
                </Badge>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm">{f.date(`${o.date}T12:00:00Z`, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}</Text>
                  {o.refusal && (
                    <Text size="xs" c="red.8">
                      {o.refusal.message[f.lang === 'en' ? 'en' : 'fr']}
                    </Text>
                  )}
                </Stack>
              </Group>
            ))}
            {free === 0 && <Alert color="orange">{t('resources.weekly.noneFree')}</Alert>}
          </Stack>
        )}
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={onClose}>
            {t('resources.book.cancel')}
          </Button>
          <Button
            py={6}
            styles={{ root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal' } }}
            disabled={!shown || free === 0 || !body}
            loading={book.isPending}
            data-testid="weekly-confirm"
            onClick={() =>
              body &&
              book.mutate(body, {
                onSuccess: (r) => {
                  notifications.show({ color: 'green', message: t('resources.weekly.done', { count: r.booked.length, skipped: r.skipped.length }) });
                  onClose();
                },
              })
            }
          >
            {t('resources.weekly.confirm', { count: free })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
