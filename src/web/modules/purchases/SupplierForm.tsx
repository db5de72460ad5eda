import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIban } from '../../../platform/identifiers/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { useSaveSupplier, type SupplierData } from './use-purchases';

interface Values {
  name: string;
  siren: string;
  siret: string;
  vatNumber: string;
  address: string;
  iban: string;
  bic: string;
}

const valuesOf = (s?: SupplierData): Values => ({
  name: s?.name ?? '',
  siren: s?.siren ?? '',
  siret: s?.siret ?? '',
  vatNumber: s?.vatNumber ?? '',
  address: s?.address ?? '',
  iban: s?.iban ? formatIban(s.iban) : '',
  bic: s?.bic ?? '',
});

// An empty field is "not known" (null), not an empty identifier the server would refuse.
const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** Records a supplier, or changes one: identity, IBAN and BIC, each checked by the server (SIREN Luhn, VAT key, IBAN mod 97). */
export function SupplierFormModal({ opened, onClose, supplier, onSaved }: { opened: boolean; onClose: () => void; supplier?: SupplierData; onSaved?: (s: SupplierData) => void }) {
  const { t } = useTranslation();
  const save = useSaveSupplier();
  const form = useForm<Values>({ initialValues: valuesOf(supplier) });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      form.setValues(valuesOf(supplier));
      form.clearErrors();
      setError(null);
    }
    // The form is reset each time the modal opens, from the supplier as it is then.
  }, [opened, supplier]);

  const submit = form.onSubmit((v) => {
    setError(null);
    save.mutate(
      { id: supplier?.id, body: { name: v.name, siren: orNull(v.siren), siret: orNull(v.siret), vatNumber: orNull(v.vatNumber), address: orNull(v.address), iban: orNull(v.iban), bic: orNull(v.bic) } },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('suppliers.saved', { name: saved.name }) });
          onSaved?.(saved);
          onClose();
        },
        onError: (err) => setError(applyApiError(form, err)),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={supplier ? t('suppliers.editTitle', { name: supplier.name }) : t('suppliers.newTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert>{error}</ErrorAlert>
          <TextInput label={t('suppliers.fields.name')} required maxLength={200} {...form.getInputProps('name')} data-testid="supplier-name" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="SIREN" maxLength={11} {...form.getInputProps('siren')} data-testid="supplier-siren" />
            <TextInput label="SIRET" maxLength={17} {...form.getInputProps('siret')} data-testid="supplier-siret" />
            <TextInput label={t('suppliers.fields.vatNumber')} maxLength={16} {...form.getInputProps('vatNumber')} data-testid="supplier-vat" />
            <TextInput label="BIC" maxLength={11} {...form.getInputProps('bic')} data-testid="supplier-bic" />
          </SimpleGrid>
          <TextInput
            label="IBAN"
            maxLength={42}
            {...form.getInputProps('iban')}
            onBlur={(e) => form.setFieldValue('iban', e.currentTarget.value.trim() ? formatIban(e.currentTarget.value) : '')}
            data-testid="supplier-iban"
          />
          <TextInput label={t('suppliers.fields.address')} maxLength={300} {...form.getInputProps('address')} data-testid="supplier-address" />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t('purchases.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="supplier-save">
              {t('suppliers.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
