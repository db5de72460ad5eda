import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientContact } from '../../../modules/clients/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import type { Wire } from '../../lib/wire';
import { useSaveContact } from './use-clients';

const orNull = (s: string) => s.trim() || null;

/** Adds or changes one contact person of a client. */
export function ContactForm({ clientId, contact, onDone }: { clientId: string; contact?: Wire<ClientContact>; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveContact(clientId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      firstName: contact?.firstName ?? '',
      lastName: contact?.lastName ?? '',
      role: contact?.role ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      isPrimary: contact?.isPrimary ?? false,
    },
    validate: { lastName: (v) => (v.trim() ? null : t('clients.validation.required')) },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        save.mutate(
          {
            id: contact?.id,
            body: { firstName: orNull(v.firstName), lastName: v.lastName.trim(), role: orNull(v.role), email: orNull(v.email), phone: orNull(v.phone), isPrimary: v.isPrimary },
          },
          { onSuccess: onDone, onError: (error) => setFormError(applyApiError(form, error)) },
        ),
      )}
    >
      <Stack gap="sm">
        <ErrorAlert>{formError}</ErrorAlert>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('clients.contact.firstName')} data-autofocus {...form.getInputProps('firstName')} />
          <TextInput label={t('clients.contact.lastName')} withAsterisk {...form.getInputProps('lastName')} />
          <TextInput label={t('clients.contact.role')} {...form.getInputProps('role')} />
          <TextInput label={t('clients.contact.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('clients.contact.phone')} type="tel" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <Checkbox label={t('clients.contact.isPrimary')} {...form.getInputProps('isPrimary', { type: 'checkbox' })} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="contact-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
