import { Button, Fieldset, Group, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClientKind, type CreateClientBody, derivedVatNumber, type UpdateClientBody } from '../../../modules/clients/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { useSession } from '../../lib/session';
import { useActivityOptions } from '../activities';
import type { ClientData } from './use-clients';

interface Values {
  kind: ClientKind;
  name: string;
  legalForm: string;
  siren: string;
  siret: string;
  vatNumber: string;
  electronicAddress: string;
  email: string;
  phone: string;
  website: string;
  notes: string;
  activityId: string;
  address: { line1: string; line2: string; postalCode: string; city: string; country: string };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function initialValues(client?: ClientData, activityId?: string): Values {
  return {
    kind: client?.kind ?? 'company',
    name: client?.name ?? '',
    legalForm: client?.legalForm ?? '',
    siren: client?.siren ?? '',
    siret: client?.siret ?? '',
    vatNumber: client?.vatNumber ?? '',
    // Empty while it is only the SIREN, so that it keeps following the SIREN.
    electronicAddress: client?.electronicAddress && client.electronicAddress !== client.siren ? client.electronicAddress : '',
    email: client?.email ?? '',
    phone: client?.phone ?? '',
    website: client?.website ?? '',
    notes: client?.notes ?? '',
    activityId: activityId ?? '',
    address: { line1: '', line2: '', postalCode: '', city: '', country: 'FR' },
  };
}

// The API names the first address of the body; the form has a single billing address.
const ADDRESS_ERRORS = Object.fromEntries(['line1', 'line2', 'postalCode', 'city', 'country'].map((f) => [`addresses.0.${f}`, `address.${f}`]));

type Props =
  | { mode: 'create'; activityId?: string; onSubmit: (body: CreateClientBody) => Promise<unknown>; onCancel: () => void; client?: undefined }
  | { mode: 'edit'; client: ClientData; onSubmit: (body: UpdateClientBody) => Promise<unknown>; onCancel: () => void; activityId?: undefined };

/**
 * A client's identity: a company (SIREN, SIRET, VAT number shown as derived from the SIREN
 * as soon as it is typed) or an individual (none of these). On creation, a member picks
 * one of their activities and may give the billing address at once.
 */
export function ClientForm(props: Props) {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const manages = hasRole('admin', 'staff');
  const creating = props.mode === 'create';
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const activities = useActivityOptions({ enabled: creating });

  const form = useForm<Values>({
    initialValues: initialValues(props.client, props.activityId),
    validate: {
      name: (v) => (v.trim() ? null : t('clients.validation.required')),
      activityId: (v) => (creating && !manages && !v ? t('clients.validation.pickActivity') : null),
    },
  });
  const values = form.values;
  const company = values.kind === 'company';
  const derived = company ? derivedVatNumber(values.siren || values.siret.replace(/\s/g, '').slice(0, 9)) : null;

  const submit = form.onSubmit(async (v) => {
    const identity = {
      kind: v.kind,
      name: v.name.trim(),
      legalForm: company ? orNull(v.legalForm) : null,
      siren: company ? orNull(v.siren) : null,
      siret: company ? orNull(v.siret) : null,
      vatNumber: company ? orNull(v.vatNumber) : null,
      electronicAddress: company ? orNull(v.electronicAddress) : null,
      email: orNull(v.email),
      phone: orNull(v.phone),
      website: orNull(v.website),
      notes: orNull(v.notes),
    };
    setFormError(null);
    setPending(true);
    try {
      if (props.mode === 'create') {
        const address = v.address;
        const hasAddress = [address.line1, address.postalCode, address.city].some((s) => s.trim());
        await props.onSubmit({
          ...identity,
          activityId: v.activityId || undefined,
          addresses: hasAddress
            ? [{ kind: 'billing', line1: address.line1, line2: orNull(address.line2), postalCode: address.postalCode, city: address.city, country: address.country || 'FR' }]
            : undefined,
        });
      } else {
        await props.onSubmit(identity);
      }
    } catch (error) {
      setFormError(applyApiError(form, error, ADDRESS_ERRORS));
    } finally {
      setPending(false);
    }
  });

  const activityData = (activities.data?.items ?? []).filter((a) => a.status !== 'closed').map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }));
  // A member with a single open activity has nothing to choose.
  const onlyActivity = !manages && activityData.length === 1 ? activityData[0]!.value : null;
  useEffect(() => {
    if (onlyActivity && !form.getValues().activityId) form.setFieldValue('activityId', onlyActivity);
  }, [onlyActivity]);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert>{formError}</ErrorAlert>
        <SegmentedControl
          aria-label={t('clients.fields.kind')}
          data={[
            { value: 'company', label: t('clients.kind.company') },
            { value: 'individual', label: t('clients.kind.individual') },
          ]}
          {...form.getInputProps('kind')}
          data-testid="client-kind"
        />
        <TextInput
          label={company ? t('clients.fields.name') : t('clients.fields.individualName')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('name')}
          data-testid="client-name"
        />
        {company && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('clients.fields.siren')}
                inputMode="numeric"
                autoComplete="off"
                description={derived ? t('clients.fields.vatDerived', { vat: derived }) : undefined}
                {...form.getInputProps('siren')}
                data-testid="client-siren"
              />
              <TextInput label={t('clients.fields.siret')} inputMode="numeric" autoComplete="off" {...form.getInputProps('siret')} />
              <TextInput
                label={t('clients.fields.vatNumber')}
                placeholder={derived ?? undefined}
                description={!values.vatNumber && !derived ? t('clients.fields.vatHint') : undefined}
                {...form.getInputProps('vatNumber')}
                data-testid="client-vat"
              />
              <TextInput label={t('clients.fields.legalForm')} placeholder={t('clients.fields.legalFormPlaceholder')} {...form.getInputProps('legalForm')} />
              <TextInput
                label={t('clients.fields.electronicAddress')}
                placeholder={values.siren.replace(/\s/g, '') || undefined}
                description={t('clients.fields.electronicAddressHint')}
                autoComplete="off"
                {...form.getInputProps('electronicAddress')}
                data-testid="client-electronic-address"
              />
            </SimpleGrid>
          </>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('clients.fields.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('clients.fields.phone')} type="tel" {...form.getInputProps('phone')} />
          {company && <TextInput label={t('clients.fields.website')} {...form.getInputProps('website')} />}
        </SimpleGrid>
        {creating && (
          <Select
            label={t('clients.fields.activity')}
            description={t('clients.fields.activityHint')}
            withAsterisk={!manages}
            data={activityData}
            searchable
            clearable={manages}
            value={values.activityId || null}
            onChange={(v) => form.setFieldValue('activityId', v ?? '')}
            error={form.errors.activityId}
            data-testid="client-activity"
          />
        )}
        {creating && (
          <Fieldset legend={t('clients.fields.billingAddress')} variant="unstyled">
            <Stack gap="sm">
              <TextInput label={t('clients.address.line1')} {...form.getInputProps('address.line1')} />
              <TextInput label={t('clients.address.line2')} {...form.getInputProps('address.line2')} />
              <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                <TextInput label={t('clients.address.postalCode')} {...form.getInputProps('address.postalCode')} />
                <TextInput label={t('clients.address.city')} {...form.getInputProps('address.city')} />
                <TextInput label={t('clients.address.country')} maxLength={2} {...form.getInputProps('address.country')} />
              </SimpleGrid>
            </Stack>
          </Fieldset>
        )}
        <Textarea label={t('clients.fields.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="client-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
