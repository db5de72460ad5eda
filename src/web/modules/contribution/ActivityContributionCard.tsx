import { Button, Card, Checkbox, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityContribution, ContributionSettings } from '../../../modules/contribution/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { boundCentsOf, formatRate } from './amounts';
import { useActivityContribution, useSaveActivityContribution } from './use-contribution';

/**
 * On an activity: what it gave the cooperative this year and the rule it follows; the team
 * may give it a rule of its own (rate, floor and ceiling) from the next invoices on.
 */
export function ActivityContributionCard({ activityId, manages }: { activityId: string; manages: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const contribution = useActivityContribution(activityId);
  if (contribution.isError) return <ErrorAlert error={contribution.error} />;
  const c = contribution.data;
  if (!c) return null;
  const { effective } = c;
  return (
    <Card padding="lg" data-testid="activity-contribution">
      <Title order={2} size="h4" mb="xs">
        {t('contribution.activity.title')}
      </Title>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text>{t('contribution.activity.year', { year: c.year })}</Text>
          <Text fw={700} data-testid="activity-contribution-year">
            {fmt.money(c.yearAmountCents)}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" data-testid="activity-contribution-rule">
          {t('contribution.activity.rule', { rate: formatRate(effective.rateBp, fmt.lang), basis: t(`contribution.activity.basis.${effective.basis}`) })}
          {effective.floorCents !== null && ` · ${t('contribution.activity.floor', { amount: fmt.money(effective.floorCents), period: t(`contribution.activity.periodOf.${effective.boundPeriod}`) })}`}
          {effective.ceilingCents !== null && ` · ${t('contribution.activity.ceiling', { amount: fmt.money(effective.ceilingCents), period: t(`contribution.activity.periodOf.${effective.boundPeriod}`) })}`}
        </Text>
        {manages && <OverrideForm activityId={activityId} contribution={c} />}
      </Stack>
    </Card>
  );
}

function OverrideForm({ activityId, contribution }: { activityId: string; contribution: ActivityContribution }) {
  const { t } = useTranslation();
  const save = useSaveActivityContribution(activityId);
  const s = contribution.settings;
  const [rate, setRate] = useState<number | string>('');
  const [ownBounds, setOwnBounds] = useState(false);
  const [floor, setFloor] = useState<number | string>('');
  const [ceiling, setCeiling] = useState<number | string>('');
  const [period, setPeriod] = useState<ContributionSettings['boundPeriod']>('invoice');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setRate(s.rateBp === null ? '' : s.rateBp / 100);
    setOwnBounds(s.boundsOverridden);
    setFloor(s.floorCents === null ? '' : s.floorCents / 100);
    setCeiling(s.ceilingCents === null ? '' : s.ceilingCents / 100);
    setPeriod(s.boundPeriod);
  }, [s]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const rateBp = rate === '' ? null : Math.round(Number(rate) * 100);
    const floorCents = ownBounds ? boundCentsOf(floor) : null;
    const ceilingCents = ownBounds ? boundCentsOf(ceiling) : null;
    const next: Record<string, string | undefined> = {};
    if (rateBp !== null && (!Number.isFinite(rateBp) || rateBp < 0 || rateBp > 10_000)) next.rateBp = t('contribution.settings.badAmount');
    if (floorCents === undefined) next.floorCents = t('contribution.settings.badAmount');
    if (ceilingCents === undefined) next.ceilingCents = t('contribution.settings.badAmount');
    if (floorCents != null && ceilingCents != null && floorCents > ceilingCents) next.floorCents = t('contribution.settings.floorAboveCeiling');
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    try {
      await save.mutateAsync({ rateBp, boundsOverridden: ownBounds, floorCents: floorCents ?? null, ceilingCents: ceilingCents ?? null, boundPeriod: period });
      notifications.show({ color: 'teal', message: t('contribution.activity.saved') });
    } catch (err) {
      if (isApiError(err) && err.fields.length) setErrors(Object.fromEntries(err.fields.map((f) => [f.path, f.message])));
      else setError(err);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="activity-contribution-form">
    <Stack gap="sm" mt="sm">
      <Text fw={500}>{t('contribution.activity.override')}</Text>
      <ErrorAlert error={error} />
      <NumberInput label={t('contribution.activity.ownRate')} description={t('contribution.activity.ownRateHint')} min={0} max={100} decimalScale={2} rightSection="%" maw={280} value={rate} onChange={setRate} error={errors.rateBp} data-testid="activity-contribution-rate" />
      <Checkbox label={t('contribution.activity.ownBounds')} description={t('contribution.activity.ownBoundsHint')} checked={ownBounds} onChange={(e) => setOwnBounds(e.currentTarget.checked)} data-testid="activity-contribution-own-bounds" />
      {ownBounds && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('contribution.settings.floor')} description={t('contribution.settings.floorHint')} min={0} decimalScale={2} rightSection="€" value={floor} onChange={setFloor} error={errors.floorCents} />
            <NumberInput label={t('contribution.settings.ceiling')} description={t('contribution.settings.ceilingHint')} min={0} decimalScale={2} rightSection="€" value={ceiling} onChange={setCeiling} error={errors.ceilingCents} />
          </SimpleGrid>
          <SegmentedControl
            aria-label={t('contribution.settings.period')}
            data={[
              { value: 'invoice', label: t('contribution.settings.periods.invoice') },
              { value: 'month', label: t('contribution.settings.periods.month') },
            ]}
            value={period}
            onChange={(v) => setPeriod(v as ContributionSettings['boundPeriod'])}
            fullWidth
            styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
          />
          <Text size="xs" c="dimmed">
            {t(`contribution.settings.periodHelp.${period}`)}
          </Text>
        </>
      )}
      <Group justify="flex-end">
        <Button type="submit" variant="light" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={save.isPending} data-testid="activity-contribution-save">
          {t('contribution.activity.save')}
        </Button>
      </Group>
    </Stack>
    </form>
  );
}
