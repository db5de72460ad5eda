import { Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_ROLES, PROMISE_STATUSES, type ParticipantRole, type PromiseStatus } from '../../../modules/cochallenge/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable, type ListColumn } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useMemberOptions } from '../activities';
import {
  type CochallengeDetailData,
  type PromiseData,
  useAddCompany,
  useCochallenge,
  useComputePlan,
  useFollowPromise,
  useMoveCochallenge,
  usePlan,
  usePromises,
  useProposePairs,
  useQuotesToLink,
  useRemoveCompany,
  useResults,
  useSetParticipant,
} from './use-cochallenge';

/** Staff run a cochallenge: companies and participants, pairs, the plan, the day, then the follow-up and what it brought. */
export default function CochallengeSetupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const campaign = useCochallenge(id);
  const c = campaign.data;
  return (
    <Page title={c ? c.name : t('cochallenge.title')} actions={c && <Badge variant="light">{t(`cochallenge.status.${c.status}`)}</Badge>}>
      {campaign.error && <ErrorAlert error={campaign.error} />}
      {c && (
        <>
          {(c.status === 'live' || c.status === 'closed') && <FollowUpCard id={id} />}
          <PlanCard campaign={c} />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <CompaniesCard campaign={c} />
            <ParticipantsCard campaign={c} />
          </SimpleGrid>
          <PairsCard campaign={c} />
        </>
      )}
    </Page>
  );
}

const frozen = (c: CochallengeDetailData) => c.status === 'live' || c.status === 'closed';

function CompaniesCard({ campaign }: { campaign: CochallengeDetailData }) {
  const { t } = useTranslation();
  const add = useAddCompany(campaign.id);
  const remove = useRemoveCompany(campaign.id);
  const [name, setName] = useState('');
  const [tags, setTags] = useState('');
  const [slots, setSlots] = useState<number | string>(1);
  const submit = () =>
    add.mutate(
      { name: name.trim(), tags: tags.split(',').map((s) => s.trim()).filter(Boolean), slots: Number(slots) },
      {
        onSuccess: () => {
          setName('');
          setTags('');
        },
      },
    );
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>
          {t('cochallenge.setup.companies')} ({campaign.companies.length})
        </Title>
        {campaign.companies.length === 0 && <Text c="dimmed">{t('cochallenge.setup.noCompanies')}</Text>}
        <Stack gap={4}>
          {campaign.companies.map((co) => (
            <Group key={co.id} justify="space-between" wrap="nowrap" data-testid="company-row">
              <Text size="sm" style={{ minWidth: 0 }}>
                <b>{co.name}</b> · {co.tags.join(', ')} · {t('cochallenge.setup.slotCount', { count: co.slots })}
              </Text>
              {!frozen(campaign) && (
                <Button size="compact-xs" variant="subtle" color="red" style={{ flexShrink: 0 }} onClick={() => remove.mutate(co.id)}>
                  {t('cochallenge.setup.remove')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
        {!frozen(campaign) && (
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('cochallenge.setup.companyName')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="company-name" />
            <TextInput label={t('cochallenge.setup.tags')} value={tags} onChange={(e) => setTags(e.currentTarget.value)} data-testid="company-tags" />
            <NumberInput label={t('cochallenge.setup.slots')} value={slots} onChange={setSlots} min={1} max={6} w={110} allowDecimal={false} />
            <Button onClick={submit} disabled={!name.trim()} loading={add.isPending} data-testid="company-add">
              {t('cochallenge.setup.addCompany')}
            </Button>
          </Group>
        )}
        {(add.error || remove.error) && <ErrorAlert error={add.error ?? remove.error} />}
      </Stack>
    </Card>
  );
}

function ParticipantsCard({ campaign }: { campaign: CochallengeDetailData }) {
  const { t } = useTranslation();
  const members = useMemberOptions();
  const set = useSetParticipant(campaign.id);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [role, setRole] = useState<ParticipantRole>('pitcher');
  const [pitch, setPitch] = useState('');
  const taken = new Set(campaign.participants.map((p) => p.memberId));
  const submit = () =>
    memberId &&
    set.mutate(
      { memberId, role, pitch: pitch.trim() || null },
      {
        onSuccess: () => {
          setMemberId(null);
          setPitch('');
        },
      },
    );
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>
          {t('cochallenge.setup.participants')} ({campaign.participants.length})
        </Title>
        {campaign.participants.length === 0 && <Text c="dimmed">{t('cochallenge.setup.noParticipants')}</Text>}
        <Stack gap={4}>
          {campaign.participants.map((p) => (
            <Group key={p.memberId} gap="xs" wrap="wrap" data-testid="participant-row">
              <Text size="sm" fw={600}>
                {p.name}
              </Text>
              <Badge size="sm" variant="light">
                {t(`cochallenge.setup.roles.${p.role}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {p.trades.join(', ')}
              </Text>
            </Group>
          ))}
        </Stack>
        {!frozen(campaign) && (
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('cochallenge.setup.member')}
              data={(Array.isArray(members.data) ? members.data : []).filter((m) => !taken.has(m.id)).map((m) => ({ value: m.id, label: m.name }))}
              value={memberId}
              onChange={setMemberId}
              searchable
              data-testid="participant-member"
            />
            <Select
              label={t('cochallenge.setup.role')}
              data={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`cochallenge.setup.roles.${r}`) }))}
              value={role}
              onChange={(v) => v && setRole(v as ParticipantRole)}
              allowDeselect={false}
              data-testid="participant-role"
            />
            <TextInput label={t('cochallenge.setup.pitch')} value={pitch} onChange={(e) => setPitch(e.currentTarget.value)} maxLength={200} />
            <Button onClick={submit} disabled={!memberId} loading={set.isPending} data-testid="participant-add">
              {t('cochallenge.setup.addParticipant')}
            </Button>
          </Group>
        )}
        {set.error && <ErrorAlert error={set.error} />}
      </Stack>
    </Card>
  );
}

function PairsCard({ campaign }: { campaign: CochallengeDetailData }) {
  const { t } = useTranslation();
  const propose = useProposePairs(campaign.id);
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={3}>
            {t('cochallenge.setup.pairs')} ({campaign.pairs.length})
          </Title>
          {!frozen(campaign) && (
            <Button variant="light" onClick={() => propose.mutate()} loading={propose.isPending} data-testid="pairs-propose">
              {t('cochallenge.setup.proposePairs')}
            </Button>
          )}
        </Group>
        {campaign.pairs.length === 0 ? (
          <Text c="dimmed">{t('cochallenge.setup.noPairs')}</Text>
        ) : (
          <Text size="sm">{campaign.sameTradePairs === 0 ? t('cochallenge.setup.mixed') : t('cochallenge.setup.sameTrade', { count: campaign.sameTradePairs })}</Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {campaign.pairs.map((p) => (
            <Card key={p.id} withBorder padding="xs" data-testid="pair-card">
              <Text fw={700}>
                {t('cochallenge.setup.pair')} {p.number}
              </Text>
              {p.members.map((m) => (
                <Text key={m.memberId} size="sm">
                  {m.name} <Text span c="dimmed">· {m.trades[0] ?? '—'}</Text>
                </Text>
              ))}
            </Card>
          ))}
        </SimpleGrid>
        {propose.error && <ErrorAlert error={propose.error} />}
      </Stack>
    </Card>
  );
}

function PlanCard({ campaign }: { campaign: CochallengeDetailData }) {
  const { t } = useTranslation();
  const plan = usePlan(campaign.id);
  const compute = useComputePlan(campaign.id);
  const move = useMoveCochallenge(campaign.id);
  const p = plan.data;
  const run = () => compute.mutate(undefined, { onSuccess: () => notifications.show({ color: 'teal', message: t('cochallenge.plan.computed') }) });
  const go = (status: 'live' | 'closed') => move.mutate(status, { onSuccess: () => notifications.show({ color: 'teal', message: t(status === 'live' ? 'cochallenge.plan.started' : 'cochallenge.plan.closed') }) });
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={3}>{t('cochallenge.plan.title')}</Title>
          <Group gap="xs">
            {!frozen(campaign) && (
              <Button onClick={run} loading={compute.isPending} data-testid="plan-compute">
                {campaign.status === 'planned' ? t('cochallenge.plan.recompute') : t('cochallenge.plan.compute')}
              </Button>
            )}
            {campaign.status === 'planned' && (
              <Button color="teal" onClick={() => go('live')} loading={move.isPending} data-testid="plan-start">
                {t('cochallenge.plan.start')}
              </Button>
            )}
            {campaign.status === 'live' && (
              <Button color="gray" onClick={() => go('closed')} loading={move.isPending} data-testid="plan-close">
                {t('cochallenge.plan.close')}
              </Button>
            )}
          </Group>
        </Group>
        {(compute.error || move.error) && <ErrorAlert error={compute.error ?? move.error} />}
        {p && p.meetings.length === 0 && <Text c="dimmed">{t('cochallenge.plan.none')}</Text>}
        {p && p.meetings.length > 0 && (
          <>
            <Text size="sm" data-testid="plan-target">
              {t('cochallenge.plan.target', { floor: p.target.floor, ceil: p.target.ceil, exact: p.target.exact })} {campaign.planFitScore !== null && t('cochallenge.plan.fitScore', { score: campaign.planFitScore })}
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table striped data-testid="plan-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cochallenge.setup.pair')}</Table.Th>
                    <Table.Th>{t('cochallenge.plan.time')}</Table.Th>
                    <Table.Th>{t('cochallenge.plan.company')}</Table.Th>
                    <Table.Th>{t('cochallenge.plan.profiles')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...p.meetings]
                    .sort((a, b) => a.pairNumber - b.pairNumber || a.round - b.round)
                    .map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td>{m.pairNumber}</Table.Td>
                        <Table.Td>{m.startsAt}</Table.Td>
                        <Table.Td>{m.companyName}</Table.Td>
                        <Table.Td>{m.profiles.map((x) => x.name).join(', ')}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Title order={5}>{t('cochallenge.plan.counts')}</Title>
            <Group gap="xs">
              {p.presentations.map((x) => (
                <Badge key={x.memberId} variant="outline" tt="none">
                  {x.name} : {x.count}
                </Badge>
              ))}
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

function FollowUpCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const promises = usePromises(id);
  const results = useResults(id);
  const r = results.data;
  const columns: ListColumn<PromiseData>[] = [
    { key: 'profile', header: t('cochallenge.follow.profile'), cell: (p) => p.profileName, phone: 'title' },
    { key: 'company', header: t('cochallenge.follow.company'), cell: (p) => p.companyName },
    { key: 'stage', header: t('cochallenge.follow.stage'), cell: (p) => <Badge variant="light">{t(`cochallenge.follow.statuses.${p.status}`)}</Badge>, phone: 'badge' },
    { key: 'quote', header: t('cochallenge.follow.quote'), cell: (p) => (p.quoteId ? `${p.quoteNumber ?? '—'} · ${format.money(p.quoteNetCents ?? 0)}` : '—') },
    { key: 'follow', header: '', cell: (p) => <FollowControl id={id} promise={p} /> },
  ];
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('cochallenge.results.title')}</Title>
        {r && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Stat label={t('cochallenge.results.promised')} value={String(r.promised)} />
            <Stat label={t('cochallenge.results.quoted')} value={format.money(r.quotedCents)} hint={t('cochallenge.results.quotes', { count: r.quotes })} testId="results-quoted" />
            <Stat label={t('cochallenge.results.signed')} value={format.money(r.signedCents)} testId="results-signed" />
          </SimpleGrid>
        )}
        <Title order={4}>{t('cochallenge.follow.title')}</Title>
        <ListTable query={promises} columns={columns} rowKey={(p) => p.id} rowTestId={() => 'promise-row'} empty={t('cochallenge.follow.none')} minWidth={760} />
      </Stack>
    </Card>
  );
}

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

function FollowControl({ id, promise }: { id: string; promise: PromiseData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const follow = useFollowPromise(id);
  const [status, setStatus] = useState<PromiseStatus>(promise.status);
  const [quoteId, setQuoteId] = useState<string | null>(promise.quoteId);
  const needsQuote = status === 'quote_sent' || status === 'contract_signed';
  const quotes = useQuotesToLink(needsQuote);
  if (promise.status === 'contract_signed' || promise.status === 'dropped') return null;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap" align="flex-end">
        <Select size="xs" w={150} data={PROMISE_STATUSES.map((s) => ({ value: s, label: t(`cochallenge.follow.statuses.${s}`) }))} value={status} onChange={(v) => v && setStatus(v as PromiseStatus)} allowDeselect={false} aria-label={t('cochallenge.follow.stage')} data-testid="promise-status" />
        {needsQuote && (
          <Select
            size="xs"
            w={220}
            placeholder={t('cochallenge.follow.chooseQuote')}
            data={(quotes.data?.items ?? []).map((q) => ({ value: q.id, label: `${q.number ?? '—'} · ${q.clientName} · ${format.money(q.netCents)}` }))}
            value={quoteId}
            onChange={setQuoteId}
            searchable
            aria-label={t('cochallenge.follow.quote')}
            data-testid="promise-quote"
          />
        )}
        <Button size="xs" onClick={() => follow.mutate({ promiseId: promise.id, status, quoteId: needsQuote ? quoteId : undefined })} loading={follow.isPending} disabled={status === promise.status} data-testid="promise-apply">
          {t('cochallenge.follow.apply')}
        </Button>
      </Group>
      {follow.error && <ErrorAlert error={follow.error} />}
    </Stack>
  );
}
