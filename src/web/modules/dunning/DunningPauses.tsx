import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUNNING_PAUSE_REASONS, type DunningPauseReason } from '../../../modules/dunning/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { type DunningPauseData, usePauseDunning, useResumeDunning } from './use-dunning';

/** The pauses that hold today, each with its reason and a way to resume; and a way to pause. */
export function DunningPauses({ pauses, target }: { pauses: DunningPauseData[]; target: { invoiceId: string } | { clientId: string } }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const resume = useResumeDunning();
  const [open, setOpen] = useState(false);
  const active = pauses.filter((p) => p.active);
  return (
    <Stack gap="xs">
      {active.map((p) => (
        <Alert key={p.id} color="yellow" variant="light" icon={<IconPlayerPause size={18} />} data-testid="dunning-pause">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <div>
              <Text size="sm" fw={500}>
                {p.until
                  ? t('dunning.pause.activeUntil', { date: fmt.date(p.until), reason: t(`dunning.pause.reasons.${p.reason}`) })
                  : t('dunning.pause.active', { reason: t(`dunning.pause.reasons.${p.reason}`) })}
                {'invoiceId' in target && p.clientId ? ` ${t('dunning.pause.onClient')}` : ''}
              </Text>
              {p.note && (
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {p.note}
                </Text>
              )}
            </div>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlayerPlay size={14} />}
              loading={resume.isPending && resume.variables === p.id}
              onClick={() => resume.mutate(p.id, { onSuccess: () => notifications.show({ color: 'teal', message: t('dunning.pause.resumed') }) })}
              data-testid="dunning-resume"
            >
              {t('dunning.pause.resume')}
            </Button>
          </Group>
        </Alert>
      ))}
      <ErrorAlert error={resume.error} />
      {active.length === 0 && (
        <Group>
          <Button size="xs" variant="default" leftSection={<IconPlayerPause size={14} />} onClick={() => setOpen(true)} data-testid="dunning-pause-open">
            {t('dunning.pause.button')}
          </Button>
        </Group>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('dunning.pause.formTitle')}>
        {open && <PauseForm target={target} onDone={() => setOpen(false)} />}
      </Modal>
    </Stack>
  );
}

function PauseForm({ target, onDone }: { target: { invoiceId: string } | { clientId: string }; onDone: () => void }) {
  const { t } = useTranslation();
  const pause = usePauseDunning();
  const [reason, setReason] = useState<DunningPauseReason>('dispute');
  const [note, setNote] = useState('');
  const [until, setUntil] = useState('');
  const submit = () =>
    pause.mutate(
      { ...target, reason, note: note.trim() || null, until: until || null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('dunning.pause.saved') });
          onDone();
        },
      },
    );
  return (
    <Stack gap="sm">
      <Text size="sm">{'invoiceId' in target ? t('dunning.pause.formTextInvoice') : t('dunning.pause.formTextClient')}</Text>
      <Select
        label={t('dunning.pause.reason')}
        data={DUNNING_PAUSE_REASONS.map((value) => ({ value, label: t(`dunning.pause.reasons.${value}`) }))}
        value={reason}
        onChange={(v) => v && setReason(v as DunningPauseReason)}
        allowDeselect={false}
        data-testid="dunning-pause-reason"
      />
      <Textarea label={t('dunning.pause.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} data-testid="dunning-pause-note" />
      <TextInput type="date" label={t('dunning.pause.until')} value={until} onChange={(e) => setUntil(e.currentTarget.value)} data-testid="dunning-pause-until" />
      <ErrorAlert error={pause.error} />
      <Group justify="flex-end">
        <Button loading={pause.isPending} onClick={submit} data-testid="dunning-pause-confirm">
          {t('dunning.pause.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
