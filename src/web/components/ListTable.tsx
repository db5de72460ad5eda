import { Card, Group, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Fragment, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

/** Below this width a list is a stack of cards, not a table scrolled sideways (phones). */
export const PHONE_QUERY = '(max-width: 48em)';

export type SortDirection = 'asc' | 'desc';

/** One column of a list: its header, how a row fills it, and how it behaves on a phone. */
export interface ListColumn<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'right';
  /** The sort key the server takes for this column; absent when the column does not sort. */
  sort?: string;
  /** Kept on one line (amounts, dates, numbers). */
  nowrap?: boolean;
  /** Smallest width of the column on a wide screen. */
  minWidth?: number;
  /**
   * On a phone card: `title` heads the card (the number, the name), `badge` sits beside the
   * title (a status), `hidden` is left out; any other column shows as "label: value".
   */
  phone?: 'title' | 'badge' | 'hidden';
  /** The cell of the totals row (the sum of the whole filtered set, from the server). */
  total?: ReactNode;
}

export interface ListSort {
  by: string | undefined;
  dir: SortDirection;
  onChange: (by: string | undefined, dir: SortDirection) => void;
}

type ListQuery<T> = Pick<UseQueryResult<{ items: readonly T[] }>, 'isError' | 'error' | 'isPending' | 'data'>;

interface ColumnsProps<T> {
  /** The list query: its rows, its error, its loading state and whether it came back empty. */
  query: ListQuery<T>;
  columns: readonly ListColumn<T>[];
  rowKey: (row: T) => string;
  /** The `data-testid` of a row (or of its card on a phone). */
  rowTestId?: (row: T) => string;
  /** Opening the row's page by clicking anywhere on it (links inside keep their own target). */
  onRowClick?: (row: T) => void;
  /** What an empty page says ("Aucun devis pour ces filtres."). */
  empty: ReactNode;
  /** On a wide screen, below this width the table scrolls inside its own box. */
  minWidth: number;
  sort?: ListSort;
  /** The label of the totals row ("Total des 42 factures"), shown when a column has a total. */
  totalsLabel?: ReactNode;
  /** The `data-testid` of the totals row (or card); `list-totals` unless told. */
  totalsTestId?: string;
  /**
   * What opens under a row (a dunning case's history): a full-width row below it on a wide
   * screen, the foot of its card on a phone; null when the row is closed.
   */
  expanded?: (row: T) => ReactNode;
  /** The `data-testid` of the table on a wide screen. */
  tableTestId?: string;
  striped?: boolean;
  highlightOnHover?: boolean;
}

interface LegacyProps {
  query: Pick<UseQueryResult<{ items: readonly unknown[] }>, 'isError' | 'error' | 'isPending' | 'data'>;
  minWidth: number;
  head: ReactNode;
  empty: ReactNode;
  highlightOnHover?: boolean;
  children: ReactNode;
}

/**
 * The list of every screen, with the same error, loading and empty states everywhere. Given
 * `columns`, it is a table whose headers sort on a wide screen, and a stack of cards on a phone,
 * so nobody scrolls sideways to read a row; a totals row closes it when amounts are listed.
 * Given `head` and `children` (screens not moved to columns yet), it is a table that scrolls
 * inside its own box.
 */
export function ListTable<T>(props: ColumnsProps<T> | LegacyProps) {
  if ('columns' in props) return <ColumnsList {...props} />;
  return <LegacyTable {...props} />;
}

function States({ query, empty }: { query: Pick<UseQueryResult<{ items: readonly unknown[] }>, 'isPending' | 'data'>; empty: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {query.data && query.data.items.length === 0 && (
        <Text c="dimmed" p="lg" ta="center">
          {empty}
        </Text>
      )}
      {query.isPending && (
        <Text c="dimmed" p="lg" ta="center">
          {t('common.loading')}
        </Text>
      )}
    </>
  );
}

function LegacyTable({ query, minWidth, head, empty, highlightOnHover = true, children }: LegacyProps) {
  if (query.isError) return <ErrorAlert error={query.error} />;
  return (
    <Card padding={0}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table highlightOnHover={highlightOnHover} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <States query={query} empty={empty} />
    </Card>
  );
}

/** A click on a link or a button inside a row does its own thing, not the row's. */
const fromControl = (target: EventTarget) => target instanceof Element && target.closest('a, button, input, label, [role="button"]') !== null;

function ColumnsList<T>(props: ColumnsProps<T>) {
  const phone = useMediaQuery(PHONE_QUERY);
  if (props.query.isError) return <ErrorAlert error={props.query.error} />;
  return phone ? <CardsList {...props} /> : <WideTable {...props} />;
}

function SortHeader({ label, sortKey, sort }: { label: ReactNode; sortKey: string; sort: ListSort }) {
  const { t } = useTranslation();
  const active = sort.by === sortKey;
  const Icon = !active ? IconArrowsSort : sort.dir === 'asc' ? IconArrowUp : IconArrowDown;
  // First click sorts up, the second down, the third returns to the list's own order.
  const next = () => (!active ? sort.onChange(sortKey, 'asc') : sort.dir === 'asc' ? sort.onChange(sortKey, 'desc') : sort.onChange(undefined, 'asc'));
  return (
    <UnstyledButton onClick={next} aria-label={t('common.list.sortBy', { column: typeof label === 'string' ? label : sortKey })} data-testid={`sort-${sortKey}`} fw={700} fz="sm">
      <Group gap={4} wrap="nowrap" component="span">
        {label}
        <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.4 }} />
      </Group>
    </UnstyledButton>
  );
}

const ariaSort = (sort: ListSort | undefined, key: string | undefined) => (sort && key && sort.by === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined);

function WideTable<T>({ query, columns, rowKey, rowTestId, onRowClick, empty, minWidth, sort, totalsLabel, totalsTestId = 'list-totals', expanded, tableTestId, striped, highlightOnHover = true }: ColumnsProps<T>) {
  const hasTotals = columns.some((c) => c.total !== undefined);
  const cellStyle = (c: ListColumn<T>): CSSProperties => ({ whiteSpace: c.nowrap ? 'nowrap' : undefined, minWidth: c.minWidth });
  return (
    <Card padding={0}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table highlightOnHover={highlightOnHover} striped={striped} verticalSpacing="sm" data-testid={tableTestId}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} ta={c.align} style={cellStyle(c)} aria-sort={ariaSort(sort, c.sort)}>
                  {sort && c.sort ? <SortHeader label={c.header} sortKey={c.sort} sort={sort} /> : c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data?.items.map((row) => {
              const below = expanded?.(row);
              return (
                <Fragment key={rowKey(row)}>
                  <Table.Tr
                    data-testid={rowTestId?.(row)}
                    onClick={onRowClick ? (e) => !fromControl(e.target) && onRowClick(row) : undefined}
                    style={onRowClick ? { cursor: 'pointer' } : undefined}
                  >
                    {columns.map((c) => (
                      <Table.Td key={c.key} ta={c.align} style={cellStyle(c)}>
                        {c.cell(row)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  {below != null && (
                    <Table.Tr>
                      <Table.Td colSpan={columns.length} bg="var(--mantine-color-gray-0)">
                        {below}
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
          {hasTotals && query.data && query.data.items.length > 0 && (
            <Table.Tfoot data-testid={totalsTestId}>
              <Table.Tr>
                {columns.map((c, i) => (
                  <Table.Th key={c.key} ta={c.align} style={{ whiteSpace: 'nowrap' }}>
                    {c.total ?? (i === 0 ? totalsLabel : null)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Table.ScrollContainer>
      <States query={query} empty={empty} />
    </Card>
  );
}

function CardsList<T>({ query, columns, rowKey, rowTestId, onRowClick, empty, sort, totalsLabel, totalsTestId = 'list-totals', expanded }: ColumnsProps<T>) {
  const { t } = useTranslation();
  const title = columns.filter((c) => c.phone === 'title');
  const badges = columns.filter((c) => c.phone === 'badge');
  const fields = columns.filter((c) => c.phone === undefined);
  const sortable = columns.filter((c) => c.sort);
  const totals = columns.filter((c) => c.total !== undefined);
  return (
    <Stack gap="sm" data-testid="list-cards">
      {sort && sortable.length > 0 && (
        <Select
          label={t('common.list.sortLabel')}
          placeholder={t('common.list.defaultOrder')}
          data={sortable.flatMap((c) => [
            { value: `${c.sort}:asc`, label: `${typeof c.header === 'string' ? c.header : c.key} ↑` },
            { value: `${c.sort}:desc`, label: `${typeof c.header === 'string' ? c.header : c.key} ↓` },
          ])}
          value={sort.by ? `${sort.by}:${sort.dir}` : null}
          onChange={(v) => {
            const [by, dir] = (v ?? '').split(':');
            sort.onChange(by || undefined, dir === 'desc' ? 'desc' : 'asc');
          }}
          clearable
          allowDeselect
          data-testid="list-sort"
        />
      )}
      {query.data?.items.map((row) => (
        <Card
          key={rowKey(row)}
          padding="sm"
          withBorder
          data-testid={rowTestId?.(row)}
          onClick={onRowClick ? (e) => !fromControl(e.target) && onRowClick(row) : undefined}
          style={onRowClick ? { cursor: 'pointer' } : undefined}
        >
          <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap" mb={fields.length ? 6 : 0}>
            <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {title.map((c) => (
                <div key={c.key}>{c.cell(row)}</div>
              ))}
            </div>
            {badges.map((c) => (
              <div key={c.key}>{c.cell(row)}</div>
            ))}
          </Group>
          <Stack gap={2}>
            {fields.map((c) => (
              <Group key={c.key} justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {c.header}
                </Text>
                <Text component="div" size="sm" ta="right" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {c.cell(row)}
                </Text>
              </Group>
            ))}
          </Stack>
          {expanded?.(row)}
        </Card>
      ))}
      {totals.length > 0 && query.data && query.data.items.length > 0 && (
        <Card padding="sm" withBorder data-testid={totalsTestId}>
          <Text fw={700} size="sm" mb={4}>
            {totalsLabel}
          </Text>
          {totals.map((c) => (
            <Group key={c.key} justify="space-between" gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed">
                {c.header}
              </Text>
              <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                {c.total}
              </Text>
            </Group>
          ))}
        </Card>
      )}
      <States query={query} empty={empty} />
    </Stack>
  );
}
