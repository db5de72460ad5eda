import { ListPager } from '../../components/ListPager';
import { Anchor, Badge, Button, Checkbox, Group, Modal, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CLIENT_KINDS, type ClientKind } from '../../../modules/clients/contract';
import { useUrlFilters, useUrlSearch } from '../../lib/url-filters';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useSession } from '../../lib/session';
import { useActivityOptions } from '../activities';
import { ClientForm } from './ClientForm';
import { type ClientFilters, type ClientSummaryData, useClients, useCreateClient } from './use-clients';

const PAGE_SIZE = 25;

const isKind = (v: string | null): v is ClientKind => (CLIENT_KINDS as readonly string[]).includes(v ?? '');

/** The clients a person may see: all of the cooperative for advisors, "my clients" for a member. */
export default function ClientsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasRole } = useSession();
  const manages = hasRole('admin', 'staff');
  const { params, page, setFilter, setPage } = useUrlFilters();
  const [creating, setCreating] = useState(false);
  const create = useCreateClient();

  const q = params.get('q') ?? '';
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const activityId = params.get('activityId') ?? undefined;
  const archived = params.get('archived') === 'true' ? ('true' as const) : undefined;
  const filters: ClientFilters = { page, pageSize: PAGE_SIZE, q: q || undefined, kind, activityId, archived };
  const list = useClients(filters);
  const columns = useClientColumns();
  const activities = useActivityOptions();

  const { search, onSearch } = useUrlSearch(params, setFilter);

  const total = list.data?.total ?? 0;
  const filtered = Boolean(q || kind || activityId || archived);

  return (
    <Page
      title={manages ? t('clients.title') : t('clients.myTitle')}
      actions={
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="client-new">
          {t('clients.new')}
        </Button>
      }
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('clients.search')}
          placeholder={t('clients.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => onSearch(e.currentTarget.value)}
          w={{ base: '100%', xs: 260 }}
          type="search"
          data-testid="client-search"
        />
        <Select
          label={t('clients.filterKind')}
          placeholder={t('clients.allKinds')}
          data={CLIENT_KINDS.map((k) => ({ value: k, label: t(`clients.kind.${k}`) }))}
          value={kind ?? null}
          onChange={(v) => setFilter('kind', v)}
          clearable
          w={{ base: '100%', xs: 170 }}
        />
        <Select
          label={t('clients.filterActivity')}
          placeholder={t('clients.allActivities')}
          data={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))}
          value={activityId ?? null}
          onChange={(v) => setFilter('activityId', v)}
          searchable
          clearable
          w={{ base: '100%', xs: 240 }}
        />
        <Checkbox
          label={t('clients.showArchived')}
          checked={Boolean(archived)}
          onChange={(e) => setFilter('archived', e.currentTarget.checked ? 'true' : null)}
          mb={8}
        />
      </Group>

      <ListTable
        query={list}
        minWidth={640}
        empty={filtered ? t('clients.emptyFiltered') : t('clients.empty')}
        columns={columns}
        rowKey={(client) => client.id}
        rowTestId={(client) => `client-row-${client.name}`}
        onRowClick={(client) => navigate(`/clients/${client.id}`)}
      />

      <ListPager
        total={total}
        pageSize={PAGE_SIZE}
        page={page}
        onChange={setPage}
        label={t('clients.pagination')}
        count={t('clients.count', { count: total })}
      />

      <Modal opened={creating} onClose={() => setCreating(false)} title={t('clients.new')} size="lg">
        {creating && (
          <ClientForm
            mode="create"
            activityId={activityId}
            onCancel={() => setCreating(false)}
            onSubmit={async (body) => {
              const client = await create.mutateAsync(body);
              notifications.show({ color: 'teal', message: t('clients.created', { name: client.name }) });
              setCreating(false);
              navigate(`/clients/${client.id}`);
            }}
          />
        )}
      </Modal>
    </Page>
  );
}

/** The clients list's columns. */
function useClientColumns(): ListColumn<ClientSummaryData>[] {
  const { t } = useTranslation();
  return [
    {
      key: 'name',
      header: t('clients.columns.name'),
      phone: 'title',
      cell: (client) => (
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/clients/${client.id}`} fw={600}>
            {client.name}
          </Anchor>
          {client.archivedAt && (
            <Badge color="gray" variant="light" size="sm">
              {t('clients.archived')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'kind', header: t('clients.columns.kind'), cell: (client) => t(`clients.kind.${client.kind}`) },
    { key: 'siren', header: t('clients.columns.siren'), nowrap: true, cell: (client) => <Text span ff="monospace" size="sm">{client.siren ?? t('clients.none')}</Text> },
    { key: 'email', header: t('clients.columns.email'), cell: (client) => <span style={{ overflowWrap: 'anywhere' }}>{client.email ?? t('clients.none')}</span> },
    { key: 'city', header: t('clients.columns.city'), cell: (client) => client.city ?? t('clients.none') },
    {
      key: 'activities',
      header: t('clients.columns.activities'),
      cell: (client) => (
        <Group gap={4} justify="flex-end" style={{ display: 'inline-flex' }}>
          {client.activities.map((a) => (
            <Badge key={a.id} variant="outline" size="sm" ff="monospace">
              {a.code}
            </Badge>
          ))}
        </Group>
      ),
    },
  ];
}
