import { Badge, Button, Card, Checkbox, Group, Modal, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { useFormat } from '../../lib/format';
import { today } from './RecordPaymentForm';
import { type RemittanceData, useCancelRemittance, useCreateRemittance, usePayments, useRemittances } from './use-payments';

const STATUS_COLOR: Record<RemittanceData['status'], string> = { waiting: 'orange', credited: 'teal', cancelled: 'gray' };

/**
 * Remittance slips (bordereaux de remise de chèques): the cheques recorded by hand wait in 5112
 * until they are handed to the bank together; the bank's one credit line then confirms the slip.
 */
export function RemittancesPanel() {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const slips = useRemittances({ page: 1, pageSize: 10 });
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const columns: ListColumn<RemittanceData>[] = [
    {
      key: 'slip',
      header: t('payments.remittance.columns.slip'),
      phone: 'title',
      cell: (slip) => (
        <Text size="sm" fw={600}>
          {t('payments.remittance.slip', { number: slip.number, date: date(slip.date) })}
        </Text>
      ),
    },
    {
      key: 'cheques',
      header: t('payments.remittance.columns.cheques'),
      cell: (slip) => (
        <Text size="xs" c="dimmed">
          {t('payments.remittance.cheques', { count: slip.chequeCount })} · {slip.cheques.map((c) => `${c.clientName}${c.reference ? ` (${c.reference})` : ''}`).join(', ')}
        </Text>
      ),
    },
    { key: 'total', header: t('payments.remittance.columns.total'), align: 'right', nowrap: true, cell: (slip) => <Text fw={700} size="sm">{money(slip.totalCents)}</Text> },
    {
      key: 'status',
      header: t('payments.remittance.columns.status'),
      phone: 'badge',
      cell: (slip) => (
        <Badge color={STATUS_COLOR[slip.status]} variant="light" style={{ flexShrink: 0, minWidth: 'max-content' }}>
          {t(`payments.remittance.status.${slip.status}`)}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: <VisuallyHidden>{t('payments.remittance.columns.actions')}</VisuallyHidden>,
      cell: (slip) => <CancelSlip slip={slip} onError={setError} />,
    },
  ];

  return (
    <Card withBorder padding="sm" data-testid="remittances-panel">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            {t('payments.remittance.title')}
          </Title>
          <Button size="xs" variant="default" leftSection={<IconReceipt size={14} aria-hidden />} onClick={() => setCreating(true)} data-testid="remittance-new">
            {t('payments.remittance.new')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('payments.remittance.intro')}
        </Text>
        <ErrorAlert error={error} />
        <ListTable
          query={slips}
          columns={columns}
          rowKey={(slip) => slip.id}
          rowTestId={(slip) => `remittance-${slip.number}`}
          empty={t('payments.remittance.empty')}
          minWidth={640}
          highlightOnHover={false}
        />
      </Stack>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('payments.remittance.new')} size="lg">
        {creating && <NewRemittanceForm onDone={() => setCreating(false)} />}
      </Modal>
    </Card>
  );
}

/** A slip still waiting for the bank can be taken back (its cheques return to 5112's list). */
function CancelSlip({ slip, onError }: { slip: RemittanceData; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const cancel = useCancelRemittance();
  if (slip.status !== 'waiting') return null;
  return (
    <Button
      size="xs"
      variant="subtle"
      color="red"
      loading={cancel.isPending}
      onClick={async () => {
        onError(null);
        try {
          await cancel.mutateAsync(slip.id);
          notifications.show({ color: 'teal', message: t('payments.remittance.cancelled', { number: slip.number }) });
        } catch (e) {
          onError(e);
        }
      }}
      data-testid={`remittance-cancel-${slip.number}`}
    >
      {t('payments.remittance.cancel')}
    </Button>
  );
}

function NewRemittanceForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const cheques = usePayments({ page: 1, pageSize: 100, remittable: true });
  const create = useCreateRemittance();
  const [chosen, setChosen] = useState<string[]>([]);
  const [day, setDay] = useState(today());
  const [error, setError] = useState<unknown>(null);
  const items = cheques.data?.items ?? [];
  const totalCents = items.filter((c) => chosen.includes(c.id)).reduce((sum, c) => sum + c.amountCents, 0);

  const submit = async () => {
    setError(null);
    try {
      const slip = await create.mutateAsync({ date: day, paymentIds: chosen });
      notifications.show({ color: 'teal', message: t('payments.remittance.created', { number: slip.number, amount: money(slip.totalCents) }) });
      onDone();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack>
      <ErrorAlert error={cheques.error ?? error} />
      <TextInput type="date" label={t('payments.remittance.date')} value={day} onChange={(e) => setDay(e.currentTarget.value)} required w={{ base: '100%', xs: 220 }} />
      {items.length === 0 && !cheques.isPending && <Text c="dimmed">{t('payments.remittance.noCheque')}</Text>}
      <Checkbox.Group value={chosen} onChange={setChosen} label={t('payments.remittance.choose')}>
        <Stack gap="xs" mt="xs">
          {items.map((c) => (
            <Checkbox
              key={c.id}
              value={c.id}
              label={`${date(c.date)} · ${c.clientName} · ${c.reference ?? '—'} · ${money(c.amountCents)}`}
              data-testid={`remittance-cheque-${c.id}`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group justify="space-between" wrap="wrap">
        <Text fw={600} data-testid="remittance-total">{t('payments.remittance.total', { count: chosen.length, amount: money(totalCents) })}</Text>
        <Button onClick={submit} loading={create.isPending} disabled={chosen.length === 0 || !day} data-testid="remittance-submit">
          {t('payments.remittance.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
