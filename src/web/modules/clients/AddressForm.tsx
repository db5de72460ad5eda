import { Button, Checkbox, Group, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddressKind, ClientAddress } from '../../../modules/clients/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import type { Wire } from '../../lib/wire';
import { useSaveAddress } from './use-clients';

/** Adds or changes one address of a client. */
export function AddressForm({ clientId, address, onDone }: { clientId: string; address?: Wire<ClientAddress>; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveAddress(clientId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      kind: (address?.kind ?? 'billing') as AddressKind,
      line1: address?.line1 ?? '',
      line2: address?.line2 ?? '',
      postalCode: address?.postalCode ?? '',
      city: address?.city ?? '',
      country: address?.country ?? 'FR',
      isDefault: address?.isDefault ?? false,
    },
    validate: {
      line1: (v) => (v.trim() ? null : t('clients.validation.required')),
      postalCode: (v) => (v.trim() ? null : t('clients.validation.required')),
      city: (v) => (v.trim() ? null : t('clients.validation.required')),
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        save.mutate(
          { id: address?.id, body: { ...v, line2: v.line2.trim() || null, country: v.country.trim() || 'FR' } },
          { onSuccess: onDone, onError: (error) => setFormError(applyApiError(form, error)) },
        ),
      )}
    >
      <Stack gap="sm">
        <ErrorAlert>{formError}</ErrorAlert>
        <SegmentedControl
          aria-label={t('clients.address.kind')}
          data={[
            { value: 'billing', label: t('clients.address.kinds.billing') },
            { value: 'delivery', label: t('clients.address.kinds.delivery') },
          ]}
          {...form.getInputProps('kind')}
        />
        <TextInput label={t('clients.address.line1')} withAsterisk data-autofocus {...form.getInputProps('line1')} />
        <TextInput label={t('clients.address.line2')} {...form.getInputProps('line2')} />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput label={t('clients.address.postalCode')} withAsterisk {...form.getInputProps('postalCode')} />
          <TextInput label={t('clients.address.city')} withAsterisk {...form.getInputProps('city')} />
          <TextInput label={t('clients.address.country')} maxLength={2} {...form.getInputProps('country')} />
        </SimpleGrid>
        <Checkbox label={t('clients.address.isDefault')} {...form.getInputProps('isDefault', { type: 'checkbox' })} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="address-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
