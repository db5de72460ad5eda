import {
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_POLES, isValidNumberingFormat, LEGAL_FORMS, MEMBERSHIP_TYPES, REGISTRY_KINDS } from '../../../modules/coops/contract';
import { formatIban, frenchVatNumberFromSiren, isValidSiren } from '../../../platform/identifiers/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { InvoicingSettingsCard, useNextInvoiceSequence } from '../invoices';
import { DunningSettingsCard } from '../dunning';
import { QuotesSettingsCard } from '../quotes';
import { ContributionSettingsCard } from '../contribution';
import { SalarySettingsCard } from '../salaries';
import { IndependentsSettingsCard } from '../independents';
import { VatSettingsCard } from '../vat';
import { ApiTokensCard } from '../purchases';
import { FeeSettingsCard } from '../fees';
import { useLanguage } from '../../i18n';
import { applyApiError } from '../../lib/forms';
import { API_TO_FORM_FIELDS, nextNumberPreview, type SettingsFormValues, toFormValues, toPatch } from './settings-form';
import { type CoopSettingsData, useCoopSettings, useUpdateCoopSettings } from './use-coop-settings';

// Codes (IBAN, BIC, numbering format) read better in a fixed-width font; labels stay as they are.
const MONOSPACE_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** Focuses the first field showing an error, so a refused save is seen even at the bottom of the page. */
const focusFirstError = () =>
  requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());

/** Admins: the cooperative's legal identity and the settings that make it differ from another. */
export default function CoopSettingsPage() {
  const { t } = useTranslation();
  const settings = useCoopSettings();
  return (
    <Page title={t('coop.settingsTitle')}>
      {settings.isError ? (
        <ErrorAlert error={settings.error} />
      ) : !settings.data ? (
        <SectionLoader />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
      <ContributionSettingsCard />
      <QuotesSettingsCard />
      <InvoicingSettingsCard />
      <DunningSettingsCard />
      <SalarySettingsCard />
      <IndependentsSettingsCard />
      <VatSettingsCard />
      <ApiTokensCard />
      <FeeSettingsCard />
    </Page>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card padding="lg">
      <Title order={2} fz="h4" mb="md">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}

function SettingsForm({ settings }: { settings: CoopSettingsData }) {
  const { t } = useTranslation();
  const update = useUpdateCoopSettings();
  const lang = useLanguage();
  const [formError, setFormError] = useState<string | null>(null);
  const required = isNotEmpty(t('coop.required'));
  const next = useNextInvoiceSequence();
  // The standard poles are codes in the API; the form shows and takes their names.
  const poleLabel = (code: string) => t(`members.poles.${code}` as 'members.poles.technical', { defaultValue: code });

  const form = useForm<SettingsFormValues>({
    initialValues: toFormValues(settings, poleLabel),
    validate: {
      name: required,
      siren: required,
      siret: required,
      addressLine1: required,
      postalCode: required,
      city: required,
      country: required,
      iban: required,
      bic: required,
      contributionRatePct: required,
      dealBringerRatePct: required,
      monthlyMemberFeeEuros: required,
      latePenaltyRatePct: required,
      paymentTermsDays: required,
      leavingNoticeMonths: required,
      registryCity: (value, v) => (v.registryKind !== 'none' && !value.trim() ? t('coop.required') : null),
      invoiceNumberFormat: (value) => (isValidNumberingFormat(value.trim()) ? null : t('coop.fields.invalidFormat')),
      membershipTypes: (value) => (value.length === 0 ? t('coop.atLeastOneType') : null),
    },
  });

  // After a save the server's values (normalized SIREN, IBAN…) become the form's baseline.
  useEffect(() => {
    form.setValues(toFormValues(settings, poleLabel));
    form.resetDirty(toFormValues(settings, poleLabel));
    // Only when the server sends a new version of the settings, or the language changes.
  }, [settings.updatedAt, lang]);

  const values = form.getValues();
  const format = values.invoiceNumberFormat.trim();
  const valid = isValidNumberingFormat(format);
  const preview = valid && next.data ? nextNumberPreview(format, next.data) : null;
  const siren = values.siren.replace(/\s/g, '');
  // The VAT number is not typed: it follows from the SIREN (art. 286 ter CGI key).
  const vatNumber = isValidSiren(siren) ? frenchVatNumberFromSiren(siren) : settings.vatNumber;

  const submit = form.onSubmit(
    (v) => {
      setFormError(null);
      update.mutate(toPatch(v, poleLabel), {
        onSuccess: () => notifications.show({ color: 'teal', message: t('coop.saved') }),
        onError: (error) => {
          setFormError(applyApiError(form, error, API_TO_FORM_FIELDS));
          focusFirstError();
        },
      });
    },
    focusFirstError,
  );

  // Numbers read the way the UI language writes them: "8,25 %" in French, "8.25 %" in English.
  const separators = lang === 'fr' ? { decimalSeparator: ',', thousandSeparator: '\u202f' } : { decimalSeparator: '.', thousandSeparator: ',' };
  const percent = { decimalScale: 2, min: 0, max: 100, suffix: ' %', decimalSeparator: separators.decimalSeparator, step: 0.25 } as const;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ErrorAlert>{formError}</ErrorAlert>

        <Section title={t('coop.sections.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('coop.fields.name')} required {...form.getInputProps('name')} />
            <Select
              label={t('coop.fields.legalForm')}
              data={LEGAL_FORMS.map((value) => ({ value, label: t(`coop.legalForms.${value}`) }))}
              allowDeselect={false}
              required
              {...form.getInputProps('legalForm')}
            />
            <TextInput label={t('coop.fields.siren')} required inputMode="numeric" {...form.getInputProps('siren')} />
            <TextInput label={t('coop.fields.siret')} required inputMode="numeric" {...form.getInputProps('siret')} />
            <TextInput label={t('coop.fields.vatNumber')} description={t('coop.fields.vatNumberHint')} value={vatNumber} readOnly variant="filled" data-testid="vat-number" />
            <Select
              label={t('coop.fields.registryKind')}
              description={t('coop.fields.registryKindHint')}
              data={[{ value: 'none', label: t('coop.registryKinds.none') }, ...REGISTRY_KINDS.map((value) => ({ value, label: t(`coop.registryKinds.${value}`) }))]}
              allowDeselect={false}
              {...form.getInputProps('registryKind')}
              data-testid="registry-kind"
            />
            <TextInput
              label={t('coop.fields.registryCity')}
              description={values.registryKind !== 'none' ? t('coop.fields.registryPreview', { mention: `${values.registryKind} ${values.registryCity.trim() || '…'} ${siren.replace(/(\d{3})(?=\d)/g, '$1 ')}` }) : undefined}
              disabled={values.registryKind === 'none'}
              {...form.getInputProps('registryCity')}
              data-testid="registry-city"
            />
            <TextInput
              label={t('coop.fields.electronicAddress')}
              description={t('coop.fields.electronicAddressHint')}
              placeholder={siren || undefined}
              styles={MONOSPACE_INPUT}
              {...form.getInputProps('electronicAddress')}
              data-testid="electronic-address"
            />
          </SimpleGrid>
        </Section>

        <Section title={t('coop.sections.address')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('coop.fields.addressLine1')} required {...form.getInputProps('addressLine1')} />
            <TextInput label={t('coop.fields.addressLine2')} {...form.getInputProps('addressLine2')} />
            <TextInput label={t('coop.fields.postalCode')} required {...form.getInputProps('postalCode')} />
            <TextInput label={t('coop.fields.city')} required {...form.getInputProps('city')} />
            <TextInput label={t('coop.fields.country')} required maxLength={2} {...form.getInputProps('country')} />
            <TextInput label={t('coop.fields.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('coop.fields.phone')} type="tel" {...form.getInputProps('phone')} />
          </SimpleGrid>
        </Section>

        <Section title={t('coop.sections.bank')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('coop.fields.iban')}
              required
              styles={MONOSPACE_INPUT}
              {...form.getInputProps('iban')}
              onBlur={(event) => form.setFieldValue('iban', formatIban(event.currentTarget.value))}
              data-testid="iban"
            />
            <TextInput label={t('coop.fields.bic')} required styles={MONOSPACE_INPUT} {...form.getInputProps('bic')} />
          </SimpleGrid>
        </Section>

        <Section title={t('coop.sections.money')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('coop.fields.contributionRate')} description={t('coop.fields.contributionRateHint')} required {...percent} {...form.getInputProps('contributionRatePct')} data-testid="contribution-rate" />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="contribution-basis-label">
                {t('coop.fields.contributionBasis')}
              </Text>
              <SegmentedControl
                aria-labelledby="contribution-basis-label"
                data={[
                  { value: 'validation', label: t('coop.contributionBasis.validation') },
                  { value: 'payment', label: t('coop.contributionBasis.payment') },
                ]}
                {...form.getInputProps('contributionBasis')}
                // Two long choices share a phone's width: each wraps on two lines rather than
                // being cut ("à l'encai…").
                fullWidth
                styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
                data-testid="contribution-basis"
              />
            </Stack>
            <NumberInput label={t('coop.fields.dealBringerRate')} description={t('coop.fields.dealBringerRateHint')} required {...percent} {...form.getInputProps('dealBringerRatePct')} />
            {/* Billed each month by the fees module to the membership types its card below chooses. */}
            <NumberInput label={t('coop.fields.monthlyMemberFee')} description={t('coop.fields.monthlyMemberFeeHint')} required min={0} max={100000} decimalScale={2} fixedDecimalScale suffix=" €" decimalSeparator={separators.decimalSeparator} data-testid="monthly-member-fee" {...form.getInputProps('monthlyMemberFeeEuros')} />
            <NumberInput label={t('coop.fields.latePenaltyRate')} description={t('coop.fields.latePenaltyRateHint')} required {...percent} {...form.getInputProps('latePenaltyRatePct')} />
          </SimpleGrid>
        </Section>

        <Section title={t('coop.sections.invoicing')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('coop.fields.invoiceNumberFormat')}
              description={t('coop.fields.invoiceNumberFormatHint')}
              required
              styles={MONOSPACE_INPUT}
              {...form.getInputProps('invoiceNumberFormat')}
              data-testid="numbering-format"
            />
            <Stack justify="flex-end">
              {!valid ? (
                <Text size="sm" c="red" aria-live="polite">
                  {t('coop.fields.invalidFormat')}
                </Text>
              ) : preview ? (
                <Text size="sm" data-testid="numbering-preview" aria-live="polite">
                  {t('coop.fields.nextNumber', { number: preview })}
                </Text>
              ) : null}
            </Stack>
            <NumberInput label={t('coop.fields.paymentTermsDays')} required min={0} max={60} allowDecimal={false} {...form.getInputProps('paymentTermsDays')} />
            <Stack justify="flex-end">
              <Switch
                label={t('coop.fields.paymentTermsEndOfMonth')}
                description={t('coop.fields.paymentTermsEndOfMonthHint')}
                {...form.getInputProps('paymentTermsEndOfMonth', { type: 'checkbox' })}
              />
            </Stack>
          </SimpleGrid>
        </Section>

        <Section title={t('coop.sections.membership')}>
          <Checkbox.Group label={t('coop.fields.membershipTypes')} required {...form.getInputProps('membershipTypes')}>
            <Group gap="lg" mt="xs">
              {MEMBERSHIP_TYPES.map((type) => (
                <Checkbox key={type} value={type} label={t(`coop.membershipTypes.${type}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <TagsInput
            label={t('coop.fields.poles')}
            description={t('coop.fields.polesHint')}
            clearable
            maxTags={30}
            data={DEFAULT_POLES.map(poleLabel)}
            {...form.getInputProps('poles')}
            data-testid="settings-poles"
          />
          <NumberInput label={t('coop.fields.leavingNoticeMonths')} required min={0} max={12} allowDecimal={false} maw={280} {...form.getInputProps('leavingNoticeMonths')} />
        </Section>

        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={update.isPending} data-testid="settings-save">
            {t('coop.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
