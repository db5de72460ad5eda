import { Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useQuotesSettings, useUpdateQuotesSettings } from './use-quotes';

/** Admins: whether the team validates every quote before it takes its number and goes to the client. */
export function QuotesSettingsCard() {
  const { t } = useTranslation();
  const settings = useQuotesSettings();
  const update = useUpdateQuotesSettings();
  const [needsValidation, setNeedsValidation] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const saved = settings.data?.needsValidation;

  useEffect(() => {
    if (saved !== undefined) setNeedsValidation(saved);
  }, [saved]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await update.mutateAsync({ needsValidation });
      notifications.show({ color: 'teal', message: t('quotes.settings.saved') });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Card padding="lg" component="form" onSubmit={save} noValidate data-testid="quotes-settings">
      <Title order={2} fz="h4" mb="md">
        {t('quotes.settings.title')}
      </Title>
      <Stack gap="md">
        <ErrorAlert error={settings.error ?? error} />
        <Switch
          label={t('quotes.settings.needsValidation')}
          description={t('quotes.settings.needsValidationHint')}
          checked={needsValidation}
          disabled={saved === undefined}
          onChange={(e) => setNeedsValidation(e.currentTarget.checked)}
          data-testid="quotes-validation-switch"
        />
        {!needsValidation && (
          <Text size="sm" c="dimmed">
            {t('quotes.settings.membersValidate')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" variant="light" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={update.isPending} disabled={saved === undefined} data-testid="quotes-settings-save">
            {t('quotes.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
