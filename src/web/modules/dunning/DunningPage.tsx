import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Text, Timeline, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconFileDownload, IconFileTypePdf, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DUNNING_CASE_STATES } from '../../../modules/dunning/contract';
import { ConfirmModal } from '../../components/ConfirmModal';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { ListPager } from '../../components/ListPager';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import {
  type DunningCaseData,
  type DunningCaseState,
  letterUrl,
  recoveryExportUrl,
  useDunningCases,
  useDunningSettings,
  useRecordRecoveryExport,
  useRunDunning,
} from './use-dunning';
import { NoticeDecision } from './NoticeDecision';
import { KIND_COLORS, StepBadge } from './StepBadge';

const PAGE_SIZE = 25;

const isState = (value: string | null): value is DunningCaseState => DUNNING_CASE_STATES.some((s) => s === value);

/** The team: overdue invoices being chased, their steps, recovery files, and a "run now". */
export default function DunningPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const rawState = params.get('state');
  const state: DunningCaseState = isState(rawState) ? rawState : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const openId = params.get('invoice');
  const cases = useDunningCases({ state, page, pageSize: PAGE_SIZE });
  const run = useRunDunning();
  const phone = useMediaQuery('(max-width: 36em)');

  const setParam = (name: 'state' | 'page' | 'invoice', value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      if (name === 'state') next.delete('page');
      return next;
    });

  const [asking, setAsking] = useState(false);
  const runNow = () =>
    run.mutate(undefined, {
      onSuccess: (result) => {
        setAsking(false);
        const taken = result.items.filter((item) => item.action !== 'skipped').length;
        notifications.show({
          color: result.enabled ? 'teal' : 'yellow',
          message: !result.enabled ? t('dunning.run.disabled') : taken === 0 ? t('dunning.run.nothing') : t('dunning.run.done', { count: taken }),
        });
      },
      onError: (error) => {
        setAsking(false);
        notifications.show({ color: 'red', message: error.message });
      },
    });

  return (
    <Page
      title={t('dunning.title')}
      actions={
        <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => setAsking(true)} loading={run.isPending} data-testid="dunning-run-now">
          {t('dunning.run.button')}
        </Button>
      }
    >
      <Text c="dimmed" mt={-8}>
        {t('dunning.intro')}
      </Text>
      <ConfirmModal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('dunning.run.confirmTitle')}
        confirmLabel={t('dunning.run.button')}
        onConfirm={runNow}
        loading={run.isPending}
        testId="dunning-run-modal"
      >
        {t('dunning.run.confirmText')}
      </ConfirmModal>
      <PlanSummary />
      <SegmentedControl
        aria-label={t('dunning.stateFilter')}
        value={state}
        onChange={(value) => setParam('state', value === 'open' ? null : value)}
        data={DUNNING_CASE_STATES.map((value) => ({ value, label: t(`dunning.states.${value}`) }))}
        orientation={phone ? 'vertical' : 'horizontal'}
        fullWidth
        maw={560}
        data-testid="dunning-state-filter"
      />
      <CasesList query={cases} openId={openId} onToggle={(id) => setParam('invoice', openId === id ? null : id)} />
      <ListPager total={cases.data?.total ?? 0} pageSize={PAGE_SIZE} page={page} onChange={(value) => setParam('page', value > 1 ? String(value) : null)} label={t('common.pagination')} />
    </Page>
  );
}

/** The coop's plan in one line, with a way to the settings for an admin. */
function PlanSummary() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const settings = useDunningSettings();
  if (!settings.data) return null;
  return (
    <Group gap="xs" wrap="wrap" data-testid="dunning-plan">
      <Text size="sm" fw={500}>
        {t('dunning.plan.title')}
      </Text>
      {!settings.data.enabled ? (
        <Badge color="gray" variant="light" tt="none">
          {t('dunning.plan.disabled')}
        </Badge>
      ) : (
        settings.data.steps.map((step, i) => (
          <Badge key={i} color={KIND_COLORS[step.kind]} variant="light" tt="none">
            {t('dunning.plan.step', { day: step.day, kind: t(`dunning.kinds.${step.kind}`) })}
          </Badge>
        ))
      )}
      {hasRole('admin') && (
        <Anchor component={Link} to="/settings#dunning" size="sm">
          {t('dunning.plan.edit')}
        </Anchor>
      )}
    </Group>
  );
}

/** The cases as a table on a wide screen, as cards on a phone; a case's history opens under it. */
function CasesList({ query, openId, onToggle }: { query: ReturnType<typeof useDunningCases>; openId: string | null; onToggle: (invoiceId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const recordExport = useRecordRecoveryExport();
  const columns: ListColumn<DunningCaseData>[] = [
    {
      key: 'invoice',
      header: t('dunning.columns.invoice'),
      phone: 'title',
      nowrap: true,
      cell: (item) => (
        <Anchor component={Link} to={`/invoices/${item.invoiceId}`} size="sm" fw={500}>
          {item.number}
        </Anchor>
      ),
    },
    {
      key: 'client',
      header: t('dunning.columns.client'),
      cell: (item) => (
        <>
          <Text size="sm">{item.clientName}</Text>
          <Text size="xs" c="dimmed">
            {item.activityName}
          </Text>
        </>
      ),
    },
    { key: 'dueDate', header: t('dunning.columns.dueDate'), nowrap: true, cell: (item) => <Text size="sm">{format.date(item.dueDate)}</Text> },
    {
      key: 'left',
      header: t('dunning.columns.left'),
      align: 'right',
      cell: (item) =>
        item.settled ? (
          <Badge color="teal" variant="light" tt="none" style={{ flexShrink: 0, minWidth: 'max-content' }}>
            {t('dunning.settled')}
          </Badge>
        ) : (
          <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
            {format.money(item.amountLeftCents)}
          </Text>
        ),
    },
    {
      key: 'lastStep',
      header: t('dunning.columns.lastStep'),
      cell: (item) => (
        <Stack gap={2} align="flex-start">
          <StepBadge event={item.lastEvent} />
          <Text size="xs" c="dimmed">
            {format.date(item.lastEvent.createdAt)}
          </Text>
          {item.paused && (
            <Badge color="yellow" variant="light" tt="none" data-testid={`dunning-paused-${item.number}`}>
              {t('dunning.paused')}
            </Badge>
          )}
          {item.lastEvent.action === 'pending' && !item.settled && <NoticeDecision eventId={item.lastEvent.id} number={item.number} />}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: t('dunning.columns.actions'),
      cell: (item) => (
        <>
          <Group gap="xs" wrap="wrap">
            <UnstyledButton onClick={() => onToggle(item.invoiceId)} aria-expanded={openId === item.invoiceId} aria-label={t('dunning.history.toggle', { number: item.number })} data-testid={`dunning-history-${item.number}`}>
              <Group gap={4} wrap="nowrap">
                {openId === item.invoiceId ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                <Text size="sm">{t('dunning.history.title')}</Text>
              </Group>
            </UnstyledButton>
            {item.inRecovery && (
              <Anchor href={recoveryExportUrl(item.invoiceId)} download onClick={() => recordExport.mutate(item.invoiceId)} size="sm" aria-label={t('dunning.recovery.exportFor', { number: item.number })} data-testid={`dunning-export-${item.number}`}>
                <Group gap={4} wrap="nowrap">
                  <IconFileDownload size={16} />
                  {t('dunning.recovery.export')}
                </Group>
              </Anchor>
            )}
          </Group>
          {item.inRecovery && item.recoveryExportedAt && (
            <Text size="xs" c="dimmed">
              {t('dunning.recovery.exportedOn', { date: format.dateTime(item.recoveryExportedAt) })}
            </Text>
          )}
        </>
      ),
    },
  ];
  return (
    <ListTable
      query={query}
      columns={columns}
      rowKey={(item) => item.invoiceId}
      rowTestId={(item) => `dunning-case-${item.number}`}
      expanded={(item) => (openId === item.invoiceId ? <History item={item} /> : null)}
      empty={t('dunning.empty')}
      minWidth={760}
      highlightOnHover={false}
    />
  );
}

function History({ item }: { item: DunningCaseData }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Timeline active={item.events.length - 1} bulletSize={14} lineWidth={2} py="xs" data-testid={`dunning-timeline-${item.number}`}>
      {item.events.map((event) => (
        <Timeline.Item key={event.id} title={<StepBadge event={event} />}>
          <Text size="xs" c="dimmed">
            {t('dunning.history.line', {
              step: event.stepIndex + 1,
              dueOn: format.date(event.dueOn),
              at: format.dateTime(event.createdAt),
              left: format.money(event.amountLeftCents),
            })}
            {' · '}
            {event.triggeredBy ? t('dunning.history.byPerson') : t('dunning.history.byScheduler')}
          </Text>
          {event.recipient && (
            <Text size="xs" c="dimmed">
              {t('dunning.history.to', { email: event.recipient })}
            </Text>
          )}
          {event.hasLetter && (
            <Anchor href={letterUrl(event.id)} target="_blank" rel="noopener" size="xs" data-testid={`dunning-letter-${item.number}`}>
              <Group gap={4} wrap="nowrap">
                <IconFileTypePdf size={14} />
                {t('dunning.history.letter')}
              </Group>
            </Anchor>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
