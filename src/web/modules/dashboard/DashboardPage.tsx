import { BarChart, DonutChart } from '@mantine/charts';
import { Alert, Anchor, Badge, Card, ColorSwatch, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBuildingBank,
  IconBriefcase,
  IconCash,
  IconReceiptTax,
  IconScale,
  IconCircleCheck,
  IconFileAlert,
  IconMailForward,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  DASHBOARD_MEMBER_STATUSES,
  DASHBOARD_MEMBERSHIP_TYPES,
  type BookFigures,
  type CoopFigures,
  type MemberFigures,
  type RecentChange,
} from '../../../modules/dashboard/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import type { Wire } from '../../lib/wire';
import { entityPath, useAuditLabels } from '../audit';
import { MyMoney } from '../treasury';
import { useDashboard } from './use-dashboard';
import { WorkQueues } from './WorkQueues';

const TYPE_COLORS: Record<(typeof DASHBOARD_MEMBERSHIP_TYPES)[number], string> = {
  entrepreneur_salarie: 'indigo.6',
  independent: 'teal.6',
  coworker: 'orange.5',
};

/** Home page: the cooperative's figures for advisors and admins, their own file for members, the books for the accountant. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const dashboard = useDashboard();

  if (dashboard.isPending) return <Page title={t('dashboard.title')}><SectionLoader /></Page>;
  if (dashboard.isError) return <Page title={t('dashboard.title')}><ErrorAlert error={dashboard.error} /></Page>;

  const { coop, latestChanges, me, books } = dashboard.data;
  // A person holding both a staff and a member role sees both parts: name each one.
  const both = coop !== undefined && me !== undefined;
  // A member's money comes first: what each of their activities may pay out, then what waits.
  const moneyFirst = !both && me !== undefined && me !== null;
  return (
    <Page title={t('dashboard.title')}>
      {moneyFirst && <MyMoney />}
      <WorkQueues />
      {books && <BooksSection figures={books} />}
      {coop && (
        <Stack gap="md">
          {both && <SectionTitle>{t('dashboard.coopSection')}</SectionTitle>}
          <CoopSection figures={coop} />
        </Stack>
      )}
      {latestChanges && <LatestChanges entries={latestChanges} />}
      {me !== undefined && (
        <Stack gap="md">
          {both && <SectionTitle>{t('dashboard.mySection')}</SectionTitle>}
          {!moneyFirst && me !== null && <MyMoney />}
          <MySection me={me} />
        </Stack>
      )}
    </Page>
  );
}

/** The accountant's home: the ledger's balances of the sales chain, each opening the page that explains it. */
function BooksSection({ figures }: { figures: Wire<BookFigures> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <StatCard testId="stat-bank" label={t('dashboard.books.bank')} value={fmt.money(figures.bankCents)} hint={t('dashboard.books.bankHint')} icon={IconBuildingBank} to="/bank" />
      <StatCard
        testId="stat-receivables"
        label={t('dashboard.books.receivables')}
        value={fmt.money(figures.receivablesCents)}
        hint={t('dashboard.books.receivablesHint')}
        icon={IconCash}
        to="/payments"
      />
      <StatCard
        testId="stat-revenue"
        label={t('dashboard.books.revenue', { year: figures.year })}
        value={fmt.money(figures.revenueCents)}
        hint={t('dashboard.books.revenueHint')}
        icon={IconScale}
        to="/ledger/trial-balance"
      />
      <StatCard
        testId="stat-vat"
        label={t('dashboard.books.vat')}
        value={fmt.money(figures.vatCollectedCents)}
        hint={t('dashboard.books.vatHint')}
        icon={IconReceiptTax}
        to="/ledger/general-ledger"
      />
    </SimpleGrid>
  );
}

function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={2} fz="h4">
      {children}
    </Title>
  );
}

function StatCard({ label, value, hint, icon: IconComponent, to, testId }: { label: string; value: ReactNode; hint?: string; icon: Icon; to?: string; testId: string }) {
  const body = (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Stack gap={2} miw={0}>
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.2} data-testid={`${testId}-value`}>
          {value}
        </Text>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
      <ThemeIcon variant="light" size={40} radius="md">
        <IconComponent size={22} stroke={1.7} aria-hidden />
      </ThemeIcon>
    </Group>
  );
  return to ? (
    <Card component={Link} to={to} padding="lg" data-testid={testId} style={{ textDecoration: 'none', color: 'inherit' }}>
      {body}
    </Card>
  ) : (
    <Card padding="lg" data-testid={testId}>
      {body}
    </Card>
  );
}

function CoopSection({ figures }: { figures: Wire<CoopFigures> }) {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const { members } = figures;
  const current = members.total - members.byStatus.left;
  const byStatus = DASHBOARD_MEMBER_STATUSES.filter((s) => s !== 'left').map((status) => ({
    status: t(`dashboard.memberStatus.${status}`),
    count: members.byStatus[status],
  }));
  const byType = DASHBOARD_MEMBERSHIP_TYPES.filter((type) => members.byType[type] > 0).map((type) => ({
    type,
    name: t(`coop.membershipTypes.${type}`),
    value: members.byType[type],
    color: TYPE_COLORS[type],
  }));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <StatCard
          testId="stat-members"
          label={t('dashboard.cards.members')}
          value={members.total}
          hint={t('dashboard.cards.membersHint', { current, left: members.byStatus.left })}
          icon={IconUsers}
          to="/members"
        />
        <StatCard
          testId="stat-activities"
          label={t('dashboard.cards.activities')}
          value={figures.activities.active}
          hint={t('dashboard.cards.activitiesHint', { total: figures.activities.total })}
          icon={IconBriefcase}
          to="/activities"
        />
        <StatCard testId="stat-clients" label={t('dashboard.cards.clients')} value={figures.clients} hint={t('dashboard.cards.clientsHint')} icon={IconUsersGroup} to="/clients" />
        <StatCard
          testId="stat-invitations"
          label={t('dashboard.cards.invitations')}
          value={figures.pendingInvitations}
          hint={t('dashboard.cards.invitationsHint')}
          icon={IconMailForward}
          to={hasRole('admin') ? '/people' : undefined}
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card padding="lg">
          <Text fw={600} mb="md">
            {t('dashboard.byStatus')}
          </Text>
          {members.total === 0 ? (
            <Text c="dimmed" size="sm">
              {t('dashboard.noMembers')}
            </Text>
          ) : (
            <BarChart
              h={40 * byStatus.length + 20}
              data={byStatus}
              dataKey="status"
              orientation="vertical"
              series={[{ name: 'count', label: t('dashboard.chartSeries'), color: 'indigo.6' }]}
              tickLine="none"
              gridAxis="none"
              withXAxis={false}
              withBarValueLabel
              yAxisProps={{ width: 170 }}
              aria-label={t('dashboard.byStatus')}
            />
          )}
          <Group gap="xs" mt="md">
            {DASHBOARD_MEMBER_STATUSES.filter((s) => members.byStatus[s] > 0).map((status) => (
              <Badge key={status} component={Link} to={`/members?status=${status}`} variant="light" tt="none" style={{ cursor: 'pointer' }}>
                {t(`dashboard.memberStatus.${status}`)} · {members.byStatus[status]}
              </Badge>
            ))}
          </Group>
        </Card>

        <Card padding="lg">
          <Text fw={600} mb="md">
            {t('dashboard.byType')}
          </Text>
          {byType.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('dashboard.noMembers')}
            </Text>
          ) : (
            <Group justify="center" gap="xl" wrap="wrap">
              <DonutChart data={byType.map(({ name, value, color }) => ({ name, value, color }))} size={180} thickness={26} chartLabel={current} withTooltip aria-label={t('dashboard.byType')} />
              <Stack gap="xs">
                {byType.map((cell) => (
                  <Anchor key={cell.type} component={Link} to={`/members?type=${cell.type}`} size="sm">
                    <Group gap={8} wrap="nowrap">
                      <ColorSwatch color={`var(--mantine-color-${cell.color.replace('.', '-')})`} size={12} aria-hidden />
                      {cell.name} · {cell.value}
                    </Group>
                  </Anchor>
                ))}
              </Stack>
            </Group>
          )}
        </Card>
      </SimpleGrid>

      <PendingDocuments pending={figures.pendingDocuments} />
    </Stack>
  );
}

function PendingDocuments({ pending }: { pending: CoopFigures['pendingDocuments'] }) {
  const { t } = useTranslation();
  const rows = [
    { key: 'missingCharter', label: t('dashboard.pendingDocuments.missingCharter'), count: pending.missingCharter, to: '/members' },
    { key: 'missingFiscalStatement', label: t('dashboard.pendingDocuments.missingFiscalStatement'), count: pending.missingFiscalStatement, to: '/members?type=independent' },
  ];
  const none = rows.every((r) => r.count === 0);
  return (
    <Card padding="lg" data-testid="pending-documents">
      <Text fw={600} mb="sm">
        {t('dashboard.pendingDocuments.title')}
      </Text>
      {none ? (
        <Group gap="xs">
          <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
          <Text size="sm">{t('dashboard.pendingDocuments.none')}</Text>
        </Group>
      ) : (
        <Stack gap="xs">
          {rows
            .filter((r) => r.count > 0)
            .map((r) => (
              <Group key={r.key} justify="space-between" wrap="nowrap" gap="sm">
                <Group gap="xs" wrap="nowrap" miw={0}>
                  <IconFileAlert size={18} color="var(--mantine-color-orange-6)" aria-hidden style={{ flexShrink: 0 }} />
                  <Anchor component={Link} to={r.to} size="sm">
                    {r.label}
                  </Anchor>
                </Group>
                {/* On a phone the label wraps; the count keeps its width ("12", not "1…"). */}
                <Badge color="orange" variant="light" style={{ flexShrink: 0, minWidth: 'max-content' }} data-testid={`pending-${r.key}`}>
                  {r.count}
                </Badge>
              </Group>
            ))}
        </Stack>
      )}
    </Card>
  );
}

function LatestChanges({ entries }: { entries: Wire<RecentChange>[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useAuditLabels();
  return (
    <Card padding="lg" data-testid="latest-changes">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('dashboard.latestChanges.title')}</Text>
        <Anchor component={Link} to="/audit" size="sm">
          {t('dashboard.latestChanges.seeAll')}
        </Anchor>
      </Group>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.latestChanges.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {entries.map((entry) => {
            const path = entityPath(entry.entityType, entry.entityId);
            return (
              <Group key={entry.id} justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={0} miw={0}>
                  <Text size="sm" fw={500}>
                    {path ? (
                      <Anchor component={Link} to={path} inherit>
                        {labels.action(entry.action)}
                      </Anchor>
                    ) : (
                      labels.action(entry.action)
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {entry.actorName ?? t('dashboard.latestChanges.system')} · {labels.entity(entry.entityType)}
                  </Text>
                </Stack>
                <Text size="xs" c="dimmed">
                  {format.dateTime(entry.at)}
                </Text>
              </Group>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}

function MySection({ me }: { me: Wire<MemberFigures> | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (me === null) {
    return (
      <Alert color="blue" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} data-testid="no-member-file">
        {t('dashboard.me.noFile')}
      </Alert>
    );
  }
  const missing = [
    me.missingDocuments.charter ? t('dashboard.me.missingCharter') : null,
    me.missingDocuments.fiscalStatement ? t('dashboard.me.missingFiscalStatement') : null,
  ].filter((m): m is string => m !== null);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        <Card padding="lg" data-testid="my-status">
          <Text size="sm" c="dimmed" fw={500}>
            {t('dashboard.me.status')}
          </Text>
          <Badge size="lg" variant="light" tt="none" mt={6}>
            {t(`dashboard.memberStatus.${me.status}`)}
          </Badge>
          <Text size="xs" c="dimmed" mt={6}>
            {t(`coop.membershipTypes.${me.membershipType}`)} · {t('dashboard.me.since', { date: format.date(me.statusSince) })}
          </Text>
        </Card>
        <StatCard
          testId="my-activities"
          label={t('dashboard.me.activities')}
          value={me.activities.active}
          hint={t('dashboard.me.activitiesHint', { active: me.activities.active, total: me.activities.total })}
          icon={IconBriefcase}
          to="/activities"
        />
        <StatCard testId="my-clients" label={t('dashboard.me.clients')} value={me.clients} hint={t('dashboard.me.clientsHint')} icon={IconUsersGroup} to="/clients" />
      </SimpleGrid>
      <Card padding="lg" data-testid="my-documents">
        <Text fw={600} mb="sm">
          {t('dashboard.me.documents')}
        </Text>
        {missing.length === 0 ? (
          <Group gap="xs">
            <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
            <Text size="sm">{t('dashboard.me.allGood')}</Text>
          </Group>
        ) : (
          <Stack gap="xs">
            {missing.map((text) => (
              <Group key={text} gap="xs" wrap="nowrap">
                <IconFileAlert size={18} color="var(--mantine-color-orange-6)" aria-hidden />
                <Text size="sm">{text}</Text>
              </Group>
            ))}
            <Anchor component={Link} to="/me" size="sm" fw={500}>
              {t('dashboard.me.goToProfile')}
            </Anchor>
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
