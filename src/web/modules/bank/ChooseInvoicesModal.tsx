import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentModeValue } from '../../../modules/payments/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useClients } from '../clients';
import { AllocationsEditor, allocatedCents, allocationsOf, PAYMENT_MODES, prefillAllocations, textsOf, useOpenInvoices } from '../payments';
import { type StatementLineData, useConfirmLine } from './use-bank';

/**
 * Staff pick what a credit line pays when no suggestion is right: a client, then that
 * client's open invoices (proposed oldest due first), or none: the client keeps a credit.
 */
export function ChooseInvoicesModal({ line, onClose }: { line: StatementLineData | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const confirm = useConfirmLine();
  const open = useOpenInvoices(null, { enabled: Boolean(line) });
  const [search, setSearch] = useState('');
  const clients = useClients({ pageSize: 50, q: search || undefined }, { enabled: Boolean(line) });
  const [clientId, setClientId] = useState<string | null>(null);
  const [mode, setMode] = useState<PaymentModeValue>('transfer');
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  const invoices = useMemo(() => (open.data ?? []).filter((i) => i.clientId === clientId), [open.data, clientId]);
  useEffect(() => {
    setValues(textsOf(prefillAllocations(invoices, line?.amountCents ?? 0)));
  }, [invoices, line?.amountCents]);
  useEffect(() => {
    setClientId(line?.suggestions[0]?.clientId ?? null);
    setMode('transfer');
    setError(null);
  }, [line]);

  // Clients owing money first: they are the likely payers; any other client may receive a credit.
  const owing = new Map((open.data ?? []).map((i) => [i.clientId, i.clientName]));
  const options = [
    ...[...owing].map(([value, label]) => ({ value, label })),
    ...(clients.data?.items ?? []).filter((c) => !owing.has(c.id)).map((c) => ({ value: c.id, label: c.name })),
  ];
  const allocated = allocatedCents(values);
  const tooMuch = line !== null && allocated !== null && allocated > line.amountCents;

  const submit = async () => {
    if (!line || !clientId) return;
    setError(null);
    try {
      await confirm.mutateAsync({ lineId: line.id, body: { clientId, mode, allocations: allocationsOf(values) } });
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Modal opened={Boolean(line)} onClose={onClose} title={t('bank.reconcile.chooseTitle')} size="xl">
      {line && (
        <Stack gap="md">
          <Text size="sm">
            {t('bank.reconcile.chooseIntro', { amount: money(line.amountCents) })}
          </Text>
          <Select
            label={t('bank.reconcile.client')}
            required
            searchable
            onSearchChange={setSearch}
            data={options}
            value={clientId}
            onChange={setClientId}
            data-testid="bank-choose-client"
          />
          <Select
            label={t('payments.form.mode')}
            allowDeselect={false}
            data={PAYMENT_MODES.map((m) => ({ value: m, label: t(`payments.mode.${m}`) }))}
            value={mode}
            onChange={(v) => v && setMode(v as PaymentModeValue)}
            data-testid="bank-choose-mode"
          />
          {clientId && (
            <AllocationsEditor invoices={invoices} values={values} onChange={(id, text) => setValues((v) => ({ ...v, [id]: text }))} amountCents={line.amountCents} />
          )}
          {error !== null && (
            <ErrorAlert>{isApiError(error) ? [error.message, ...error.fields.map((f) => f.message)].join(' ') : t('common.errors.unexpected')}</ErrorAlert>
          )}
          {tooMuch && <ErrorAlert>{t('payments.form.overAllocated')}</ErrorAlert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} disabled={!clientId || allocated === null || tooMuch} loading={confirm.isPending} data-testid="bank-choose-submit">
              {t('bank.reconcile.book')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
