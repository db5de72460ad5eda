import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { type StatementLineData, useUnmatchLine } from './use-bank';

/** Asks why before undoing a match: what it booked is reversed by entries, never deleted. */
export function UnmatchLineModal({ line, onClose }: { line: StatementLineData | null; onClose: () => void }) {
  const { t } = useTranslation();
  const unmatch = useUnmatchLine();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (!line) return;
    setError(null);
    try {
      await unmatch.mutateAsync({ lineId: line.id, body: { reason } });
      notifications.show({ color: 'teal', message: t('bank.unmatch.done') });
      close();
    } catch (e) {
      setError(e);
    }
  };
  const fieldError = isApiError(error) ? error.fields.find((f) => f.path === 'reason')?.message : undefined;
  return (
    <Modal opened={line !== null} onClose={close} title={t('bank.unmatch.title')}>
      <Stack>
        <Text size="sm">{t('bank.unmatch.body')}</Text>
        <Textarea label={t('bank.unmatch.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError} autosize minRows={2} required data-testid="bank-unmatch-reason" />
        {!fieldError && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={submit} loading={unmatch.isPending} disabled={reason.trim().length < 3} data-testid="bank-unmatch-confirm">
            {t('bank.unmatch.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
