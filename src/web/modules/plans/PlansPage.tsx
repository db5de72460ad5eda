import { Alert, Anchor, Badge, Button, Card, Group, Menu, Radio, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayInFrance } from '../../../platform/calendar/contract';
import { DateField } from '../../components/DateField';
import { ListTable, type ListColumn } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { isApiError } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { useSession } from '../../lib/session';
import { useActivityOptions, useMemberOptions } from '../activities';
import { MyPlanCard } from './MyPlanCard';
import { PlanFormModal } from './PlanFormModal';
import { useBillingItems, useBillingSettings, usePlans, useRunBilling, useSaveBillingSettings, useSubscribe, useSubscriptionAction, useSubscriptions, type BillingItemData, type PlanData, type ResourceBillingSettings, type SubscriptionData } from './use-plans';

/** The server's message (in the user's language), or a generic one. */
const errorText = (err: unknown, fallback: string) => (isApiError(err) ? err.message : fallback);
const thisMonth = () => todayInFrance(new Date()).slice(0, 7);
const lastMonth = () => {
  const [y, m] = thisMonth().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** Members: "Mon forfait". The team: the plans offered, members' subscriptions, and the monthly billing. */
export default function PlansPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  if (!hasRole('admin', 'staff', 'accountant')) {
    return (
      <Page title={t('plans.my.title')}>
        <MyPlanCard />
      </Page>
    );
  }
  const team = hasRole('admin', 'staff');
  return (
    <Page title={t('plans.title')}>
      <Tabs defaultValue={team ? 'plans' : 'billing'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="plans" data-testid="plans-tab-plans">
            {t('plans.tabs.plans')}
          </Tabs.Tab>
          {team && (
            <Tabs.Tab value="subscriptions" data-testid="plans-tab-subscriptions">
              {t('plans.tabs.subscriptions')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="billing" data-testid="plans-tab-billing">
            {t('plans.tabs.billing')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plans" pt="md">
          <PlanList editable={team} />
        </Tabs.Panel>
        {team && (
          <Tabs.Panel value="subscriptions" pt="md">
            <SubscriptionsPanel />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="billing" pt="md">
          <BillingPanel />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function PlanList({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const plans = usePlans();
  const [editing, setEditing] = useState<PlanData | null | undefined>(undefined);
  const includes = (p: PlanData) =>
    [
      p.includedDayPasses ? t('plans.list.dayPasses', { count: p.includedDayPasses }) : null,
      p.includedHalfDayPasses ? t('plans.list.halfDayPasses', { count: p.includedHalfDayPasses }) : null,
      p.includedCreditMinutes ? t('plans.my.hours', { hours: (p.includedCreditMinutes / 60).toLocaleString(format.lang) }) : null,
      p.daysPerWeek ? t('plans.list.daysPerWeek', { days: p.daysPerWeek.toLocaleString(format.lang) }) : null,
    ]
      .filter(Boolean)
      .join(' · ') || '—';
  const columns: ListColumn<PlanData>[] = [
    { key: 'name', header: t('plans.list.name'), cell: (p) => p.name, phone: 'title' },
    { key: 'status', header: t('plans.list.status'), cell: (p) => (p.active ? null : <Badge color="gray">{t('plans.list.inactive')}</Badge>), phone: 'badge' },
    { key: 'type', header: t('plans.list.type'), cell: (p) => t(`plans.types.${p.type}`) },
    { key: 'price', header: t('plans.list.price'), cell: (p) => format.money(p.monthlyPriceCents), align: 'right', nowrap: true },
    { key: 'includes', header: t('plans.list.includes'), cell: includes },
    { key: 'rollover', header: t('plans.list.rollover'), cell: (p) => (p.rollover ? t('plans.yes') : t('plans.no')) },
    { key: 'subscribers', header: t('plans.list.subscribers'), cell: (p) => p.subscribers, align: 'right' },
    ...(editable
      ? [{ key: 'actions', header: '', cell: (p: PlanData) => <Button size="xs" variant="light" onClick={() => setEditing(p)}>{t('plans.list.edit')}</Button> }]
      : []),
  ];
  return (
    <Stack gap="sm">
      {editable && (
        <Group justify="flex-end">
          <Button onClick={() => setEditing(null)} data-testid="plan-create">
            {t('plans.list.create')}
          </Button>
        </Group>
      )}
      <ListTable query={plans} columns={columns} rowKey={(p) => p.id} rowTestId={(p) => `plan-row-${p.name}`} empty={t('plans.list.empty')} minWidth={820} />
      {editing !== undefined && <PlanFormModal key={editing?.id ?? 'new'} plan={editing} opened onClose={() => setEditing(undefined)} />}
    </Stack>
  );
}

function SubscribeCard() {
  const { t } = useTranslation();
  const members = useMemberOptions();
  const activities = useActivityOptions();
  const plans = usePlans();
  const subscribe = useSubscribe();
  const form = useForm({ initialValues: { memberId: '', activityId: '', planId: '', startsOn: todayInFrance(new Date()) } });
  const ofMember = (activities.data?.items ?? []).filter((a) => a.holders.some((h) => h.memberId === form.values.memberId));
  const submit = form.onSubmit((v) =>
    subscribe.mutate(v, {
      onSuccess: () => (notifications.show({ color: 'green', message: t('plans.subscriptions.done') }), form.reset()),
      onError: (err) => {
        const message = applyApiError(form, err);
        if (message) notifications.show({ color: 'red', message });
      },
    }),
  );
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h5">
            {t('plans.subscriptions.new')}
          </Title>
          <Group grow wrap="wrap" align="flex-end" preventGrowOverflow={false}>
            <Select miw={200} label={t('plans.subscriptions.member')} searchable data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))} {...form.getInputProps('memberId')} onChange={(v) => form.setValues({ memberId: v ?? '', activityId: '' })} />
            <Select miw={200} label={t('plans.subscriptions.activity')} data={ofMember.map((a) => ({ value: a.id, label: `${a.code} – ${a.name}` }))} {...form.getInputProps('activityId')} />
            <Select miw={200} label={t('plans.subscriptions.plan')} data={(plans.data?.items ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))} {...form.getInputProps('planId')} />
            <DateField miw={160} label={t('plans.subscriptions.startsOn')} {...form.getInputProps('startsOn')} />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={subscribe.isPending}>
              {t('plans.subscriptions.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function SubscriptionsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const subs = useSubscriptions();
  const action = useSubscriptionAction();
  const run = (s: SubscriptionData, kind: 'pause' | 'resume' | 'end') =>
    action.mutate(
      { id: s.id, action: kind, fromMonth: kind === 'pause' ? nextMonthOf(thisMonth()) : thisMonth() },
      {
        onSuccess: (r) => notifications.show({ color: 'green', message: kind === 'end' && r.endsOn ? t('plans.subscriptions.endsOn', { date: format.date(r.endsOn) }) : t('plans.subscriptions.saved') }),
        onError: (err) => notifications.show({ color: 'red', message: errorText(err, t('common.errors.unexpected')) }),
      },
    );
  const columns: ListColumn<SubscriptionData>[] = [
    { key: 'member', header: t('plans.subscriptions.member'), cell: (s) => s.memberName, phone: 'title' },
    { key: 'status', header: t('plans.list.status'), cell: (s) => <Badge variant="light">{t(`plans.status.${s.status}`)}</Badge>, phone: 'badge' },
    { key: 'plan', header: t('plans.subscriptions.plan'), cell: (s) => s.planName },
    { key: 'start', header: t('plans.subscriptions.startsOn'), cell: (s) => format.date(s.startsOn), nowrap: true },
    { key: 'end', header: t('plans.subscriptions.endsOnColumn'), cell: (s) => (s.endsOn ? format.date(s.endsOn) : '—'), nowrap: true },
    {
      key: 'actions',
      header: '',
      cell: (s) =>
        s.status === 'ended' || s.endsOn ? null : (
          <Menu>
            <Menu.Target>
              <Button size="xs" variant="light">
                {t('plans.subscriptions.actions')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {s.pausedFrom ? <Menu.Item onClick={() => run(s, 'resume')}>{t('plans.subscriptions.resume')}</Menu.Item> : <Menu.Item onClick={() => run(s, 'pause')}>{t('plans.subscriptions.pause')}</Menu.Item>}
              <Menu.Item color="red" onClick={() => run(s, 'end')}>
                {t('plans.subscriptions.end')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ),
    },
  ];
  return (
    <Stack gap="md">
      <SubscribeCard />
      <ListTable query={subs} columns={columns} rowKey={(s) => s.id} empty={t('plans.subscriptions.empty')} minWidth={720} />
    </Stack>
  );
}

const nextMonthOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

const MODE_COLORS = { internal_charge: 'gray', member_invoice: 'blue', client_invoice: 'grape' } as const;

/** Where an item's money went: the invoice (member's PDF, client's invoice page) or the entry in the general ledger. */
function ItemDocument({ item }: { item: BillingItemData }) {
  const { t } = useTranslation();
  if (item.mode === 'member_invoice' && item.documentId)
    return (
      <Anchor href={`/api/fees/${item.documentId}/file`} target="_blank" rel="noopener" size="sm" data-testid="billing-item-invoice">
        {item.documentNumber}
      </Anchor>
    );
  if (item.mode === 'client_invoice' && item.documentId)
    return (
      <Anchor component={Link} to={`/invoices/${item.documentId}`} size="sm" data-testid="billing-item-invoice">
        {item.documentNumber}
      </Anchor>
    );
  if (item.entryId && item.activityId)
    return (
      <Anchor component={Link} to={`/ledger/general-ledger?account=613&activityId=${item.activityId}&from=${item.month}-01&to=${item.createdAt.slice(0, 10)}`} size="sm">
        {t('plans.billing.entry')}
      </Anchor>
    );
  return <>—</>;
}

/** The coop's choice of billing: the admin changes it, the team and the accountant read it. */
function BillingSettingsCard() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const admin = hasRole('admin');
  const settings = useBillingSettings();
  const save = useSaveBillingSettings();
  const activities = useActivityOptions({ status: 'active' });
  const [draft, setDraft] = useState<ResourceBillingSettings | null>(null);
  const current = draft ?? settings.data ?? null;
  if (!current) return null;
  const activityName = (id: string | null) => (activities.data?.items ?? []).find((a) => a.id === id)?.name ?? null;
  return (
    <Card withBorder data-testid="billing-settings">
      <Stack gap="sm">
        <Title order={4}>{t('plans.billing.settings.title')}</Title>
        {admin ? (
          <>
            <Radio.Group label={t('plans.billing.settings.mode')} value={current.mode} onChange={(v) => setDraft({ ...current, mode: v as ResourceBillingSettings['mode'] })} data-testid="billing-mode">
              <Stack gap="xs" mt={4}>
                {(['internal_charge', 'member_invoice'] as const).map((mode) => (
                  <Radio key={mode} value={mode} label={t(`plans.billing.modes.${mode}`)} description={t(`plans.billing.settings.help.${mode}`)} data-testid={`billing-mode-${mode}`} />
                ))}
              </Stack>
            </Radio.Group>
            <Select
              label={t('plans.billing.settings.clientActivity')}
              description={t('plans.billing.settings.clientActivityHelp')}
              data={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
              value={current.clientActivityId}
              onChange={(v) => setDraft({ ...current, clientActivityId: v })}
              clearable
              searchable
              data-testid="billing-client-activity"
            />
            <Group>
              <Button
                disabled={!draft}
                loading={save.isPending}
                data-testid="billing-settings-save"
                onClick={() =>
                  save.mutate(current, {
                    onSuccess: () => {
                      setDraft(null);
                      notifications.show({ color: 'green', message: t('plans.billing.settings.saved') });
                    },
                    onError: (err) => notifications.show({ color: 'red', message: errorText(err, t('common.errors.unexpected')) }),
                  })
                }
              >
                {t('plans.billing.settings.save')}
              </Button>
            </Group>
          </>
        ) : (
          <Stack gap={4}>
            <Text size="sm">
              {t('plans.billing.settings.mode')} : <b>{t(`plans.billing.modes.${current.mode}`)}</b>
            </Text>
            <Text size="xs" c="dimmed">
              {t(`plans.billing.settings.help.${current.mode}`)}
            </Text>
            <Text size="sm">
              {t('plans.billing.settings.clientActivity')} : <b>{activityName(current.clientActivityId) ?? t('plans.billing.settings.none')}</b>
            </Text>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function BillingPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const [month, setMonth] = useState(lastMonth());
  const items = useBillingItems(month);
  const billing = useRunBilling();
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const columns: ListColumn<BillingItemData>[] = [
    { key: 'label', header: t('plans.billing.label'), cell: (i) => i.label, phone: 'title' },
    { key: 'mode', header: t('plans.billing.modeHeader'), cell: (i) => <Badge color={MODE_COLORS[i.mode]} variant="light">{t(`plans.billing.modes.${i.mode}`)}</Badge>, phone: 'badge' },
    { key: 'member', header: t('plans.billing.billedTo'), cell: (i) => i.memberName ?? i.clientName ?? '—' },
    { key: 'kind', header: t('plans.billing.kind'), cell: (i) => t(`plans.billing.kinds.${i.sourceKind}`) },
    { key: 'document', header: t('plans.billing.document'), cell: (i) => <ItemDocument item={i} /> },
    { key: 'amount', header: t('plans.billing.amount'), cell: (i) => format.money(i.netCents), align: 'right', nowrap: true, total: items.data ? format.money(items.data.totalNetCents) : null },
  ];
  return (
    <Stack gap="md">
      <BillingSettingsCard />
      <Card withBorder>
        <Stack gap="sm">
          <Text size="sm">{t('plans.billing.intro')}</Text>
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('plans.billing.month')} value={month} onChange={(e) => setMonth(e.currentTarget.value)} error={valid ? null : t('plans.billing.badMonth')} w={160} data-testid="billing-month" />
            <Button
              disabled={!valid}
              loading={billing.isPending}
              data-testid="billing-run"
              onClick={() =>
                billing.mutate(month, {
                  onError: (err) => notifications.show({ color: 'red', message: errorText(err, t('common.errors.unexpected')) }),
                })
              }
            >
              {t('plans.billing.run')}
            </Button>
          </Group>
          {/* The last run's outcome stays on the page: staff must be able to read that a second run billed nothing. */}
          {billing.data && billing.data.month === month && (
            <Alert color={billing.data.billed > 0 ? 'green' : 'blue'} data-testid="billing-result">
              {t('plans.billing.done', { billed: billing.data.billed, already: billing.data.alreadyBilled, invoices: billing.data.invoices })}
              {billing.data.billed === 0 && billing.data.alreadyBilled > 0 ? ` ${t('plans.billing.nothingNew')}` : ''}
            </Alert>
          )}
          {billing.data && billing.data.month === month && billing.data.skipped > 0 && <Alert color="yellow">{t('plans.billing.skipped', { count: billing.data.skipped })}</Alert>}
          {billing.data && billing.data.month === month && billing.data.failures.length > 0 && (
            <Alert color="red" data-testid="billing-failures">
              <Stack gap={2}>
                {billing.data.failures.map((f) => (
                  <Text key={f.sourceId} size="sm">{`${f.label} : ${f.reason}`}</Text>
                ))}
              </Stack>
            </Alert>
          )}
        </Stack>
      </Card>
      {items.data && items.data.byMode.length > 0 && (
        <Group gap="sm" wrap="wrap" data-testid="billing-by-mode">
          {items.data.byMode.map((m) => (
            <Card key={m.mode} withBorder padding="sm">
              <Text size="xs" c="dimmed">
                {t(`plans.billing.modes.${m.mode}`)}
              </Text>
              <Text fw={600}>{format.money(m.netCents)}</Text>
              <Text size="xs">{t('plans.billing.lines', { count: m.count })}</Text>
            </Card>
          ))}
        </Group>
      )}
      <ListTable query={items} columns={columns} rowKey={(i) => i.id} empty={t('plans.billing.empty')} minWidth={760} totalsLabel={t('plans.billing.total')} totalsTestId="billing-total" />
    </Stack>
  );
}
