import { Alert, Anchor, Badge, Button, Card, Collapse, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayInFrance } from '../../../platform/calendar/contract';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { type SeasonData, useConfirmGroups, useInviteGuest, useOpenSeason, useProposal, useReinviteGuest, useRevokeGuestLink, useSeasonDetail, useSeasons } from './use-workclubs';
import { SeasonHeader } from './WorkclubsPage';

/** The team's side: open a season, read the applications, adjust and confirm the proposed groups, invite guests. */
export function StaffWorkclubs() {
  const { t } = useTranslation();
  const seasons = useSeasons();
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const items = seasons.data?.items ?? [];
  useEffect(() => {
    if (!selected && items[0]) setSelected(items[0].id);
  }, [items, selected]);
  if (seasons.isError) return <ErrorAlert error={seasons.error} />;
  if (!seasons.data) return <SectionLoader />;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        {items.length > 0 ? (
          <Select label={t('workclubs.staff.seasons')} data={items.map((s) => ({ value: s.id, label: s.name }))} value={selected} onChange={setSelected} allowDeselect={false} w={260} data-testid="workclub-season-select" />
        ) : (
          <Text c="dimmed">{t('workclubs.staff.noSeasons')}</Text>
        )}
        <Button variant={creating ? 'subtle' : 'filled'} onClick={() => setCreating((c) => !c)} data-testid="workclub-new-season">
          {t('workclubs.staff.newSeason')}
        </Button>
      </Group>
      <Collapse expanded={creating}>
        <OpenSeasonForm onOpened={(s) => { setSelected(s.id); setCreating(false); }} />
      </Collapse>
      {selected && <SeasonAdmin seasonId={selected} />}
    </Stack>
  );
}

function OpenSeasonForm({ onOpened }: { onOpened: (s: SeasonData) => void }) {
  const { t } = useTranslation();
  const open = useOpenSeason();
  const today = todayInFrance(new Date());
  const [form, setForm] = useState({ name: '', applicationsOpenOn: today, applicationsCloseOn: '', startsOn: '', endsOn: '' });
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    open.mutate(
      { name: form.name, applicationsOpenOn: form.applicationsOpenOn, applicationsCloseOn: form.applicationsCloseOn, startsOn: form.startsOn, ...(form.endsOn ? { endsOn: form.endsOn } : {}) },
      { onSuccess: (s) => { notifications.show({ color: 'teal', message: t('workclubs.staff.opened') }); onOpened(s); }, onError: setError },
    );
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('workclubs.staff.name')} value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} required maxLength={120} data-testid="workclub-season-name-input" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('workclubs.staff.applicationsOpenOn')} value={form.applicationsOpenOn} onChange={set('applicationsOpenOn')} required data-testid="workclub-season-open-on" />
            <DateField label={t('workclubs.staff.applicationsCloseOn')} value={form.applicationsCloseOn} onChange={set('applicationsCloseOn')} required data-testid="workclub-season-close-on" />
            <DateField label={t('workclubs.staff.startsOn')} value={form.startsOn} onChange={set('startsOn')} required data-testid="workclub-season-starts-on" />
            <DateField label={t('workclubs.staff.endsOn')} value={form.endsOn} onChange={set('endsOn')} clearable data-testid="workclub-season-ends-on" />
          </SimpleGrid>
          <ErrorAlert error={error} />
          <Group>
            <Button type="submit" loading={open.isPending} data-testid="workclub-season-open">
              {t('workclubs.staff.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function SeasonAdmin({ seasonId }: { seasonId: string }) {
  const { t } = useTranslation();
  const detail = useSeasonDetail(seasonId);
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  if (!detail.data) return <SectionLoader />;
  const { season, applications, groups } = detail.data;
  const standing = applications.filter((a) => a.status !== 'withdrawn');
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <SeasonHeader season={season} />
      </Card>
      {season.status === 'open' ? (
        <>
          <Title order={4}>{t('workclubs.staff.applications', { count: standing.length })}</Title>
          {standing.length === 0 ? <Text c="dimmed">{t('workclubs.staff.noApplications')}</Text> : <ProposalBoard seasonId={seasonId} applications={standing} />}
        </>
      ) : (
        <>
          <Title order={4}>{t('workclubs.staff.groups')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {groups.map((g) => (
              <Card key={g.id} withBorder padding="md" data-testid="workclub-group-card">
                <Group justify="space-between" mb={6}>
                  <Anchor component={Link} to={`/workclubs/groups/${g.id}`} fw={600} data-testid="workclub-group-link">
                    {t('workclubs.group.title', { name: g.name })}
                  </Anchor>
                  <Badge variant="light" color={g.status === 'active' ? 'blue' : 'gray'}>
                    {t(`workclubs.group.status.${g.status}`)}
                  </Badge>
                </Group>
                <Stack gap={4}>
                  {g.applicationIds.map((id) => {
                    const a = applications.find((x) => x.id === id);
                    return a ? <PersonLine key={id} application={a} guestAccess={season.status === 'running'} /> : null;
                  })}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </>
      )}
      {season.status !== 'closed' && <InviteGuestForm seasonId={seasonId} groups={season.status === 'running' ? groups.filter((g) => g.status === 'active') : null} />}
    </Stack>
  );
}

type ApplicationData = NonNullable<ReturnType<typeof useSeasonDetail>['data']>['applications'][number];

function PersonLine({ application: a, guestAccess = false }: { application: ApplicationData; guestAccess?: boolean }) {
  const { t } = useTranslation();
  return (
    <div data-testid={a.externalParticipantId ? 'workclub-guest-line' : undefined}>
      <Group gap={4} wrap="wrap">
        <Text size="sm" fw={500}>
          {a.name}
        </Text>
        {a.company && (
          <Badge size="sm" variant="outline" color="grape">
            {t('workclubs.group.external')} · {a.company}
          </Badge>
        )}
        {a.trades.map((trade) => (
          <Badge key={trade} size="sm" variant="light" data-testid="workclub-trade">
            {trade}
          </Badge>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {a.projectTitle}
      </Text>
      {guestAccess && a.externalParticipantId && <GuestAccess guestId={a.externalParticipantId} name={a.name} revoked={a.linkRevoked === true} />}
    </div>
  );
}

/**
 * A guest's access to their group page: staff cut it (a forwarded link, a person who left
 * the partner company) after a confirmation, or invite the person again with a new link.
 */
function GuestAccess({ guestId, name, revoked }: { guestId: string; name: string; revoked: boolean }) {
  const { t } = useTranslation();
  const revoke = useRevokeGuestLink();
  const reinvite = useReinviteGuest();
  const [asking, setAsking] = useState(false);
  return (
    <Group gap={6} mt={4} wrap="wrap">
      {revoked && (
        <Badge size="sm" color="red" variant="light" data-testid="workclub-guest-revoked-badge">
          {t('workclubs.staff.linkRevoked')}
        </Badge>
      )}
      {revoked ? (
        <Button
          size="compact-xs"
          variant="light"
          loading={reinvite.isPending}
          onClick={() => reinvite.mutate(guestId, { onSuccess: () => notifications.show({ color: 'teal', message: t('workclubs.staff.reinvited', { name }) }) })}
          data-testid="workclub-guest-reinvite"
        >
          {t('workclubs.staff.reinvite')}
        </Button>
      ) : (
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setAsking(true)} data-testid="workclub-guest-revoke">
          {t('workclubs.staff.revoke')}
        </Button>
      )}
      <ErrorAlert error={revoke.error ?? reinvite.error} />
      <ConfirmModal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('workclubs.staff.revokeTitle', { name })}
        confirmLabel={t('workclubs.staff.revoke')}
        color="red"
        loading={revoke.isPending}
        onConfirm={() => revoke.mutate(guestId, { onSuccess: () => setAsking(false) })}
        testId="workclub-guest-revoke-modal"
      >
        {t('workclubs.staff.revokeBody')}
      </ConfirmModal>
    </Group>
  );
}

/**
 * The proposal as columns, one per group, with a "move to" select on each person (no drag:
 * it works the same on a phone and with a keyboard). Staff adjust, then confirm.
 */
function ProposalBoard({ seasonId, applications }: { seasonId: string; applications: ApplicationData[] }) {
  const { t } = useTranslation();
  const [seed, setSeed] = useState(1);
  const proposal = useProposal(seasonId, seed, true);
  const confirm = useConfirmGroups();
  const [columns, setColumns] = useState<string[][]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (proposal.data) setColumns(proposal.data.groups.map((g) => g.applicationIds));
  }, [proposal.data]);
  const byId = useMemo(() => new Map(applications.map((a) => [a.id, a])), [applications]);
  if (proposal.isError) return <ErrorAlert error={proposal.error} />;
  if (!proposal.data) return <SectionLoader />;
  if (proposal.data.groups.length === 0) {
    return (
      <Stack gap="xs">
        <Alert variant="light">{t('workclubs.staff.notEnough')}</Alert>
        {applications.map((a) => (
          <PersonLine key={a.id} application={a} />
        ))}
      </Stack>
    );
  }
  const letter = (i: number) => String.fromCharCode(65 + i);
  const move = (id: string, to: number) => setColumns((cols) => cols.map((c, i) => (i === to ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id))));
  const distinct = (ids: string[]) => new Set(ids.flatMap((id) => byId.get(id)?.trades.map((x) => x.toLowerCase()) ?? [])).size;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={4}>{t('workclubs.staff.proposal')}</Title>
        <Button variant="light" onClick={() => setSeed((s) => s + 1)} data-testid="workclub-reshuffle">
          {t('workclubs.staff.reshuffle')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {proposal.data.rule}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: Math.min(columns.length, 4) }} data-testid="workclub-proposal">
        {columns.map((ids, gi) => (
          <Card key={gi} withBorder padding="sm" data-testid="workclub-proposed-group">
            <Group justify="space-between" mb={6}>
              <Text fw={600}>{t('workclubs.group.title', { name: letter(gi) })}</Text>
              <Text size="xs" c="dimmed">
                {t('workclubs.staff.distinctTrades', { count: distinct(ids) })}
              </Text>
            </Group>
            <Stack gap="xs">
              {ids.map((id) => {
                const a = byId.get(id);
                if (!a) return null;
                return (
                  <Stack key={id} gap={2}>
                    <PersonLine application={a} />
                    <Select
                      size="xs"
                      aria-label={`${t('workclubs.staff.moveTo')} — ${a.name}`}
                      placeholder={t('workclubs.staff.moveTo')}
                      data={columns.map((_, i) => ({ value: String(i), label: t('workclubs.group.title', { name: letter(i) }) })).filter((o) => o.value !== String(gi))}
                      value={null}
                      onChange={(v) => v !== null && move(id, Number(v))}
                      data-testid="workclub-move-select"
                    />
                  </Stack>
                );
              })}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <ErrorAlert error={error} />
      <Group>
        <Button
          loading={confirm.isPending}
          data-testid="workclub-confirm-groups"
          onClick={() => {
            setError(null);
            confirm.mutate({ seasonId, groups: columns.filter((c) => c.length > 0).map((applicationIds) => ({ applicationIds })) }, { onSuccess: () => notifications.show({ color: 'teal', message: t('workclubs.staff.confirmed') }), onError: setError });
          }}
        >
          {t('workclubs.staff.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

function InviteGuestForm({ seasonId, groups }: { seasonId: string; groups: { id: string; name: string }[] | null }) {
  const { t } = useTranslation();
  const invite = useInviteGuest();
  const [open, setOpen] = useState(false);
  const empty = { name: '', email: '', company: '', projectTitle: '', projectDescription: '', groupId: null as string | null };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<unknown>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const { groupId, ...rest } = form;
    invite.mutate({ seasonId, ...rest, ...(groupId ? { groupId } : {}) }, { onSuccess: () => { notifications.show({ color: 'teal', message: t('workclubs.staff.invited') }); setForm(empty); setOpen(false); }, onError: setError });
  };
  return (
    <Card withBorder padding="md">
      <Button variant="subtle" onClick={() => setOpen((o) => !o)} px={0} h="auto" py={4} styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }} data-testid="workclub-invite-toggle">
        {t('workclubs.staff.invite')}
      </Button>
      <Collapse expanded={open}>
        <form onSubmit={submit}>
          <Stack gap="sm" mt="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('workclubs.staff.guestName')} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} required maxLength={200} data-testid="workclub-guest-name" />
              <TextInput label={t('workclubs.staff.guestEmail')} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} required maxLength={254} data-testid="workclub-guest-email" />
              <TextInput label={t('workclubs.staff.guestCompany')} value={form.company} onChange={(e) => setForm({ ...form, company: e.currentTarget.value })} required maxLength={200} data-testid="workclub-guest-company" />
            </SimpleGrid>
            <TextInput label={t('workclubs.apply.projectTitle')} value={form.projectTitle} onChange={(e) => setForm({ ...form, projectTitle: e.currentTarget.value })} required maxLength={160} data-testid="workclub-guest-project" />
            <Textarea label={t('workclubs.apply.projectDescription')} value={form.projectDescription} onChange={(e) => setForm({ ...form, projectDescription: e.currentTarget.value })} required autosize minRows={2} maxLength={4000} data-testid="workclub-guest-description" />
            {groups && (
              <Select label={t('workclubs.staff.guestGroup')} data={groups.map((g) => ({ value: g.id, label: t('workclubs.group.title', { name: g.name }) }))} value={form.groupId} onChange={(v) => setForm({ ...form, groupId: v })} required />
            )}
            <ErrorAlert error={error} />
            <Group>
              <Button type="submit" loading={invite.isPending} data-testid="workclub-guest-invite">
                {t('workclubs.staff.sendInvite')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Collapse>
    </Card>
  );
}
