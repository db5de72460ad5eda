import { ListPager } from '../../components/ListPager';
import { ActionIcon, Anchor, Badge, Button, Card, Code, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconFilterOff } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { fr } from './i18n.fr';
import { useFormat } from '../../lib/format';
import { usePeople } from '../people';
import { entityPath, useAuditLabels } from './audit-labels';
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

      {log.isError ? (
        <ErrorAlert error={log.error} />
      ) : !log.data ? (
        <SectionLoader />
      ) : (
        <Card padding={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <VisuallyHidden>{t('audit.toggleDetails')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th>{t('audit.columns.at')}</Table.Th>
                  <Table.Th>{t('audit.columns.actor')}</Table.Th>
                  <Table.Th>{t('audit.columns.action')}</Table.Th>
                  <Table.Th>{t('audit.columns.entity')}</Table.Th>
                  <Table.Th>{t('audit.columns.changes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="md">
                        {t('audit.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  log.data.items.map((entry) => <AuditRow key={entry.id} entry={entry} />)
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <ListPager total={log.data?.total ?? 0} pageSize={PAGE_SIZE} page={page} onChange={(value) => setFilter('page', value > 1 ? String(value) : null)} label={t('common.pagination')} />
    </Page>
  );
}

function AuditRow({ entry }: { entry: AuditEntryData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useAuditLabels();
  const [open, setOpen] = useState(false);
  const fields = Object.entries(entry.changes);
  const path = entityPath(entry.entityType, entry.entityId);
  const detailsId = `audit-details-${entry.id}`;

  return (
    <Fragment>
      <Table.Tr data-testid={`audit-row-${entry.id}`} onClick={() => setOpen((o) => !o)} style={{ cursor: 'pointer' }}>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            aria-label={t('audit.toggleDetails')}
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={(event) => {
              event.stopPropagation();
              setOpen((o) => !o);
            }}
          >
            {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {format.dateTime(entry.at)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entry.actorName ?? t('audit.system')}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" fw={500}>
            {labels.action(entry.action)}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {entry.action}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{labels.entity(entry.entityType)}</Text>
          <Text size="xs" c="dimmed" ff="monospace" title={entry.entityId}>
            {entry.entityId.slice(0, 8)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color="gray" tt="none">
            {t('audit.fieldCount', { count: fields.length })}
          </Badge>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={6} bg="var(--mantine-color-gray-0)">
            <Stack gap="xs">
              {fields.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('audit.noChanges')}
                </Text>
              ) : (
                <Table withTableBorder withColumnBorders fz="sm" data-testid={`audit-changes-${entry.id}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('audit.field')}</Table.Th>
                      <Table.Th>{t('audit.before')}</Table.Th>
                      <Table.Th>{t('audit.after')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {fields.map(([field, change]) => (
                      <Table.Tr key={field}>
                        <Table.Td ff="monospace">{field}</Table.Td>
                        <Table.Td>
                          <ChangeValue value={change.before} />
                        </Table.Td>
                        <Table.Td>
                          <ChangeValue value={change.after} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              <Group gap="md">
                {path && (
                  <Anchor component={Link} to={path} size="sm">
                    {t('audit.openEntity')}
                  </Anchor>
                )}
                {entry.ip && (
                  <Text size="xs" c="dimmed">
                    {t('audit.ip', { ip: entry.ip })}
                  </Text>
                )}
              </Group>
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** A recorded value: text as is, anything structured as JSON, nothing as a dash. */
function ChangeValue({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Text c="dimmed">—</Text>;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return <Text size="sm" style={{ wordBreak: 'break-word' }}>{String(value)}</Text>;
  }
  return (
    <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}
