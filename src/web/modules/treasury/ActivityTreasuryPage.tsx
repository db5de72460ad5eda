import { Anchor, Card, CloseButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TREASURY_LINE_GROUPS, type TreasuryLineGroup } from '../../../modules/treasury/contract';
import { ListPager } from '../../components/ListPager';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useUrlFilters } from '../../lib/url-filters';
import { figureOfGroup } from './figures';
import { TreasuryCard } from './TreasuryCard';
import { TreasuryChart } from './TreasuryChart';
import { type TreasuryLineData, useActivityName, useTreasuryLines } from './use-treasury';

const PAGE_SIZE = 25;
const isGroup = (v: string | null): v is TreasuryLineGroup => (TREASURY_LINE_GROUPS as readonly string[]).includes(v ?? '');

/** One activity's treasury in full: the figures, the twelve months, and the ledger lines behind the figure picked (kept in the URL). */
export default function ActivityTreasuryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const activity = useActivityName(id);
  const { params, setFilter, page, setPage } = useUrlFilters();
  const groupParam = params.get('group');
  const group = isGroup(groupParam) ? groupParam : undefined;
  return (
    <Page title={activity.data ? t('treasury.activityTitle', { name: activity.data.name }) : t('treasury.title')}>
      <Anchor component={Link} to={`/activities/${id}`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('treasury.back')}
        </Group>
      </Anchor>
      <TreasuryCard activityId={id} />
      {group ? (
        <TreasuryLines activityId={id} group={group} page={page} onPage={setPage} onClose={() => setFilter('group', null)} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('treasury.lines.pick')}
        </Text>
      )}
      <TreasuryChart activityId={id} />
    </Page>
  );
}

function TreasuryLines({ activityId, group, page, onPage, onClose }: { activityId: string; group: TreasuryLineGroup; page: number; onPage: (p: number) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lines = useTreasuryLines(activityId, group, page, PAGE_SIZE);
  const figure = t(`treasury.figures.${figureOfGroup(group)}`);
  const total = lines.data?.total ?? 0;
  const columns: ListColumn<TreasuryLineData>[] = [
    { key: 'date', header: t('treasury.lines.date'), nowrap: true, phone: 'title', cell: (l) => fmt.date(l.date) },
    { key: 'entry', header: t('treasury.lines.entry'), nowrap: true, cell: (l) => `${l.journalCode} ${l.entryNumber}` },
    { key: 'account', header: t('treasury.lines.account'), cell: (l) => `${l.account} ${l.accountLabel}` },
    { key: 'label', header: t('treasury.lines.label'), cell: (l) => (l.lineLabel ? `${l.entryLabel} – ${l.lineLabel}` : l.entryLabel) },
    { key: 'debit', header: t('treasury.lines.debit'), align: 'right', nowrap: true, cell: (l) => (l.debitCents ? fmt.money(l.debitCents) : '') },
    { key: 'credit', header: t('treasury.lines.credit'), align: 'right', nowrap: true, cell: (l) => (l.creditCents ? fmt.money(l.creditCents) : '') },
  ];
  return (
    <Card padding="lg" data-testid="treasury-lines">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} fz="h4">
            {t('treasury.lines.title', { figure })}
          </Title>
          <CloseButton onClick={onClose} aria-label={t('treasury.lines.close')} />
        </Group>
        <ListTable
          query={lines}
          minWidth={720}
          columns={columns}
          rowKey={(l) => `${l.entryId}-${l.lineNo}`}
          rowTestId={(l) => `treasury-line-${l.entryNumber}-${l.lineNo}`}
          empty={t('treasury.lines.empty')}
        />
        <ListPager total={total} pageSize={PAGE_SIZE} page={page} onChange={onPage} label={t('treasury.lines.pagination')} count={t('treasury.lines.count', { count: total })} />
      </Stack>
    </Card>
  );
}
