import { Button, Group, Select, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SALARY_SORTS, SALARY_STATUSES, type SalarySort, type SalaryStatus } from '../../../modules/salaries/contract';
import { ListPager } from '../../components/ListPager';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useSession } from '../../lib/session';
import { useUrlFilters, useUrlSort } from '../../lib/url-filters';
import { type SalaryDecision, SalaryDecisionModal } from './SalaryDecisionModal';
import { useSalaryColumns } from './salary-columns';
import { useSalaryFormat } from './salary-format';
import { type SalaryFilters, type SalaryRequestData, useSalaryRequests } from './use-salaries';

const PAGE_SIZE = 25;

/** The last twelve months and the next, newest first: the months a team filters or exports. */
function recentMonths(today = new Date()): string[] {
  const out: string[] = [];
  for (let i = 1; i >= -12; i--) {
    const d = new Date(today.getFullYear(), today.getMonth() + i, 1);
    out.push(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/** The team's salary requests: to validate or refuse, filtered by month and status, and the month's payroll export. */
export default function SalaryRequestsPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const decides = hasRole('admin', 'staff');
  const { month: monthName } = useSalaryFormat();
  const { params, setParams, page, setPage, setFilter } = useUrlFilters();
  const sort = useUrlSort(params, setParams);
  const [deciding, setDeciding] = useState<{ request: SalaryRequestData; decision: SalaryDecision } | null>(null);
  const monthParam = params.get('month');
  const statusParam = params.get('status');
  const filters: SalaryFilters = {
    page,
    pageSize: PAGE_SIZE,
    month: monthParam && /^\d{4}-\d{2}$/.test(monthParam) ? monthParam : undefined,
    status: (SALARY_STATUSES as readonly string[]).includes(statusParam ?? '') ? (statusParam as SalaryStatus) : undefined,
    ...((SALARY_SORTS as readonly string[]).includes(sort.by ?? '') ? { sort: sort.by as SalarySort, dir: sort.dir } : {}),
  };
  const list = useSalaryRequests(filters);
  const columns = useSalaryColumns({
    showMember: true,
    actionsOf: (r) => (!decides ? [] : r.status === 'requested' ? ['validate', 'refuse'] : r.status === 'validated' ? ['cancel'] : []),
    onAction: (request, decision) => setDeciding({ request, decision }),
  });
  const total = list.data?.total ?? 0;
  return (
    <Page
      title={t('salaries.teamTitle')}
      actions={
        <Button
          component="a"
          href={filters.month ? `/api/salaries/export.csv?month=${filters.month}` : undefined}
          download
          variant="default"
          disabled={!filters.month}
          leftSection={<IconDownload size={18} aria-hidden />}
          data-testid="salary-export"
        >
          {t('salaries.export')}
        </Button>
      }
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('salaries.filters.month')}
          data={recentMonths().map((m) => ({ value: m, label: monthName(m) }))}
          value={filters.month ?? null}
          onChange={(v) => setFilter('month', v)}
          clearable
          w={{ base: '100%', xs: 200 }}
          data-testid="salary-filter-month"
        />
        <Select
          label={t('salaries.filters.status')}
          placeholder={t('salaries.filters.allStatuses')}
          data={SALARY_STATUSES.map((s) => ({ value: s, label: t(`salaries.status.${s}`) }))}
          value={filters.status ?? null}
          onChange={(v) => setFilter('status', v)}
          clearable
          w={{ base: '100%', xs: 200 }}
          data-testid="salary-filter-status"
        />
      </Group>
      {!filters.month && (
        <Text size="sm" c="dimmed">
          {t('salaries.exportHint')}
        </Text>
      )}
      <ListTable
        query={list}
        minWidth={980}
        empty={filters.month || filters.status ? t('salaries.list.emptyFiltered') : t('salaries.list.empty')}
        columns={columns}
        rowKey={(r) => r.id}
        rowTestId={(r) => `salary-row-${r.id}`}
        sort={sort}
      />
      <ListPager total={total} pageSize={PAGE_SIZE} page={page} onChange={setPage} label={t('salaries.list.pagination')} count={t('salaries.list.count', { count: total })} />
      <SalaryDecisionModal request={deciding?.request ?? null} decision={deciding?.decision ?? null} onClose={() => setDeciding(null)} />
    </Page>
  );
}
