import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { type PaymentData, useCancelPayment } from './use-payments';

/**
 * Asks before cancelling a payment, and why: the payment is reversed in the books (never
 * deleted), the invoices it settled are open again, and the reason stays on it.
 */
export function CancelPaymentModal({ payment, onClose }: { payment: PaymentData | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const cancel = useCancelPayment();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (!payment) return;
    setError(null);
    try {
      await cancel.mutateAsync({ id: payment.id, body: { reason } });
      notifications.show({ color: 'teal', message: t('payments.cancel.done', { amount: money(payment.amountCents), client: payment.clientName }) });
      close();
    } catch (e) {
      setError(e);
    }
  };
  const fieldError = isApiError(error) ? error.fields.find((f) => f.path === 'reason')?.message : undefined;
  return (
    <Modal opened={payment !== null} onClose={close} title={t('payments.cancel.title')}>
      {payment && (
        <Stack>
          <Text>{t('payments.cancel.body', { amount: money(payment.amountCents), client: payment.clientName })}</Text>
          {payment.allocations.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('payments.cancel.invoicesReopen', { numbers: payment.allocations.map((a) => a.invoiceNumber).join(', ') })}
            </Text>
          )}
          {payment.reconciled && <Alert color="orange">{t('payments.cancel.reconciled')}</Alert>}
          <Textarea
            label={t('payments.cancel.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError}
            autosize
            minRows={2}
            required
            data-testid="payment-cancel-reason"
          />
          {!fieldError && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={submit} loading={cancel.isPending} disabled={reason.trim().length < 3} data-testid="payment-cancel-confirm">
              {t('payments.cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
