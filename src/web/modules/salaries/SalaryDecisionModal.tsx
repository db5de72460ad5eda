import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { useSalaryFormat } from './salary-format';
import { type SalaryRequestData, useCancelSalary, useRefuseSalary, useValidateSalary } from './use-salaries';

export type SalaryDecision = 'validate' | 'refuse' | 'cancel';

/** Asks before validating (the entry is posted), refusing or cancelling (with the reason, kept on the request). */
export function SalaryDecisionModal({ request, decision, onClose }: { request: SalaryRequestData | null; decision: SalaryDecision | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { money, month } = useSalaryFormat();
  const validate = useValidateSalary();
  const refuse = useRefuseSalary();
  const cancel = useCancelSalary();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const pending = validate.isPending || refuse.isPending || cancel.isPending;
  const submit = async () => {
    if (!request || !decision) return;
    setError(null);
    try {
      if (decision === 'validate') await validate.mutateAsync(request.id);
      else if (decision === 'refuse') await refuse.mutateAsync({ id: request.id, body: { reason } });
      else await cancel.mutateAsync({ id: request.id, body: { reason } });
      notifications.show({ color: 'teal', message: t(`salaries.decide.${decision === 'validate' ? 'validated' : decision === 'refuse' ? 'refused' : 'cancelled'}`) });
      close();
    } catch (e) {
      setError(e);
    }
  };
  const title = decision === 'validate' ? t('salaries.decide.validateTitle') : decision === 'refuse' ? t('salaries.decide.refuseTitle') : t('salaries.decide.cancelTitle');
  const fieldError = isApiError(error) ? error.fields.find((f) => f.path === 'reason')?.message : undefined;
  return (
    <Modal opened={request !== null && decision !== null} onClose={close} title={title}>
      {request && decision && (
        <Stack>
          <Text>
            {t(decision === 'validate' ? 'salaries.decide.validateBody' : 'salaries.decide.summary', { gross: money(request.grossCents), member: request.memberName, month: month(request.month), activity: request.activityCode, cost: money(request.employerCostCents) })}
          </Text>
          {decision === 'cancel' && request.status === 'validated' && <Alert color="orange">{t('salaries.decide.cancelValidatedBody')}</Alert>}
          {decision !== 'validate' && (
            <Textarea
              label={t('salaries.decide.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fieldError}
              autosize
              minRows={2}
              maxLength={500}
              required
              data-testid="salary-decision-reason"
            />
          )}
          {!fieldError && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color={decision === 'validate' ? 'teal' : 'red'}
              onClick={submit}
              loading={pending}
              disabled={decision !== 'validate' && reason.trim().length === 0}
              data-testid="salary-decision-confirm"
            >
              {decision === 'validate' ? t('salaries.validate') : decision === 'refuse' ? t('salaries.refuse') : t('salaries.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
