import { ListPager } from '../../components/ListPager';
import { Anchor, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../../../modules/activities/contract';
import { useUrlFilters, useUrlSearch } from '../../lib/url-filters';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useLanguage } from '../../i18n';
import { useSession } from '../../lib/session';
import { ActivityStatusBadge } from './ActivityStatusBadge';
import { formatShare } from './holders';
import { NewActivityForm } from './NewActivityForm';
import { type ActivityData, useActivities, useMemberOptions } from './use-activities';

const PAGE_SIZE = 25;

const isStatus = (v: string | null): v is ActivityStatus => (ACTIVITY_STATUSES as readonly string[]).includes(v ?? '');

/**
 * Advisors see every activity of the cooperative, filter them and open new ones; a member
 * sees "my activities", the ones they hold (the API returns nothing else).
 */
export default function ActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasRole } = useSession();
  const manages = hasRole('admin', 'staff');
  const { params, page, setFilter, setPage } = useUrlFilters();
  const [creating, setCreating] = useState(false);

  const q = params.get('q') ?? '';
  const status = isStatus(params.get('status')) ? (params.get('status') as ActivityStatus) : undefined;
  const memberId = params.get('memberId') ?? undefined;
  const filters = { page, pageSize: PAGE_SIZE, q: q || undefined, status, memberId: manages ? memberId : undefined };
  const list = useActivities(filters);
  const columns = useActivityColumns();
  const members = useMemberOptions(manages);

  const { search, onSearch } = useUrlSearch(params, setFilter);

  const total = list.data?.total ?? 0;
  const filtered = Boolean(q || status || memberId);
  const title = manages ? t('activities.title') : t('activities.myTitle');

  return (
    <Page
      title={title}
      actions={
        manages && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="activity-new">
            {t('activities.new')}
          </Button>
        )
      }
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('activities.search')}
          placeholder={t('activities.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => onSearch(e.currentTarget.value)}
          w={{ base: '100%', xs: 240 }}
          type="search"
        />
        <Select
          label={t('activities.filterStatus')}
          placeholder={t('activities.allStatuses')}
          data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activities.status.${s}`) }))}
          value={status ?? null}
          onChange={(v) => setFilter('status', v)}
          clearable
          w={{ base: '100%', xs: 180 }}
        />
        {manages && (
          <Select
            label={t('activities.filterMember')}
            placeholder={t('activities.allMembers')}
            data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            value={memberId ?? null}
            onChange={(v) => setFilter('memberId', v)}
            searchable
            clearable
            w={{ base: '100%', xs: 240 }}
          />
        )}
      </Group>

      <ListTable
        query={list}
        minWidth={560}
        empty={filtered ? t('activities.emptyFiltered') : manages ? t('activities.empty') : t('activities.myEmpty')}
        columns={columns}
        rowKey={(activity) => activity.id}
        rowTestId={(activity) => `activity-row-${activity.code}`}
        onRowClick={(activity) => navigate(`/activities/${activity.id}`)}
      />

      <ListPager
        total={total}
        pageSize={PAGE_SIZE}
        page={page}
        onChange={setPage}
        label={t('activities.pagination')}
        count={t('activities.count', { count: total })}
      />

      <Modal opened={creating} onClose={() => setCreating(false)} title={t('activities.new')} size="lg">
        {creating && (
          <NewActivityForm
            onCancel={() => setCreating(false)}
            onDone={(activity) => {
              setCreating(false);
              navigate(`/activities/${activity.id}`);
            }}
          />
        )}
      </Modal>
    </Page>
  );
}

/** The activities list's columns. */
function useActivityColumns(): ListColumn<ActivityData>[] {
  const { t } = useTranslation();
  const lang = useLanguage();
  return [
    {
      key: 'code',
      header: t('activities.columns.code'),
      phone: 'title',
      nowrap: true,
      cell: (activity) => (
        <Anchor component={Link} to={`/activities/${activity.id}`} fw={600} ff="monospace">
          {activity.code}
        </Anchor>
      ),
    },
    { key: 'name', header: t('activities.columns.name'), cell: (activity) => activity.name },
    {
      key: 'holders',
      header: t('activities.columns.holders'),
      cell: (activity) => (
        <Stack gap={0}>
          {activity.holders.map((h) => (
            <Text key={h.memberId} size="sm">
              {h.name}
              {activity.holders.length > 1 && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  · {formatShare(h.shareBp, lang)} %
                </Text>
              )}
            </Text>
          ))}
        </Stack>
      ),
    },
    { key: 'status', header: t('activities.columns.status'), phone: 'badge', cell: (activity) => <ActivityStatusBadge status={activity.status} /> },
  ];
}
