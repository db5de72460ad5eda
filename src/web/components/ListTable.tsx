import { Card, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

interface ListTableProps {
  /** The list query: its error, its loading state and whether it came back empty. */
  query: Pick<UseQueryResult<{ items: readonly unknown[] }>, 'isError' | 'error' | 'isPending' | 'data'>;
  /** Below this width the table scrolls sideways instead of squeezing its columns (phones). */
  minWidth: number;
  /** The header cells. */
  head: ReactNode;
  /** What an empty page says ("Aucun devis pour ces filtres."). */
  empty: ReactNode;
  highlightOnHover?: boolean;
  /** The rows. */
  children: ReactNode;
}

/** The table of every paginated list, with the same error, loading and empty states on every screen. */
export function ListTable({ query, minWidth, head, empty, highlightOnHover = true, children }: ListTableProps) {
  const { t } = useTranslation();
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
    </Card>
  );
}
