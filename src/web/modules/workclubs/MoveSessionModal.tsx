import { Alert, Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RescheduleSessionBody } from '../../../modules/workclubs/contract';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { isoToParisWallTime, parisWallTimeToIso } from '../../lib/paris-time';
import { type GroupData, useRescheduleSession } from './use-workclubs';

type SessionData = GroupData['sessions'][number];

/**
 * Staff move a coming session: its date and time (Paris time, the coop's rooms), length or
 * place. Only what changed is sent; the server mails every participant (guests included) the
 * group's updated calendar, so their agendas move the session rather than keep the old time.
 */
export function MoveSessionModal({ session, onClose }: { session: SessionData; onClose: () => void }) {
  const { t } = useTranslation();
  const reschedule = useRescheduleSession();
  const [problem, setProblem] = useState<string | null>(null);
  const [initial] = useState(() => ({ startsAt: isoToParisWallTime(session.startsAt), durationMinutes: session.durationMinutes as number | '', place: session.place }));
  const form = useForm({ initialValues: initial });
  const submit = form.onSubmit((v) => {
    setProblem(null);
    const body: RescheduleSessionBody = {};
    // An unreadable time goes as '' so that the server names the field.
    if (v.startsAt !== initial.startsAt) body.startsAt = parisWallTimeToIso(v.startsAt);
    if (v.durationMinutes !== initial.durationMinutes) body.durationMinutes = v.durationMinutes === '' ? Number.NaN : v.durationMinutes;
    if (v.place !== initial.place) body.place = v.place;
    if (Object.keys(body).length === 0) return onClose();
    reschedule.mutate(
      { sessionId: session.id, ...body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('workclubs.staff.sessionMoved') });
          onClose();
        },
        onError: (err) => setProblem(applyApiError(form, err)),
      },
    );
  });
  return (
    <Modal opened onClose={onClose} title={t('workclubs.staff.moveSessionTitle')}>
      <form onSubmit={submit} noValidate data-testid="workclub-move-session-form">
        <Stack gap="sm">
          <DateTimeField label={t('workclubs.staff.startsAt')} description={t('workclubs.staff.parisTime')} required {...form.getInputProps('startsAt')} data-testid="workclub-move-starts" />
          <NumberInput label={t('workclubs.staff.duration')} min={15} max={480} step={15} allowDecimal={false} {...form.getInputProps('durationMinutes')} data-testid="workclub-move-duration" />
          <TextInput label={t('workclubs.staff.place')} required maxLength={300} {...form.getInputProps('place')} data-testid="workclub-move-place" />
          <Alert variant="light" color="blue" icon={<IconMailForward size={18} aria-hidden />}>
            {t('workclubs.staff.moveSessionNotice')}
          </Alert>
          <ErrorAlert>{problem}</ErrorAlert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reschedule.isPending} data-testid="workclub-move-submit">
              {t('workclubs.staff.moveSession')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
