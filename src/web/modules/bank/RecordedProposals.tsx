import { Badge, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { type StatementLineData, useConfirmRecorded } from './use-bank';

/**
 * The payments and remittance slips already recorded that a credit line may be, shown before
 * any new payment: confirming one books nothing to the client again (a cheque recorded by
 * hand and then seen on the statement is counted once).
 */
export function RecordedProposals({ line, act }: { line: StatementLineData; act: (run: () => Promise<unknown>, done: string) => Promise<void> }) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const confirm = useConfirmRecorded();
  if (line.recordedProposals.length === 0) return null;
  return (
    <Stack gap="xs" data-testid={`bank-recorded-${line.id}`}>
      <Text size="sm" fw={600}>{t('bank.recorded.title')}</Text>
      {line.recordedProposals.map((p, i) => (
        <Card key={p.id} bg="var(--mantine-color-default-hover)" padding="xs" data-testid={`bank-recorded-${line.id}-${i}`}>
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Group gap="xs" wrap="wrap">
                <Badge variant="filled" color={p.confidence >= 0.8 ? 'teal' : p.confidence >= 0.5 ? 'yellow' : 'gray'} aria-label={t('bank.reconcile.confidence')}>
                  {Math.round(p.confidence * 100)} %
                </Badge>
                <Text size="sm" fw={600}>
                  {p.kind === 'remittance' ? t('bank.recorded.slip', { number: p.remittanceNumber, count: p.chequeCount ?? 0 }) : t(`payments.mode.${p.mode}`)}
                </Text>
                <Text size="sm">{p.clientName}</Text>
              </Group>
              <Text size="sm">
                {t('bank.recorded.recordedOn', { date: date(p.date), amount: money(p.amountCents) })}
                {p.reference ? ` · ${p.reference}` : ''}
              </Text>
              <List size="xs" c="dimmed">
                {p.reasons.map((r, k) => (
                  <List.Item key={k}>{r.message}</List.Item>
                ))}
              </List>
            </Stack>
            <Button
              size="xs"
              leftSection={<IconCheck size={14} aria-hidden />}
              loading={confirm.isPending}
              onClick={() =>
                act(
                  () => confirm.mutateAsync({ lineId: line.id, body: p.kind === 'payment' ? { paymentId: p.id } : { remittanceId: p.id } }),
                  t('bank.recorded.confirmed'),
                )
              }
              data-testid={`bank-recorded-confirm-${line.id}-${i}`}
            >
              {t('bank.recorded.confirm')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
