import { Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { bpToPercent } from '../../../modules/activities/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { JobForm } from './JobForm';
import { JobStatusBadge } from './JobStatusBadge';
import { type JobData, useCloseJob, useJob, useJobInvoices, useJobQuotes } from './use-jobs';

/**
 * One job: its client, bringer and rates, its participants and their shares, the split of
 * what it invoiced, and its quotes and invoices. A member sees their own part only (the API
 * sends nothing else).
 */
export default function JobDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { hasRole } = useSession();
  const manages = hasRole('admin', 'staff');
  const job = useJob(id);
  const back = (
    <Anchor component={Link} to="/jobs" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden />
        {manages ? t('jobs.back') : t('jobs.myBack')}
      </Group>
    </Anchor>
  );
  if (job.isPending) return <SectionLoader />;
  if (job.isError) {
    return (
      <Page title={t('jobs.detailTitle')}>
        {back}
        <ErrorAlert error={job.error} />
      </Page>
    );
  }
  const j = job.data;
  return (
    <Page title={j.title} actions={manages && j.status === 'open' && <JobActions job={j} />}>
      {back}
      <Group gap="sm">
        <Badge variant="outline" size="lg" ff="monospace">
          {j.reference}
        </Badge>
        <JobStatusBadge status={j.status} />
      </Group>
      <JobInfoCard job={j} />
      <ParticipantsCard job={j} />
      <SplitCard job={j} />
      <DocumentsCard job={j} />
    </Page>
  );
}

function JobActions({ job }: { job: JobData }) {
  const { t } = useTranslation();
  const close = useCloseJob(job.id);
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  return (
    <>
      <Button component={Link} to={`/invoices/new?clientId=${job.clientId}&jobId=${job.id}`} variant="light" data-testid="job-new-invoice">
        {t('jobs.newInvoice')}
      </Button>
      <Button variant="default" onClick={() => setEditing(true)} data-testid="job-edit">
        {t('jobs.edit')}
      </Button>
      <Button variant="light" color="red" onClick={() => setConfirm(true)} data-testid="job-close">
        {t('jobs.close')}
      </Button>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('jobs.editTitle')} size="lg">
        {editing && <JobForm job={job} onCancel={() => setEditing(false)} onDone={() => setEditing(false)} />}
      </Modal>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('jobs.close')}>
        <Stack>
          <Text>{t('jobs.closeConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={close.isPending}
              data-testid="job-close-confirm"
              onClick={() =>
                close.mutate(undefined, {
                  onSuccess: () => {
                    setConfirm(false);
                    notifications.show({ color: 'teal', message: t('jobs.closed') });
                  },
                  onError: (error) => notifications.show({ color: 'red', message: error.message }),
                })
              }
            >
              {t('jobs.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

const pct = (bp: number, lang: string) => `${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(bpToPercent(bp))} %`;

function JobInfoCard({ job }: { job: JobData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, string][] = [
    [t('jobs.info.client'), job.clientName],
    [t('jobs.info.bringer'), job.bringerName ?? t('jobs.info.none')],
    [t('jobs.info.bringerActivity'), job.bringerActivityName ?? t('jobs.info.none')],
    [t('jobs.info.commissionRate'), pct(job.commissionRateBp, format.lang)],
    [t('jobs.info.marginRate'), pct(job.marginRateBp, format.lang)],
  ];
  return (
    <Card>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {rows.map(([label, value]) => (
          <Group key={label} gap="xs" wrap="nowrap">
            <Text c="dimmed" size="sm">
              {label}
            </Text>
            <Text size="sm" fw={500}>
              {value}
            </Text>
          </Group>
        ))}
      </SimpleGrid>
      {job.description && (
        <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {job.description}
        </Text>
      )}
    </Card>
  );
}

function ParticipantsCard({ job }: { job: JobData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const others = job.participantCount - job.participants.length;
  return (
    <Card>
      <Title order={2} size="h4" mb="xs">
        {t('jobs.participantsTitle')}
      </Title>
      <Stack gap={4}>
        {job.participants.map((p) => (
          <Group key={p.activityId} justify="space-between" wrap="nowrap" data-testid={`job-participant-${p.activityCode}`}>
            <Anchor component={Link} to={`/activities/${p.activityId}`}>
              {p.activityCode} — {p.activityName}
            </Anchor>
            <Text fw={600}>{pct(p.shareBp, format.lang)}</Text>
          </Group>
        ))}
        {!job.wholeJob && others > 0 && (
          <Text size="sm" c="dimmed">
            {t('jobs.participantsOthers', { count: others })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function SplitCard({ job }: { job: JobData }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card>
      <Title order={2} size="h4" mb={4}>
        {t('jobs.splitTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {job.wholeJob ? t('jobs.splitHint') : t('jobs.myPartHint')}
      </Text>
      {job.wholeJob && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
          <Total label={t('jobs.split.invoiced')} cents={job.invoicedCents ?? 0} testId="job-invoiced" />
          <Total label={t('jobs.split.margin')} cents={job.marginCents ?? 0} testId="job-margin-total" />
          <Total label={t('jobs.split.commission')} cents={job.commissionCents ?? 0} testId="job-commission-total" />
        </SimpleGrid>
      )}
      {job.split.length === 0 ? (
        <Text c="dimmed">{t('jobs.split.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('jobs.split.activity')}</Table.Th>
                <Table.Th ta="right">{t('jobs.split.revenue')}</Table.Th>
                <Table.Th ta="right">{t('jobs.split.commissionPaid')}</Table.Th>
                <Table.Th ta="right">{t('jobs.split.commissionReceived')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {job.split.map((s) => (
                <Table.Tr key={s.activityId} data-testid={`job-split-${s.activityCode}`}>
                  <Table.Td>{s.activityCode} — {s.activityName}</Table.Td>
                  <Table.Td ta="right">{format.money(s.revenueCents)}</Table.Td>
                  <Table.Td ta="right">{format.money(s.commissionPaidCents)}</Table.Td>
                  <Table.Td ta="right">{format.money(s.commissionReceivedCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function Total({ label, cents, testId }: { label: string; cents: number; testId: string }) {
  const format = useFormat();
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} data-testid={testId}>
        {format.money(cents)}
      </Text>
    </Stack>
  );
}

function DocumentsCard({ job }: { job: JobData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const invoices = useJobInvoices(job.id);
  const quotes = useJobQuotes(job.id);
  const invoiceItems = invoices.data?.items ?? [];
  const quoteItems = quotes.data?.items ?? [];
  return (
    <Card>
      <Title order={2} size="h4" mb={4}>
        {t('jobs.documentsTitle')}
      </Title>
      {!job.wholeJob && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('jobs.documentsHint')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap={4}>
          <Text fw={600}>{t('jobs.quotes')}</Text>
          {quoteItems.length === 0 && <Text c="dimmed">{t('jobs.noQuotes')}</Text>}
          {quoteItems.map((q) => (
            <Group key={q.id} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/quotes/${q.id}`}>
                {q.number ?? t('jobs.info.none')}
              </Anchor>
              <Text size="sm">{format.money(q.grossCents)}</Text>
            </Group>
          ))}
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>{t('jobs.invoices')}</Text>
          {invoiceItems.length === 0 && <Text c="dimmed">{t('jobs.noInvoices')}</Text>}
          {invoiceItems.map((i) => (
            <Group key={i.id} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/invoices/${i.id}`}>
                {i.number ?? t('jobs.info.none')}
              </Anchor>
              <Text size="sm">{format.money(i.kind === 'credit_note' ? -i.grossCents : i.grossCents)}</Text>
            </Group>
          ))}
          {invoices.data && invoiceItems.length > 0 && (
            <Text size="sm" c="dimmed" data-testid="job-invoice-totals">
              {t('jobs.invoicedTotal', { amount: format.money(invoices.data.totals.grossCents) })} · {t('jobs.paidTotal', { amount: format.money(invoices.data.totals.paidCents) })}
            </Text>
          )}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
