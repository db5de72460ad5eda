import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDecideNotice } from './use-dunning';

/** The team's two answers to a formal notice waiting in the queue, each asked once more. */
export function NoticeDecision({ eventId, number }: { eventId: string; number: string }) {
  const { t } = useTranslation();
  const decide = useDecideNotice();
  const [asking, setAsking] = useState<'confirm' | 'cancel' | null>(null);
  const go = (decision: 'confirm' | 'cancel') =>
    decide.mutate(
      { eventId, decision },
      {
        onSuccess: () => {
          setAsking(null);
          notifications.show({ color: 'teal', message: t(decision === 'confirm' ? 'dunning.notice.confirmed' : 'dunning.notice.cancelledDone') });
        },
      },
    );
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Button size="xs" color="orange" onClick={() => setAsking('confirm')} aria-label={t('dunning.notice.confirmFor', { number })} data-testid={`dunning-notice-confirm-${number}`}>
          {t('dunning.notice.confirm')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setAsking('cancel')} aria-label={t('dunning.notice.cancelFor', { number })} data-testid={`dunning-notice-cancel-${number}`}>
          {t('dunning.notice.cancel')}
        </Button>
      </Group>
      <ConfirmModal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={t(asking === 'cancel' ? 'dunning.notice.cancelTitle' : 'dunning.notice.confirmTitle')}
        confirmLabel={t(asking === 'cancel' ? 'dunning.notice.cancel' : 'dunning.notice.confirm')}
        color={asking === 'cancel' ? undefined : 'orange'}
        loading={decide.isPending}
        onConfirm={() => asking && go(asking)}
        testId="dunning-notice-modal"
      >
        <Stack gap="xs">
          <Text size="sm">{t(asking === 'cancel' ? 'dunning.notice.cancelText' : 'dunning.notice.confirmText')}</Text>
          <ErrorAlert error={decide.error} />
        </Stack>
      </ConfirmModal>
    </>
  );
}
