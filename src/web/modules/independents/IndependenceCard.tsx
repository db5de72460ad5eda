import { Alert, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { useFormat } from '../../lib/format';
import { useIndependence } from './use-independents';

const percentOf = (bp: number, lang: string) => `${(bp / 100).toLocaleString(lang, { maximumFractionDigits: 2 })} %`;

/** A member's volume through the coop over 12 months against their declared revenue; `null`: my own. */
export function IndependenceCard({ memberId }: { memberId: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const view = useIndependence(memberId);
  if (view.isPending) return <SectionLoader />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  const v = view.data;
  const threshold = percentOf(v.thresholdBp, format.lang);
  return (
    <Card withBorder padding="md" data-testid="independence-card">
      <Stack gap="sm">
        <Title order={2} fz="h5">
          {t('independents.independence.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('independents.independence.period', { from: format.date(v.from), to: format.date(v.to) })}
        </Text>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm">{t('independents.independence.volume')}</Text>
          <Text fw={600} data-testid="independence-volume">
            {format.money(v.volumeCents)}
          </Text>
        </Group>
        {v.declaredRevenueCents === null || v.ratioBp === null ? (
          <Text size="sm" c="dimmed">
            {t('independents.independence.noStatement')}
          </Text>
        ) : (
          <>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm">{t('independents.independence.declared', { year: v.declaredYear })}</Text>
              <Text>{format.money(v.declaredRevenueCents)}</Text>
            </Group>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm">{t('independents.independence.ratio')}</Text>
              <Text fw={600} data-testid="independence-ratio">
                {percentOf(v.ratioBp, format.lang)}
              </Text>
            </Group>
            <Progress value={Math.min(100, v.ratioBp / 100)} color={v.ratioBp >= v.thresholdBp ? 'red' : 'teal'} aria-label={t('independents.independence.ratio')} />
          </>
        )}
        <Text size="sm" c="dimmed">
          {t('independents.independence.threshold', { percent: threshold })}
        </Text>
        {v.alert ? (
          <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} data-testid="independence-alert">
            {t('independents.independence.alert', { date: format.date(v.alert.crossedAt) })}
          </Alert>
        ) : (
          v.ratioBp !== null && (
            <Text size="sm" c="teal">
              {t('independents.independence.ok')}
            </Text>
          )
        )}
      </Stack>
    </Card>
  );
}
