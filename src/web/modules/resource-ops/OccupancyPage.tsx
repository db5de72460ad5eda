import { BarChart } from '@mantine/charts';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInFrance } from '../../../platform/calendar/contract';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { occupancyCsvUrl, useMarkNoShows, useOccupancy } from './use-resource-ops';

/** A rate in the app's language (0,0 % in French, 0.0% in English). */
const percent = (perMille: number, lang: string) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(perMille / 1000);
const hours = (minutes: number) => Math.round(minutes / 6) / 10;

/** Staff: occupancy per resource and site, revenue, no-shows and peak hours over a period; CSV export. */
export default function OccupancyPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { hasRole } = useSession();
  const today = todayInFrance(new Date());
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const q = { from, to };
  const occ = useOccupancy(q);
  const noShows = useMarkNoShows();
  const data = occ.data;
  const peak = data ? Array.from({ length: 24 }, (_, h) => ({ hour: `${h}h`, booked: hours(data.peakHours.reduce((s, day) => s + day[h]!, 0)) })).filter((_, h) => h >= 6 && h <= 22) : [];
  return (
    <Page
      title={t('resourceOps.occupancy.title')}
      actions={
        <Group gap="xs">
          {hasRole('admin', 'staff') && (
            <Button variant="light" py={6} styles={{ root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal' } }} loading={noShows.isPending} onClick={() => noShows.mutate(120, { onSuccess: (r) => notifications.show({ message: t('resourceOps.occupancy.marked', { count: r.marked }) }) })}>
              {t('resourceOps.occupancy.markNoShows')}
            </Button>
          )}
          <Anchor href={occupancyCsvUrl(q)} download>
            <Group gap={4}>
              <IconDownload size={16} />
              {t('resourceOps.occupancy.csv')}
            </Group>
          </Anchor>
        </Group>
      }
    >
      <Stack gap="md">
        <Group grow wrap="wrap" maw={480}>
          <DateField label={t('resourceOps.occupancy.from')} value={from} onChange={(v) => v && setFrom(v)} />
          <DateField label={t('resourceOps.occupancy.to')} value={to} onChange={(v) => v && setTo(v)} min={from} />
        </Group>
        {occ.isError && <ErrorAlert error={occ.error} />}
        {noShows.isError && <ErrorAlert error={noShows.error} />}
        {data && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Stat label={t('resourceOps.occupancy.rate')} value={percent(data.totals.ratePerMille, fmt.lang)} />
              <Stat label={t('resourceOps.occupancy.booked')} value={new Intl.NumberFormat(fmt.lang === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 }).format(hours(data.totals.bookedMinutes))} />
              <Stat label={t('resourceOps.occupancy.revenue')} value={fmt.money(data.totals.revenueCents)} />
              <Stat label={t('resourceOps.occupancy.noShows')} value={String(data.totals.noShows)} />
            </SimpleGrid>
            <Card withBorder>
              <Title order={2} fz="h5" mb="sm">
                {t('resourceOps.occupancy.perResource')}
              </Title>
              {data.resources.length === 0 ? (
                <Text c="dimmed">{t('resourceOps.occupancy.empty')}</Text>
              ) : (
                <BarChart
                  h={Math.max(160, data.resources.length * 36)}
                  data={data.resources.map((r) => ({ name: r.name, rate: r.ratePerMille / 10 }))}
                  dataKey="name"
                  orientation="vertical"
                  yAxisProps={{ width: 110 }}
                  xAxisProps={{ domain: [0, 100] }}
                  valueFormatter={(v) => percent(v * 10, fmt.lang)}
                  series={[{ name: 'rate', label: t('resourceOps.occupancy.rate'), color: 'indigo.6' }]}
                  aria-label={t('resourceOps.occupancy.perResource')}
                  data-testid="occupancy-chart"
                />
              )}
            </Card>
            <Card withBorder>
              <Title order={2} fz="h5" mb="sm">
                {t('resourceOps.occupancy.peak')}
              </Title>
              <BarChart h={200} data={peak} dataKey="hour" series={[{ name: 'booked', label: t('resourceOps.occupancy.booked'), color: 'teal.6' }]} aria-label={t('resourceOps.occupancy.peak')} />
            </Card>
            <Card withBorder>
              <Title order={2} fz="h5" mb="sm">
                {t('resourceOps.occupancy.perSite')}
              </Title>
              <Table.ScrollContainer minWidth={520}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('resourceOps.occupancy.resource')}</Table.Th>
                      <Table.Th>{t('resourceOps.occupancy.site')}</Table.Th>
                      <Table.Th ta="right">{t('resourceOps.occupancy.rate')}</Table.Th>
                      <Table.Th ta="right">{t('resourceOps.occupancy.bookings')}</Table.Th>
                      <Table.Th ta="right">{t('resourceOps.occupancy.noShows')}</Table.Th>
                      <Table.Th ta="right">{t('resourceOps.occupancy.revenue')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.resources.map((r) => (
                      <Table.Tr key={r.resourceId}>
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td>{r.siteName}</Table.Td>
                        <Table.Td ta="right">{percent(r.ratePerMille, fmt.lang)}</Table.Td>
                        <Table.Td ta="right">{r.bookings}</Table.Td>
                        <Table.Td ta="right">{r.noShows}</Table.Td>
                        <Table.Td ta="right">{fmt.money(r.revenueCents)}</Table.Td>
                      </Table.Tr>
                    ))}
                    {data.sites.map((s) => (
                      <Table.Tr key={s.siteId} fw={600}>
                        <Table.Td>—</Table.Td>
                        <Table.Td>{s.siteName}</Table.Td>
                        <Table.Td ta="right">{percent(s.ratePerMille, fmt.lang)}</Table.Td>
                        <Table.Td ta="right">{s.bookings}</Table.Td>
                        <Table.Td ta="right">{s.noShows}</Table.Td>
                        <Table.Td ta="right">{fmt.money(s.revenueCents)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          </>
        )}
      </Stack>
    </Page>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg">
        {value}
      </Text>
    </Card>
  );
}
