import { Button, Card, Group, NumberInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { useIndependentsSettings, useUpdateIndependentsSettings } from './use-independents';

/** Admins: the share of a member's declared revenue past which staff and member are warned. */
export function IndependentsSettingsCard() {
  const { t } = useTranslation();
  const settings = useIndependentsSettings();
  const update = useUpdateIndependentsSettings();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { thresholdPct: 50 as number | string } });

  useEffect(() => {
    if (settings.data) form.setValues({ thresholdPct: settings.data.thresholdBp / 100 });
    // Loads the saved value once it arrives; the form then owns it.
  }, [settings.data]);

  const save = form.onSubmit((v) => {
    setFormError(null);
    update.mutate(
      { thresholdBp: Math.round(Number(v.thresholdPct) * 100) },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('independents.settings.saved') }),
        onError: (error) => setFormError(applyApiError(form, error, { thresholdBp: 'thresholdPct' })),
      },
    );
  });

  return (
    <Card padding="lg">
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('independents.settings.title')}
          </Title>
          <ErrorAlert error={settings.error}>{formError}</ErrorAlert>
          <NumberInput
            label={t('independents.settings.threshold')}
            description={t('independents.settings.thresholdHint')}
            min={1}
            max={100}
            decimalScale={2}
            suffix=" %"
            maw={360}
            data-testid="independence-threshold"
            {...form.getInputProps('thresholdPct')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
              {t('independents.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
