import { Button, Card, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { eurosToCents, scaledToInput } from '../documents';
import { useInvoicingSettings, useUpdateInvoicingSettings } from './use-invoices';

/** Admins: whether members may issue their own invoices, and up to which total incl. VAT. */
export function InvoicingSettingsCard() {
  const { t, i18n } = useTranslation();
  const settings = useInvoicingSettings();
  const update = useUpdateInvoicingSettings();
  const [enabled, setEnabled] = useState(false);
  const [limit, setLimit] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const saved = settings.data?.memberValidationLimitCents;

  useEffect(() => {
    if (saved === undefined) return;
    setEnabled(saved !== null);
    setLimit(saved === null ? '' : scaledToInput(saved, 2, i18n.language));
  }, [saved]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setFieldError(null);
    setError(null);
    const cents = enabled ? eurosToCents(limit) : null;
    if (enabled && cents === null) return setFieldError(t('invoices.settings.badLimit'));
    try {
      await update.mutateAsync({ memberValidationLimitCents: cents });
      notifications.show({ color: 'teal', message: t('invoices.settings.saved') });
    } catch (err) {
      if (isApiError(err) && err.fields[0]) setFieldError(err.fields[0].message);
      else setError(err);
    }
  };

  return (
    <Card padding="lg" component="form" onSubmit={save} noValidate data-testid="invoicing-settings">
      <Title order={2} fz="h4" mb="md">
        {t('invoices.settings.title')}
      </Title>
      <Stack gap="md">
        <ErrorAlert error={settings.error ?? error} />
        <Switch
          label={t('invoices.settings.membersValidate')}
          description={t('invoices.settings.membersValidateHint')}
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
          data-testid="member-validation-switch"
        />
        {enabled && (
          <TextInput
            label={t('invoices.settings.limit')}
            description={t('invoices.settings.limitHint')}
            inputMode="decimal"
            rightSection="€"
            maw={280}
            value={limit}
            onChange={(e) => setLimit(e.currentTarget.value)}
            error={fieldError}
            data-testid="member-validation-limit"
          />
        )}
        {!enabled && (
          <Text size="sm" c="dimmed">
            {t('invoices.settings.staffOnly')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" variant="light" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={update.isPending} data-testid="invoicing-settings-save">
            {t('invoices.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
