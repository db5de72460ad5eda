import { Alert, Button, Card, Group, SimpleGrid, NumberInput, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { breakdownOfGross, MAX_SALARY_GROSS_CENTS, type SalaryOverview } from '../../../modules/salaries/contract';
import { SectionLoader } from '../../components/FullPageLoader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListPager } from '../../components/ListPager';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { isApiError } from '../../lib/api';
import { useUrlFilters, useUrlSort } from '../../lib/url-filters';
import type { Wire } from '../../lib/wire';
import { useActivityOptions } from '../activities';
import { type SalaryDecision, SalaryDecisionModal } from './SalaryDecisionModal';
import { SalarySimulator, SalarySmoothing } from './SalarySimulator';
import { useSalaryColumns } from './salary-columns';
import { centsOfEuros, useSalaryFormat } from './salary-format';
import { type SalaryRequestData, useRequestSalary, useSalaryOverview, useSalaryRequests } from './use-salaries';
import { SALARY_SORTS, type SalarySort } from '../../../modules/salaries/contract';

const PAGE_SIZE = 25;

/** A member's salary: per activity, the simulator, the smoothing, the request and her requests. */
export default function SalaryPage() {
  const { t } = useTranslation();
  const { params, setParams, page, setPage, setFilter } = useUrlFilters();
  const sort = useUrlSort(params, setParams);
  const activities = useActivityOptions({ status: 'active' });
  const options = (activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} · ${a.name}` }));
  const activityId = params.get('activity') ?? options[0]?.value ?? null;
  const overview = useSalaryOverview(activityId);
  const [gross, setGross] = useState<number | string>('');
  const [deciding, setDeciding] = useState<{ request: SalaryRequestData; decision: SalaryDecision } | null>(null);
  const list = useSalaryRequests({ page, pageSize: PAGE_SIZE, activityId: activityId ?? undefined, ...((SALARY_SORTS as readonly string[]).includes(sort.by ?? '') ? { sort: sort.by as SalarySort, dir: sort.dir } : {}) }, { enabled: Boolean(activityId) });
  const columns = useSalaryColumns({ showMember: false, actionsOf: (r) => (r.status === 'requested' ? ['cancel'] : []), onAction: (request, decision) => setDeciding({ request, decision }) });
  const useGross = (cents: number) => {
    setGross(cents / 100);
    document.getElementById('salary-request-title')?.scrollIntoView({ behavior: 'smooth' });
  };

  return (
    <Page title={t('salaries.title')}>
      {activities.isError ? (
        <ErrorAlert error={activities.error} />
      ) : activities.isPending ? (
        <SectionLoader />
      ) : options.length === 0 ? (
        <Alert color="gray">{t('salaries.noActivity')}</Alert>
      ) : (
        <Stack gap="lg">
          <Select label={t('salaries.activity')} data={options} value={activityId} onChange={(v) => setFilter('activity', v)} allowDeselect={false} w={{ base: '100%', sm: 360 }} data-testid="salary-activity" />
          {overview.isError ? (
            <ErrorAlert error={overview.error} />
          ) : !overview.data ? (
            <SectionLoader />
          ) : (
            <>
              <AvailableCard overview={overview.data} />
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                <SalarySimulator rates={overview.data.rates} onUseGross={overview.data.canRequest ? useGross : undefined} />
                <SalarySmoothing overview={overview.data} onUseGross={overview.data.canRequest ? useGross : undefined} />
              </SimpleGrid>
              {overview.data.canRequest && <RequestForm overview={overview.data} gross={gross} setGross={setGross} />}
            </>
          )}
          <Title order={2} fz="h4">
            {t('salaries.list.mine')}
          </Title>
          <ListTable query={list} minWidth={760} empty={t('salaries.list.empty')} columns={columns} rowKey={(r) => r.id} rowTestId={(r) => `salary-row-${r.id}`} sort={sort} />
          <ListPager total={list.data?.total ?? 0} pageSize={PAGE_SIZE} page={page} onChange={setPage} label={t('salaries.list.pagination')} count={t('salaries.list.count', { count: list.data?.total ?? 0 })} />
        </Stack>
      )}
      <SalaryDecisionModal request={deciding?.request ?? null} decision={deciding?.decision ?? null} onClose={() => setDeciding(null)} />
    </Page>
  );
}

function AvailableCard({ overview }: { overview: Wire<SalaryOverview> }) {
  const { t } = useTranslation();
  const { money } = useSalaryFormat();
  return (
    <Card padding="lg">
      <Group justify="space-between" wrap="wrap">
        <Text fw={500}>{t('salaries.available')}</Text>
        <Text fw={700} fz="xl" c={overview.availableCents < 0 ? 'red' : undefined} data-testid="salary-available">
          {money(overview.availableCents)}
        </Text>
      </Group>
      {overview.pendingCents > 0 && (
        <Text size="sm" c="dimmed">
          {t('salaries.availableHint', { pending: money(overview.pendingCents) })}
        </Text>
      )}
    </Card>
  );
}

function RequestForm({ overview, gross, setGross }: { overview: Wire<SalaryOverview>; gross: number | string; setGross: (v: number | string) => void }) {
  const { t } = useTranslation();
  const { money, month: monthName, lang } = useSalaryFormat();
  const request = useRequestSalary();
  const [month, setMonth] = useState<string>(overview.askableMonths[1] ?? overview.askableMonths[0]!);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setError(null), [gross, month]);
  const grossCents = Math.min(centsOfEuros(gross), MAX_SALARY_GROSS_CENTS);
  const amounts = grossCents > 0 ? breakdownOfGross(grossCents, overview.rates) : null;
  const over = amounts !== null && amounts.employerCostCents > overview.availableCents;
  const fieldMessage = (path: string) => (isApiError(error) ? error.fields.find((f) => f.path === path)?.message : undefined);
  const submit = async () => {
    setError(null);
    try {
      await request.mutateAsync({ activityId: overview.activityId, month, grossCents, note: note.trim() || null });
      notifications.show({ color: 'teal', message: t('salaries.request.done', { gross: money(grossCents), month: monthName(month) }) });
      setGross('');
      setNote('');
    } catch (e) {
      setError(e);
    }
  };
  const grossError = over && amounts ? t('salaries.request.overTreasury', { cost: money(amounts.employerCostCents), available: money(Math.max(0, overview.availableCents)) }) : fieldMessage('grossCents');
  return (
    <Card padding="lg" component="section" aria-labelledby="salary-request-title">
      <Title order={2} fz="h4" mb="sm" id="salary-request-title">
        {t('salaries.request.title')}
      </Title>
      <Stack gap="sm">
        <Group grow wrap="wrap" align="flex-start">
          <Select
            label={t('salaries.request.month')}
            data={overview.askableMonths.map((m) => ({ value: m, label: monthName(m) }))}
            value={month}
            onChange={(v) => v && setMonth(v)}
            allowDeselect={false}
            error={fieldMessage('month')}
            miw={200}
            data-testid="salary-request-month"
          />
          <NumberInput
            label={t('salaries.request.gross')}
            value={gross}
            onChange={setGross}
            min={0}
            max={MAX_SALARY_GROSS_CENTS / 100}
            decimalScale={2}
            suffix=" €"
            decimalSeparator={lang === 'fr' ? ',' : '.'}
            thousandSeparator={lang === 'fr' ? '\u202f' : ','}
            error={grossError}
            miw={200}
            data-testid="salary-request-gross"
          />
        </Group>
        {amounts && !over && (
          <Text size="sm" c="dimmed" data-testid="salary-request-cost">
            {t('salaries.request.cost', { cost: money(amounts.employerCostCents), net: money(amounts.netCents) })}
          </Text>
        )}
        <Textarea label={t('salaries.request.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={1} />
        {!fieldMessage('grossCents') && !fieldMessage('month') && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button onClick={submit} loading={request.isPending} disabled={!amounts || over} data-testid="salary-request-submit">
            {t('salaries.request.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
