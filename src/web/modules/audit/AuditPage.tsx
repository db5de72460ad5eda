import { ListPager } from '../../components/ListPager';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { fr } from './i18n.fr';
import { useFormat } from '../../lib/format';
import { usePeople } from '../people';
import { entityPath, useAuditLabels, useChangeLabels } from './audit-labels';
import { describeAuditChange } from './describe-audit-change';
import { type AuditEntryData, useAuditLog } from './use-audit-log';
import { DateField } from '../../components/DateField';

const PAGE_SIZE = 25;
const FILTERS = ['entityType', 'entityId', 'actorUserId', 'action', 'from', 'to'] as const;
type FilterName = (typeof FILTERS)[number];

// Every action the catalogue names, "member.created"…, for the action filter.
const KNOWN_ACTIONS = Object.entries(fr.actions).flatMap(([entity, actions]) => Object.keys(actions).map((a) => `${entity}.${a}`));
const KNOWN_ENTITIES = Object.keys(fr.entities);

/** A calendar day typed in the filter, as the instant it starts or ends in the browser's time zone. */
const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined);
const dayEnd = (day: string) => (day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined);

/** Admins: who changed what and when, filtered by record, author, action and period. */
export default function AuditPage() {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filter = (name: FilterName) => params.get(name) ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const setFilter = (name: FilterName | 'page', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        // A new filter starts again from the first page.
        if (name !== 'page') next.delete('page');
        return next;
      },
      { replace: name !== 'page' },
    );

  const log = useAuditLog({
    entityType: filter('entityType') || undefined,
    entityId: filter('entityId') || undefined,
    actorUserId: filter('actorUserId') || undefined,
    action: filter('action') || undefined,
    from: dayStart(filter('from')),
    to: dayEnd(filter('to')),
    page,
    pageSize: PAGE_SIZE,
  });
  const people = usePeople({ page: 1, pageSize: 100 });
  const hasFilters = FILTERS.some((name) => params.has(name));
  const columns: ListColumn<AuditEntryData>[] = [
    {
      key: 'action',
      header: t('audit.columns.action'),
      phone: 'title',
      minWidth: 180,
      cell: (entry) => (
        <Text size="sm" fw={600}>
          {labels.action(entry.action)}
        </Text>
      ),
    },
    { key: 'entity', header: t('audit.columns.entity'), minWidth: 160, cell: (entry) => <AuditTarget entry={entry} /> },
    { key: 'at', header: t('audit.columns.at'), nowrap: true, cell: (entry) => <Text size="sm">{format.dateTime(entry.at)}</Text> },
    { key: 'actor', header: t('audit.columns.actor'), cell: (entry) => <Text size="sm">{entry.actorName ?? t('audit.system')}</Text> },
    { key: 'changes', header: t('audit.columns.changes'), minWidth: 260, cell: (entry) => <AuditChanges entry={entry} /> },
  ];

  return (
    <Page title={t('audit.title')}>
      <Text c="dimmed" mt={-8}>
        {t('audit.intro')}
      </Text>
      <Card padding="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Select
            label={t('audit.filters.entityType')}
            placeholder={t('audit.filters.any')}
            data={KNOWN_ENTITIES.map((value) => ({ value, label: labels.entity(value) }))}
            value={filter('entityType') || null}
            onChange={(value) => setFilter('entityType', value)}
            clearable
            data-testid="audit-filter-entity-type"
          />
          <TextInput
            label={t('audit.filters.entityId')}
            value={filter('entityId')}
            onChange={(event) => setFilter('entityId', event.currentTarget.value.trim())}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Select
            label={t('audit.filters.action')}
            placeholder={t('audit.filters.any')}
            data={KNOWN_ACTIONS.map((value) => ({ value, label: labels.action(value) }))}
            value={filter('action') || null}
            onChange={(value) => setFilter('action', value)}
            searchable
            clearable
            data-testid="audit-filter-action"
          />
          <Select
            label={t('audit.filters.actor')}
            placeholder={t('audit.filters.any')}
            data={(people.data?.items ?? []).map((p) => ({ value: p.userId, label: p.displayName }))}
            value={filter('actorUserId') || null}
            onChange={(value) => setFilter('actorUserId', value)}
            searchable
            clearable
          />
          <DateField label={t('audit.filters.from')} value={filter('from')} onChange={(day) => setFilter('from', day)} />
          <DateField label={t('audit.filters.to')} value={filter('to')} onChange={(day) => setFilter('to', day)} />
        </SimpleGrid>
        {hasFilters && (
          <Group justify="flex-end" mt="sm">
            <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => setParams(new URLSearchParams())}>
              {t('audit.filters.reset')}
            </Button>
          </Group>
        )}
      </Card>

      <ListTable
        query={log}
        columns={columns}
        rowKey={(entry) => entry.id}
        rowTestId={(entry) => `audit-row-${entry.id}`}
        empty={t('audit.empty')}
        minWidth={820}
        highlightOnHover={false}
      />
      <ListPager total={log.data?.total ?? 0} pageSize={PAGE_SIZE} page={page} onChange={(value) => setFilter('page', value > 1 ? String(value) : null)} label={t('common.pagination')} />
    </Page>
  );
}

/** The record an entry is about: its kind, then its number or name (linked to its page), with its amount and day. */
function AuditTarget({ entry }: { entry: AuditEntryData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useAuditLabels();
  const path = entityPath(entry.entityType, entry.entityId);
  const details = [entry.targetAmountCents !== null ? format.money(entry.targetAmountCents) : null, entry.targetDate ? format.date(entry.targetDate) : null].filter(Boolean);
  return (
    <Stack gap={0} data-testid={`audit-target-${entry.id}`}>
      <Text size="xs" c="dimmed">
        {labels.entity(entry.entityType)}
      </Text>
      {entry.targetLabel && (
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {path ? (
            <Anchor component={Link} to={path} inherit>
              {entry.targetLabel}
            </Anchor>
          ) : (
            entry.targetLabel
          )}
        </Text>
      )}
      {!entry.targetLabel && path && (
        <Anchor component={Link} to={path} size="sm">
          {t('audit.openEntity')}
        </Anchor>
      )}
      {details.length > 0 && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {details.join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

/** How many changes read at a glance; the others wait behind "see all". */
const PREVIEW = 2;

/** The changes of an entry, field by field, before → after, as a person reads them (never raw JSON). */
function AuditChanges({ entry }: { entry: AuditEntryData }) {
  const { t } = useTranslation();
  const changeLabels = useChangeLabels(entry.labels);
  const [open, setOpen] = useState(false);
  const changes = describeAuditChange(entry.changes, changeLabels);
  const detailsId = `audit-details-${entry.id}`;
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  }
  const shown = open ? changes : changes.slice(0, PREVIEW);
  return (
    <Stack gap={6} id={detailsId}>
      <Stack gap={6} data-testid={`audit-changes-${entry.id}`}>
        {shown.map((change) => (
          <div key={change.key} data-testid={`audit-change-${change.key}`} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {change.label}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {change.before !== '—' && (
                <>
                  <Text span c="dimmed" td="line-through" inherit>
                    {change.before}
                  </Text>
                  {' → '}
                </>
              )}
              {change.after}
            </Text>
          </div>
        ))}
      </Stack>
      <Group gap="sm" wrap="wrap">
        {(changes.length > PREVIEW || entry.ip) && (
          <Button
            variant="subtle"
            size="compact-xs"
            aria-label={t('audit.toggleDetails')}
            aria-expanded={open}
            aria-controls={detailsId}
            leftSection={open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t('audit.less') : t('audit.more', { count: changes.length })}
          </Button>
        )}
        {open && entry.ip && (
          <Text size="xs" c="dimmed">
            {t('audit.ip', { ip: entry.ip })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
