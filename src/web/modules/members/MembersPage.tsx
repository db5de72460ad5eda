import { ListPager } from '../../components/ListPager';
import { ListTable } from '../../components/ListTable';
import { Anchor, Button, Card, Drawer, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MEMBER_STATUSES, MEMBERSHIP_TYPES } from '../../../modules/members/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useMemberLabels } from './labels';
import { MemberStatusBadge } from './MemberStatusBadge';
import { NewMemberForm } from './NewMemberForm';
import { type MemberListParams, useAdvisors, useMembers } from './use-members';

const PAGE_SIZE = 25;
const SORTS = ['name', 'status', 'createdAt'] as const;
const FILTERS = ['q', 'status', 'type', 'skill', 'advisorId', 'pole', 'sort'] as const;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => (values.includes(value as T) ? (value as T) : undefined);

/** The members of the coop (staff): search, filters and page live in the URL, so a view can be shared. */
export default function MembersPage() {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const format = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const advisors = useAdvisors();

  const query: MemberListParams = {
    q: params.get('q') || undefined,
    status: oneOf(MEMBER_STATUSES, params.get('status')),
    type: oneOf(MEMBERSHIP_TYPES, params.get('type')),
    skill: params.get('skill') || undefined,
    advisorId: params.get('advisorId') || undefined,
    pole: params.get('pole') || undefined,
    sort: oneOf(SORTS, params.get('sort')) ?? 'name',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
  const members = useMembers(query);

  /** Changes one filter and goes back to the first page, whose results the filter changed. */
  const setFilter = (key: (typeof FILTERS)[number] | 'page', value: string | null | undefined) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: key === 'q' },
    );
  };
  const [search, setSearch] = useState(query.q ?? '');
  const pushSearch = useDebouncedCallback((value: string) => setFilter('q', value.trim()), 300);
  const filtered = FILTERS.some((key) => key !== 'sort' && params.get(key));

  return (
    <Page
      title={t('members.title')}
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="member-new">
          {t('members.list.newMember')}
        </Button>
      }
    >
      <Card withBorder padding="md">
        <Stack gap="sm">
          <TextInput
            label={t('members.list.searchLabel')}
            placeholder={t('members.list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              pushSearch(event.currentTarget.value);
            }}
            data-testid="member-search"
          />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
            <Select
              label={t('members.list.status')}
              placeholder={t('members.list.allStatuses')}
              clearable
              data={MEMBER_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
              value={query.status ?? null}
              onChange={(value) => setFilter('status', value)}
              data-testid="member-filter-status"
            />
            <Select
              label={t('members.list.type')}
              placeholder={t('members.list.allTypes')}
              clearable
              data={MEMBERSHIP_TYPES.map((m) => ({ value: m, label: labels.type(m) }))}
              value={query.type ?? null}
              onChange={(value) => setFilter('type', value)}
              data-testid="member-filter-type"
            />
            <TextInput
              label={t('members.list.skill')}
              placeholder={t('members.list.skillPlaceholder')}
              defaultValue={query.skill ?? ''}
              key={`skill-${query.skill ?? ''}`}
              onBlur={(event) => setFilter('skill', event.currentTarget.value.trim())}
              onKeyDown={(event) => {
                if (event.key === 'Enter') setFilter('skill', event.currentTarget.value.trim());
              }}
              data-testid="member-filter-skill"
            />
            <Select
              label={t('members.list.advisor')}
              placeholder={t('members.list.allAdvisors')}
              clearable
              searchable
              data={(advisors.data ?? []).map((a) => ({ value: a.userId, label: a.name }))}
              value={query.advisorId ?? null}
              onChange={(value) => setFilter('advisorId', value)}
              data-testid="member-filter-advisor"
            />
            <Select
              label={t('members.list.sort')}
              allowDeselect={false}
              data={SORTS.map((s) => ({ value: s, label: t(`members.list.sorts.${s}`) }))}
              value={query.sort ?? 'name'}
              onChange={(value) => setFilter('sort', value === 'name' ? null : value)}
            />
          </SimpleGrid>
          {filtered && (
            <Group>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => {
                  setSearch('');
                  setParams(new URLSearchParams());
                }}
              >
                {t('members.list.clearFilters')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>

      <ErrorAlert error={members.error} />

      {members.data && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="member-total">
            {t('members.list.total', { count: members.data.total })}
          </Text>
          <ListTable
            query={members}
            minWidth={720}
            empty={t('members.list.empty')}
            columns={[
              {
                key: 'name',
                header: t('members.fields.name'),
                phone: 'title',
                cell: (m) => (
                  <>
                    <Anchor component={Link} to={`/members/${m.id}`} fw={500}>
                      {m.lastName} {m.firstName}
                    </Anchor>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {m.email}
                      {m.companyName && ` · ${m.companyName}`}
                    </Text>
                  </>
                ),
              },
              { key: 'type', header: t('members.fields.membershipType'), cell: (m) => labels.type(m.membershipType) },
              {
                key: 'status',
                header: t('members.fields.status'),
                cell: (m) => (
                  <>
                    <MemberStatusBadge status={m.status} size="sm" />
                    <Text size="xs" c="dimmed">
                      {format.date(m.statusSince)}
                    </Text>
                  </>
                ),
              },
              { key: 'pole', header: t('members.fields.pole'), cell: (m) => (m.pole ? labels.pole(m.pole) : '—') },
              { key: 'advisor', header: t('members.fields.advisor'), cell: (m) => m.advisorName ?? '—' },
            ]}
            rowKey={(m) => m.id}
            rowTestId={(m) => `member-row-${m.email}`}
          />
          <ListPager
            total={members.data?.total ?? 0}
            pageSize={PAGE_SIZE}
            page={query.page ?? 1}
            onChange={(page) => setFilter('page', page === 1 ? null : String(page))}
            label={t('members.list.pagination')}
          />
        </Stack>
      )}

      <Drawer opened={creating} onClose={() => setCreating(false)} title={t('members.create.title')} position="right" size="md">
        {creating && (
          <NewMemberForm
            onCreated={(member) => {
              setCreating(false);
              void navigate(`/members/${member.id}`);
            }}
          />
        )}
      </Drawer>
    </Page>
  );
}
