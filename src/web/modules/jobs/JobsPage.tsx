import { Anchor, Button, Group, Modal, Select, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { JOB_SORTS, JOB_STATUSES, type JobStatus } from '../../../modules/jobs/contract';
import { ListPager } from '../../components/ListPager';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useUrlFilters, useUrlSearch, useUrlSort } from '../../lib/url-filters';
import { JobForm } from './JobForm';
import { JobStatusBadge } from './JobStatusBadge';
import { type JobFilters, type JobSummaryData, useJobs } from './use-jobs';

const PAGE_SIZE = 25;
const isStatus = (v: string | null): v is JobStatus => (JOB_STATUSES as readonly string[]).includes(v ?? '');
type JobSort = (typeof JOB_SORTS)[number];

/** The jobs a person may see: the coop's for its team, for a member the ones their activities work on or brought. */
export default function JobsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasRole } = useSession();
  const manages = hasRole('admin', 'staff');
  const declares = manages || hasRole('member');
  const { params, setParams, page, setFilter, setPage } = useUrlFilters();
  const sort = useUrlSort(params, setParams);
  const { search, onSearch } = useUrlSearch(params, setFilter);
  const [creating, setCreating] = useState(false);
  const q = params.get('q') ?? undefined;
  const status = isStatus(params.get('status')) ? (params.get('status') as JobStatus) : undefined;
  const sortBy = (JOB_SORTS as readonly string[]).includes(sort.by ?? '') ? (sort.by as JobSort) : undefined;
  const filters: JobFilters = { page, pageSize: PAGE_SIZE, status, q, ...(sortBy ? { sort: sortBy, dir: sort.dir } : {}) };
  const list = useJobs(filters);
  const columns = useJobColumns();
  const total = list.data?.total ?? 0;

  return (
    <Page
      title={manages ? t('jobs.title') : t('jobs.myTitle')}
      actions={
        declares && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="job-new">
            {t('jobs.new')}
          </Button>
        )
      }
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('jobs.search')}
          placeholder={t('jobs.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => onSearch(e.currentTarget.value)}
          w={{ base: '100%', xs: 240 }}
          type="search"
        />
        <Select
          label={t('jobs.filterStatus')}
          placeholder={t('jobs.allStatuses')}
          data={JOB_STATUSES.map((s) => ({ value: s, label: t(`jobs.status.${s}`) }))}
          value={status ?? null}
          onChange={(v) => setFilter('status', v)}
          clearable
          w={{ base: '100%', xs: 180 }}
        />
      </Group>
      <ListTable
        query={list}
        minWidth={720}
        empty={status || q ? t('jobs.emptyFiltered') : t('jobs.empty')}
        columns={columns}
        sort={sort}
        rowKey={(job) => job.id}
        rowTestId={(job) => `job-row-${job.reference}`}
        onRowClick={(job) => navigate(`/jobs/${job.id}`)}
      />
      <ListPager total={total} pageSize={PAGE_SIZE} page={page} onChange={setPage} label={t('jobs.pagination')} count={t('jobs.count', { count: total })} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('jobs.new')} size="lg">
        {creating && (
          <JobForm
            onCancel={() => setCreating(false)}
            onDone={(job) => {
              setCreating(false);
              navigate(`/jobs/${job.id}`);
            }}
          />
        )}
      </Modal>
    </Page>
  );
}

function useJobColumns(): ListColumn<JobSummaryData>[] {
  const { t } = useTranslation();
  const format = useFormat();
  return [
    {
      key: 'reference',
      header: t('jobs.columns.reference'),
      sort: 'reference',
      phone: 'title',
      nowrap: true,
      cell: (job) => (
        <Anchor component={Link} to={`/jobs/${job.id}`} fw={600} ff="monospace">
          {job.reference}
        </Anchor>
      ),
    },
    { key: 'title', header: t('jobs.columns.title'), sort: 'title', cell: (job) => job.title },
    { key: 'client', header: t('jobs.columns.client'), cell: (job) => job.clientName },
    { key: 'bringer', header: t('jobs.columns.bringer'), cell: (job) => job.bringerName ?? t('jobs.info.none') },
    { key: 'participants', header: t('jobs.columns.participants'), align: 'right', cell: (job) => job.participantCount },
    { key: 'createdAt', header: t('jobs.columns.createdAt'), sort: 'createdAt', nowrap: true, cell: (job) => format.date(job.createdAt) },
    { key: 'status', header: t('jobs.columns.status'), phone: 'badge', cell: (job) => <JobStatusBadge status={job.status} /> },
  ];
}
