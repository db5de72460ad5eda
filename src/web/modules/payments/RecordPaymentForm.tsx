import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentModeValue } from '../../../modules/payments/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { useClients } from '../clients';
import { AllocationsEditor, allocatedCents, allocationsOf, textsOf } from './AllocationsEditor';
import { eurosTextToCents, prefillAllocations } from './money';
import { type PaymentData, useOpenInvoices, useRecordPayment } from './use-payments';
import { DateField } from '../../components/DateField';

export const PAYMENT_MODES = ['transfer', 'cheque', 'card', 'cash', 'direct_debit'] as const satisfies readonly PaymentModeValue[];

export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

interface Values {
  clientId: string;
  date: string;
  amount: string;
  mode: PaymentModeValue;
  reference: string;
}

/** What the form starts from when opened on an invoice: its client, what is left on it, and that invoice settled first. */
export interface PaymentPrefill {
  clientId: string;
  clientName: string;
  amountCents: number;
  invoiceId: string;
}

const centsToText = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/**
 * Records a payment received: the client's open invoices are proposed oldest due first and may
 * be changed. Opened from an invoice (`prefill`), that invoice is settled first.
 */
export function RecordPaymentForm({ onDone, onCancel, prefill }: { onDone: (payment: PaymentData) => void; onCancel: () => void; prefill?: PaymentPrefill }) {
  const { t } = useTranslation();
  const record = useRecordPayment();
  const [formError, setFormError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const clients = useClients({ pageSize: 50, q: q || undefined });
  const form = useForm<Values>({
    initialValues: { clientId: prefill?.clientId ?? '', date: today(), amount: prefill ? centsToText(prefill.amountCents) : '', mode: 'transfer', reference: '' },
    validate: {
      clientId: (v) => (v ? null : t('payments.form.clientRequired')),
      date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('payments.form.dateRequired')),
      amount: (v) => {
        const cents = eurosTextToCents(v);
        return cents !== null && cents > 0 ? null : t('payments.form.amountInvalid');
      },
    },
  });
  const { clientId, amount } = form.values;
  const amountCents = eurosTextToCents(amount);
  const open = useOpenInvoices(clientId, { enabled: Boolean(clientId) });
  const [allocations, setAllocations] = useState<Record<string, string>>({});

  // A new client or amount proposes again the oldest-due-first split; edits after that are kept.
  useEffect(() => {
    const invoices = open.data ?? [];
    const first = invoices.find((i) => i.id === prefill?.invoiceId);
    const firstCents = first ? Math.min(amountCents ?? 0, first.amountLeftCents) : 0;
    const rest = prefillAllocations(first ? invoices.filter((i) => i !== first) : invoices, (amountCents ?? 0) - firstCents);
    setAllocations(textsOf(first ? { [first.id]: firstCents, ...rest } : rest));
  }, [open.data, amountCents, prefill?.invoiceId]);

  const allocated = allocatedCents(allocations);
  const overAllocated = allocated !== null && amountCents !== null && allocated > amountCents;

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    if (allocated === null) return setFormError(t('payments.form.allocationInvalid'));
    if (overAllocated) return setFormError(t('payments.form.overAllocated'));
    try {
      const payment = await record.mutateAsync({
        clientId: values.clientId,
        date: values.date,
        amountCents: eurosTextToCents(values.amount)!,
        mode: values.mode,
        reference: values.reference.trim() || null,
        allocations: allocationsOf(allocations),
      });
      onDone(payment);
    } catch (error) {
      setFormError(applyApiError(form, error, { amountCents: 'amount' }));
    }
  });

  const found = (clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  // The invoice's client stays selectable even when the first page of clients does not hold it.
  const clientOptions = prefill && !found.some((o) => o.value === prefill.clientId) ? [{ value: prefill.clientId, label: prefill.clientName }, ...found] : found;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert>{formError}</ErrorAlert>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('payments.form.client')}
            required
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={clientOptions}
            nothingFoundMessage={t('payments.form.noClient')}
            data-testid="payment-client"
            {...form.getInputProps('clientId')}
          />
          <DateField label={t('payments.form.date')} required {...form.getInputProps('date')} />
          <TextInput label={t('payments.form.amount')} required inputMode="decimal" placeholder="1 234,56" rightSection="€" data-testid="payment-amount" {...form.getInputProps('amount')} />
          <Select
            label={t('payments.form.mode')}
            allowDeselect={false}
            data={PAYMENT_MODES.map((m) => ({ value: m, label: t(`payments.mode.${m}`) }))}
            data-testid="payment-mode"
            {...form.getInputProps('mode')}
          />
          <TextInput label={t('payments.form.reference')} maxLength={200} data-testid="payment-reference" {...form.getInputProps('reference')} />
        </SimpleGrid>
        {clientId && (
          <AllocationsEditor
            invoices={open.data ?? []}
            values={allocations}
            onChange={(id, text) => setAllocations((current) => ({ ...current, [id]: text }))}
            amountCents={amountCents}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending} data-testid="payment-submit">
            {t('payments.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
