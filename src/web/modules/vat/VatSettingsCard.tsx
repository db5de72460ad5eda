import { Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VatSettings } from '../../../modules/vat/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { useUpdateVatSettings, useVatSettings } from './use-vat';

/** Admins: when the coop's VAT becomes due (debits or receipts), and how often it files its return. */
export function VatSettingsCard() {
  const { t } = useTranslation();
  const settings = useVatSettings();
  const update = useUpdateVatSettings();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<VatSettings>({ initialValues: { regime: 'debits', periodicity: 'monthly' } });

  useEffect(() => {
    if (settings.data) form.setValues(settings.data);
    // Loads the saved values once they arrive; the form then owns them.
  }, [settings.data]);

  const save = form.onSubmit((v) => {
    setFormError(null);
    update.mutate(v, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('vat.settings.saved') }),
      onError: (error) => setFormError(applyApiError(form, error)),
    });
  });

  return (
    <Card padding="lg">
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('vat.settings.title')}
          </Title>
          <ErrorAlert error={settings.error}>{formError}</ErrorAlert>
          <Radio.Group label={t('vat.settings.regime')} {...form.getInputProps('regime')}>
            <Stack gap={6} mt={6}>
              <Radio value="debits" label={t('vat.settings.debits')} description={t('vat.settings.debitsHint')} data-testid="vat-regime-debits" />
              <Radio value="receipts" label={t('vat.settings.receipts')} description={t('vat.settings.receiptsHint')} data-testid="vat-regime-receipts" />
            </Stack>
          </Radio.Group>
          <Text size="sm" c="dimmed">
            {t('vat.settings.regimeRules')}
          </Text>
          <Radio.Group label={t('vat.settings.periodicity')} description={t('vat.settings.periodicityHint')} {...form.getInputProps('periodicity')}>
            <Group gap="md" mt={6}>
              <Radio value="monthly" label={t('vat.settings.monthly')} data-testid="vat-periodicity-monthly" />
              <Radio value="quarterly" label={t('vat.settings.quarterly')} data-testid="vat-periodicity-quarterly" />
            </Group>
          </Radio.Group>
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />} data-testid="vat-settings-save">
              {t('vat.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
