import { Button, Card, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionSettings } from '../../../modules/contribution/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { boundCentsOf } from './amounts';
import { useContributionSettings, useSaveContributionSettings } from './use-contribution';

type Period = ContributionSettings['boundPeriod'];

/** Admins: the coop's floor and ceiling of the contribution, per invoice or per month. */
export function ContributionSettingsCard() {
  const { t } = useTranslation();
  const settings = useContributionSettings();
  const save = useSaveContributionSettings();
  const [floor, setFloor] = useState<number | string>('');
  const [ceiling, setCeiling] = useState<number | string>('');
  const [period, setPeriod] = useState<Period>('invoice');
  const [errors, setErrors] = useState<{ floor?: string; ceiling?: string }>({});
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!settings.data) return;
    setFloor(settings.data.floorCents === null ? '' : settings.data.floorCents / 100);
    setCeiling(settings.data.ceilingCents === null ? '' : settings.data.ceilingCents / 100);
    setPeriod(settings.data.boundPeriod);
  }, [settings.data]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const floorCents = boundCentsOf(floor);
    const ceilingCents = boundCentsOf(ceiling);
    const next: typeof errors = {};
    if (floorCents === undefined) next.floor = t('contribution.settings.badAmount');
    if (ceilingCents === undefined) next.ceiling = t('contribution.settings.badAmount');
    if (floorCents != null && ceilingCents != null && floorCents > ceilingCents) next.floor = t('contribution.settings.floorAboveCeiling');
    setErrors(next);
    if (next.floor || next.ceiling) return;
    try {
      await save.mutateAsync({ floorCents: floorCents ?? null, ceilingCents: ceilingCents ?? null, boundPeriod: period });
      notifications.show({ color: 'teal', message: t('contribution.settings.saved') });
    } catch (err) {
      if (isApiError(err) && err.fields.length) setErrors({ floor: err.fields.find((f) => f.path === 'floorCents')?.message, ceiling: err.fields.find((f) => f.path === 'ceilingCents')?.message });
      else setError(err);
    }
  };

  return (
    <Card padding="lg" component="form" onSubmit={submit} noValidate data-testid="contribution-settings">
      <Title order={2} fz="h4" mb="md">
        {t('contribution.settings.title')}
      </Title>
      <Stack gap="md">
        <ErrorAlert error={settings.error ?? error} />
        <Text size="sm" c="dimmed">
          {t('contribution.settings.intro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('contribution.settings.floor')} description={t('contribution.settings.floorHint')} min={0} max={1_000_000} decimalScale={2} rightSection="€" value={floor} onChange={setFloor} error={errors.floor} data-testid="contribution-floor" />
          <NumberInput label={t('contribution.settings.ceiling')} description={t('contribution.settings.ceilingHint')} min={0} max={1_000_000} decimalScale={2} rightSection="€" value={ceiling} onChange={setCeiling} error={errors.ceiling} data-testid="contribution-ceiling" />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="contribution-period-label">
            {t('contribution.settings.period')}
          </Text>
          <SegmentedControl
            aria-labelledby="contribution-period-label"
            data={[
              { value: 'invoice', label: t('contribution.settings.periods.invoice') },
              { value: 'month', label: t('contribution.settings.periods.month') },
            ]}
            value={period}
            onChange={(v) => setPeriod(v as Period)}
            fullWidth
            styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
            data-testid="contribution-period"
          />
          <Text size="xs" c="dimmed">
            {t(`contribution.settings.periodHelp.${period}`)}
          </Text>
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" variant="light" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={save.isPending} data-testid="contribution-settings-save">
            {t('contribution.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
