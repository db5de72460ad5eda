import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SalaryStatus } from '../../../modules/salaries/contract';
import type { ListColumn } from '../../components/ListTable';
import type { SalaryDecision } from './SalaryDecisionModal';
import { useSalaryFormat } from './salary-format';
import type { SalaryRequestData } from './use-salaries';

const STATUS_COLORS: Record<SalaryStatus, string> = { requested: 'orange', validated: 'teal', refused: 'red', cancelled: 'gray' };

export function SalaryStatusBadge({ status }: { status: SalaryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size="sm" data-testid="salary-status">
      {t(`salaries.status.${status}`)}
    </Badge>
  );
}

/**
 * The columns of a list of salary requests. `actionsOf` names the decisions the viewer may take
 * on a row (the team: validate, refuse, cancel; a member: withdraw her pending request).
 */
export function useSalaryColumns(opts: { showMember: boolean; actionsOf: (r: SalaryRequestData) => SalaryDecision[]; onAction: (r: SalaryRequestData, d: SalaryDecision) => void }): ListColumn<SalaryRequestData>[] {
  const { t } = useTranslation();
  const { money, month } = useSalaryFormat();
  const label = { validate: t('salaries.validate'), refuse: t('salaries.refuse'), cancel: t('salaries.cancel') };
  return [
    { key: 'month', header: t('salaries.columns.month'), sort: 'month', nowrap: true, phone: 'title', cell: (r) => <b>{month(r.month)}</b> },
    ...(opts.showMember ? [{ key: 'member', header: t('salaries.columns.member'), cell: (r: SalaryRequestData) => r.memberName } satisfies ListColumn<SalaryRequestData>] : []),
    { key: 'activity', header: t('salaries.columns.activity'), cell: (r) => `${r.activityCode} · ${r.activityName}` },
    { key: 'gross', header: t('salaries.columns.gross'), sort: 'gross', align: 'right', nowrap: true, cell: (r) => money(r.grossCents) },
    { key: 'cost', header: t('salaries.columns.employerCost'), align: 'right', nowrap: true, cell: (r) => money(r.employerCostCents) },
    { key: 'net', header: t('salaries.columns.net'), sort: 'net', align: 'right', nowrap: true, cell: (r) => money(r.netCents) },
    {
      key: 'status',
      header: t('salaries.columns.status'),
      sort: 'status',
      phone: 'badge',
      cell: (r) => (
        <Stack gap={2}>
          <SalaryStatusBadge status={r.status} />
          {(r.refusalReason ?? r.cancelReason) && (
            <Text size="xs" c="dimmed">
              {r.refusalReason ?? r.cancelReason}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: t('salaries.columns.actions'),
      cell: (r) => (
        <Group gap={4} wrap="wrap">
          {opts.actionsOf(r).map((d) => (
            <Button key={d} size="compact-sm" variant={d === 'validate' ? 'filled' : 'light'} color={d === 'validate' ? 'teal' : 'red'} onClick={() => opts.onAction(r, d)} data-testid={`salary-${d}-${r.id}`}>
              {label[d]}
            </Button>
          ))}
        </Group>
      ),
    },
  ];
}
