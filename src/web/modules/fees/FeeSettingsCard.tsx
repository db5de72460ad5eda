import { Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAIN_VERSIONS } from '../../../modules/fees/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { useFeeSettings, useUpdateFeeSettings } from './use-fees';

const TYPES = ['independent', 'coworker', 'entrepreneur_salarie'] as const;
const RATES = ['2000', '1000', '550', '210', '0'];

/** Admins: who the monthly fee is billed to, its VAT, and the direct debit settings (ICS, notice, file version). */
export function FeeSettingsCard() {
  const { t } = useTranslation();
  const settings = useFeeSettings();
  const update = useUpdateFeeSettings();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { billedTypes: [] as string[], vatRateBp: '2000', creditorId: '', prenotificationDays: 14 as number | string, painVersion: 'pain.008.001.08' as string },
  });
  useEffect(() => {
    if (settings.data) {
      const s = settings.data;
      form.setValues({ billedTypes: s.billedTypes, vatRateBp: String(s.vatRateBp), creditorId: s.creditorId ?? '', prenotificationDays: s.prenotificationDays, painVersion: s.painVersion });
    }
    // Loads the saved values once they arrive; the form then owns them.
  }, [settings.data]);
  const save = form.onSubmit((v) => {
    setFormError(null);
    update.mutate(
      {
        billedTypes: v.billedTypes as (typeof TYPES)[number][],
        vatRateBp: Number(v.vatRateBp),
        creditorId: v.creditorId.trim() ? v.creditorId.trim() : null,
        prenotificationDays: Number(v.prenotificationDays),
        painVersion: v.painVersion as (typeof PAIN_VERSIONS)[number],
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('fees.settings.saved') }), onError: (error) => setFormError(applyApiError(form, error)) },
    );
  });
  return (
    <Card padding="lg">
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('fees.settings.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('fees.settings.intro')}
          </Text>
          <ErrorAlert error={settings.error}>{formError}</ErrorAlert>
          <Checkbox.Group label={t('fees.settings.billedTypes')} {...form.getInputProps('billedTypes')}>
            <Group gap="md" mt={4}>
              {TYPES.map((type) => (
                <Checkbox key={type} value={type} label={t(`fees.types.${type}`)} data-testid={`fee-type-${type}`} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('fees.settings.vatRate')} data={RATES.map((r) => ({ value: r, label: `${Number(r) / 100} %` }))} allowDeselect={false} {...form.getInputProps('vatRateBp')} />
            <TextInput label={t('fees.settings.creditorId')} description={t('fees.settings.creditorIdHint')} maxLength={20} data-testid="fee-creditor-id" {...form.getInputProps('creditorId')} />
            <NumberInput label={t('fees.settings.notice')} description={t('fees.settings.noticeHint')} min={2} max={30} {...form.getInputProps('prenotificationDays')} />
            <Select label={t('fees.settings.version')} description={t('fees.settings.versionHint')} data={PAIN_VERSIONS.map((v) => ({ value: v, label: v }))} allowDeselect={false} {...form.getInputProps('painVersion')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />} data-testid="fee-settings-save">
              {t('fees.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
