import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, MAX_CAPACITY, type CreateEventBody, type UpdateEventBody } from '../../../modules/events/contract';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { isoToParisWallTime, parisWallTimeToIso } from '../../lib/paris-time';
import { useSession } from '../../lib/session';
import { useMemberOptions } from '../activities';
import { useCreateEvent, useUpdateEvent, type EventDetailData } from './use-events';

type Kind = (typeof EVENT_KINDS)[number];

interface EventFormValues {
  kind: Kind;
  title: string;
  theme: string;
  description: string;
  hostMemberId: string;
  hostName: string;
  /** Paris wall-clock time, as DateTimeField keeps it ("2026-12-10T12:30"). */
  startsAt: string;
  endsAt: string;
  registrationDeadline: string;
  place: string;
  onlineUrl: string;
  capacity: number | '';
}

const EMPTY: EventFormValues = { kind: 'colunch', title: '', theme: '', description: '', hostMemberId: '', hostName: '', startsAt: '', endsAt: '', registrationDeadline: '', place: '', onlineUrl: '', capacity: '' };

/** The form's values for an event as it stands (the displayed host name of a member host is not an outside host). */
function valuesOf(e: EventDetailData): EventFormValues {
  return {
    kind: e.kind,
    title: e.title,
    theme: e.theme ?? '',
    description: e.description ?? '',
    hostMemberId: e.hostMemberId ?? '',
    hostName: e.hostMemberId ? '' : (e.hostName ?? ''),
    startsAt: isoToParisWallTime(e.startsAt),
    endsAt: isoToParisWallTime(e.endsAt),
    registrationDeadline: e.registrationDeadline ? isoToParisWallTime(e.registrationDeadline) : '',
    place: e.place ?? '',
    onlineUrl: e.onlineUrl ?? '',
    capacity: e.capacity ?? '',
  };
}

// Times are typed as Paris time whatever the device's zone: events happen in the coop's rooms.
// An unreadable time goes as '' so that the server names the field.
function bodyOf(v: EventFormValues): CreateEventBody {
  return {
    kind: v.kind,
    title: v.title,
    theme: v.theme || null,
    description: v.description || null,
    hostMemberId: v.hostMemberId || null,
    hostName: v.hostName || null,
    startsAt: parisWallTimeToIso(v.startsAt),
    endsAt: parisWallTimeToIso(v.endsAt),
    registrationDeadline: v.registrationDeadline ? parisWallTimeToIso(v.registrationDeadline) : null,
    place: v.place || null,
    onlineUrl: v.onlineUrl || null,
    capacity: v.capacity === '' ? null : v.capacity,
  };
}

/** Only what the form changed: a PATCH that leaves the rest as it is (and the host's fields alone). */
function changesOf(before: EventFormValues, after: EventFormValues): UpdateEventBody {
  const from = bodyOf(before) as Record<string, unknown>;
  const to = bodyOf(after) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(to).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(from[key]))) as UpdateEventBody;
}

/**
 * Schedule an event (no `event`) or change one (staff, or its host: the host fixes the theme,
 * room or time of their own event but not who hosts it, which stays the team's call).
 */
export function EventFormModal({ opened, onClose, event }: { opened: boolean; onClose: () => void; event?: EventDetailData }) {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff');
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const members = useMemberOptions(opened && team);
  const [problem, setProblem] = useState<string | null>(null);
  // Frozen when the dialog opens: the change is computed against what the person saw.
  const [initial] = useState(() => (event ? valuesOf(event) : EMPTY));
  const form = useForm<EventFormValues>({ initialValues: initial });
  const editing = event !== undefined;
  const pending = create.isPending || update.isPending;
  const onError = (err: unknown) => setProblem(applyApiError(form, err));
  const submit = form.onSubmit((v) => {
    setProblem(null);
    if (!editing) {
      create.mutate(bodyOf(v), {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('events.create.done') });
          form.reset();
          onClose();
        },
        onError,
      });
      return;
    }
    update.mutate(
      { id: event.id, ...changesOf(initial, v) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('events.edit.done') });
          onClose();
        },
        onError,
      },
    );
  });
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('events.edit.title') : t('events.create.title')} size="lg">
      <form onSubmit={submit} noValidate data-testid="event-form">
        <Stack gap="xs">
          <Select label={t('events.create.kind')} data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))} allowDeselect={false} {...form.getInputProps('kind')} data-testid="event-kind-select" />
          <TextInput label={t('events.create.titleField')} required maxLength={200} {...form.getInputProps('title')} data-testid="event-title" />
          <TextInput label={t('events.create.theme')} maxLength={200} {...form.getInputProps('theme')} data-testid="event-theme" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {team ? (
              <>
                <Select label={t('events.create.host')} searchable clearable data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))} {...form.getInputProps('hostMemberId')} />
                <TextInput label={t('events.create.hostName')} maxLength={200} {...form.getInputProps('hostName')} />
              </>
            ) : (
              event?.hostName && (
                <Text size="sm" c="dimmed" style={{ gridColumn: '1 / -1' }}>
                  {t('events.hostedBy', { name: event.hostName })} · {t('events.edit.hostByTeam')}
                </Text>
              )
            )}
            <DateTimeField label={t('events.create.startsAt')} description={t('events.create.parisTime')} required {...form.getInputProps('startsAt')} data-testid="event-starts" />
            <DateTimeField label={t('events.create.endsAt')} description={t('events.create.parisTime')} required {...form.getInputProps('endsAt')} data-testid="event-ends" />
            <TextInput label={t('events.create.place')} maxLength={300} {...form.getInputProps('place')} data-testid="event-place" />
            <TextInput label={t('events.create.onlineUrl')} maxLength={500} {...form.getInputProps('onlineUrl')} data-testid="event-online-url" />
            <NumberInput label={t('events.create.capacity')} min={1} max={MAX_CAPACITY} allowDecimal={false} {...form.getInputProps('capacity')} data-testid="event-capacity" />
            <DateTimeField label={t('events.create.registrationDeadline')} description={t('events.create.registrationDeadlineHint')} {...form.getInputProps('registrationDeadline')} data-testid="event-deadline" />
          </SimpleGrid>
          <Textarea label={t('events.create.description')} autosize minRows={2} maxLength={5000} {...form.getInputProps('description')} />
          {editing && event.confirmed > 0 && (
            <Alert variant="light" color="blue" icon={<IconMailForward size={18} aria-hidden />} data-testid="event-edit-notice">
              {t('events.edit.notice', { count: event.confirmed })}
            </Alert>
          )}
          <ErrorAlert>{problem}</ErrorAlert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} data-testid="event-create-submit">
              {editing ? t('events.edit.submit') : t('events.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
