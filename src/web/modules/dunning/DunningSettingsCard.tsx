import { ActionIcon, Button, Card, Group, NumberInput, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUNNING_KINDS, type DunningSettings } from '../../../modules/dunning/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { useDunningSettings, useUpdateDunningSettings } from './use-dunning';

const MAX_STEPS = 10;

/** Admins: the coop's dunning plan, steps in days after the due date. */
export function DunningSettingsCard() {
  const { t } = useTranslation();
  const settings = useDunningSettings();
  const update = useUpdateDunningSettings();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<DunningSettings>({ initialValues: { enabled: true, steps: [], minGapDays: 7 } });

  useEffect(() => {
    if (settings.data) {
      form.setValues(settings.data);
      form.resetDirty(settings.data);
    }
    // Loads the saved plan once it arrives; the form then owns the values.
  }, [settings.data]);

  const save = form.onSubmit((values) => {
    setFormError(null);
    update.mutate(values, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('dunning.settings.saved') }),
      onError: (error) => setFormError(applyApiError(form, error)),
    });
  });

  const lastDay = form.values.steps.at(-1)?.day ?? 0;

  return (
    <Card padding="lg" id="dunning" component="section" aria-labelledby="dunning-settings-title">
      <Title order={2} fz="h4" mb="xs" id="dunning-settings-title">
        {t('dunning.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('dunning.settings.intro')}
      </Text>
      {settings.isError ? (
        <ErrorAlert error={settings.error} />
      ) : (
        <form onSubmit={save} noValidate>
          <Stack gap="md">
            <Switch label={t('dunning.settings.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} data-testid="dunning-enabled" />
            {form.values.steps.map((_, i) => (
              <Group key={i} align="flex-end" wrap="nowrap" gap="xs" data-testid={`dunning-step-${i}`}>
                <NumberInput
                  label={t('dunning.settings.day')}
                  aria-label={t('dunning.settings.dayOf', { n: i + 1 })}
                  min={1}
                  max={730}
                  allowDecimal={false}
                  allowNegative={false}
                  w={130}
                  {...form.getInputProps(`steps.${i}.day`)}
                />
                <Select
                  label={t('dunning.settings.kind')}
                  aria-label={t('dunning.settings.kindOf', { n: i + 1 })}
                  data={DUNNING_KINDS.map((value) => ({ value, label: t(`dunning.kinds.${value}`) }))}
                  allowDeselect={false}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`steps.${i}.kind`)}
                />
                <ActionIcon variant="subtle" color="red" size="lg" mb={2} onClick={() => form.removeListItem('steps', i)} aria-label={t('dunning.settings.remove', { n: i + 1 })}>
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            ))}
            {form.values.steps.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('dunning.settings.noStep')}
              </Text>
            )}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} />}
                disabled={form.values.steps.length >= MAX_STEPS}
                onClick={() => form.insertListItem('steps', { day: lastDay + 15, kind: 'reminder' })}
                data-testid="dunning-add-step"
              >
                {t('dunning.settings.add')}
              </Button>
            </Group>
            <NumberInput
              label={t('dunning.settings.minGap')}
              description={t('dunning.settings.minGapHelp')}
              min={0}
              max={90}
              allowDecimal={false}
              allowNegative={false}
              maw={320}
              {...form.getInputProps('minGapDays')}
              data-testid="dunning-min-gap"
            />
            <Text size="xs" c="dimmed">
              {t('dunning.settings.legal')}
            </Text>
            {formError && <ErrorAlert>{formError}</ErrorAlert>}
            <Group justify="flex-end">
              <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={update.isPending} disabled={!settings.data} data-testid="dunning-settings-save">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
