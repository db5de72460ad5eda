import { Anchor, Badge, Button, Card, Group, List, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconDownload, IconEyeOff, IconListSearch, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PaymentModeValue } from '../../../modules/payments/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { PAYMENT_MODES } from '../payments';
import { DebitActions } from './BookDebit';
import { ChooseInvoicesModal } from './ChooseInvoicesModal';
import { RecordedProposals } from './RecordedProposals';
import { UnmatchLineModal } from './UnmatchLineModal';
import { type StatementLineData, statementFileUrl, useConfirmLine, useIgnoreLine, useStatement } from './use-bank';

type Status = StatementLineData['status'];
const STATUSES = ['unmatched', 'matched', 'booked', 'ignored'] as const satisfies readonly Status[];
const isStatus = (v: string | null): v is Status => (STATUSES as readonly string[]).includes(v ?? '');

/** One statement, line by line: confirm what each credit pays, or set a line aside. */
export default function ReconciliationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { money } = useFormat();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const statement = useStatement(id, status);
  const [choosing, setChoosing] = useState<StatementLineData | null>(null);
  const [unmatching, setUnmatching] = useState<StatementLineData | null>(null);
  const s = statement.data;

  return (
    <Page
      title={t('bank.reconcile.title', { ref: s?.statementRef ?? '' })}
      actions={
        <Button
          component="a"
          // No download attribute: the server names the file, and a refused file (altered since
          // the import) then shows the server's reason instead of a silently failed download.
          href={statementFileUrl(id)}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          title={s ? t('bank.reconcile.fileSha256', { sha256: s.fileSha256 }) : undefined}
          data-testid="bank-statement-download"
        >
          {t('bank.reconcile.downloadFile')}
        </Button>
      }
    >
      <Anchor component={Link} to="/bank" size="sm">
        {t('bank.import.backToStatements')}
      </Anchor>
      {statement.isError && <ErrorAlert error={statement.error} />}
      {s && (
        <Group gap="lg" wrap="wrap">
          <Text size="sm">{t('bank.reconcile.summary', { credits: money(s.creditCents, s.currency), debits: money(s.debitCents, s.currency) })}</Text>
          <Badge color="orange" variant="light">{t('bank.statements.toReconcile', { count: s.unmatchedCount })}</Badge>
          <Badge color="teal" variant="light">{t('bank.reconcile.matchedCount', { count: s.matchedCount })}</Badge>
          <Badge color="gray" variant="light">{t('bank.reconcile.ignoredCount', { count: s.ignoredCount })}</Badge>
        </Group>
      )}
      <Select
        label={t('bank.reconcile.filter')}
        value={status ?? 'all'}
        onChange={(v) => setParams(!v || v === 'all' ? {} : { status: v }, { replace: true })}
        allowDeselect={false}
        data={[{ value: 'all', label: t('bank.reconcile.all') }, ...STATUSES.map((v) => ({ value: v, label: t(`bank.status.${v}`) }))]}
        w={{ base: '100%', xs: 220 }}
        data-testid="bank-line-filter"
      />
      {statement.isPending && <Text c="dimmed">{t('common.loading')}</Text>}
      <Stack gap="sm">
        {s?.lines.map((line) => <LineCard key={line.id} line={line} currency={s.currency} onChoose={() => setChoosing(line)} onUnmatch={() => setUnmatching(line)} />)}
        {s && s.lines.length === 0 && <Text c="dimmed" ta="center" p="lg">{t('bank.reconcile.empty')}</Text>}
      </Stack>
      <ChooseInvoicesModal line={choosing} onClose={() => setChoosing(null)} />
      <UnmatchLineModal line={unmatching} onClose={() => setUnmatching(null)} />
    </Page>
  );
}

const STATUS_COLOR: Record<Status, string> = { unmatched: 'orange', matched: 'teal', booked: 'teal', ignored: 'gray' };

function LineCard({ line, currency, onChoose, onUnmatch }: { line: StatementLineData; currency: string; onChoose: () => void; onUnmatch: () => void }) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const confirm = useConfirmLine();
  const ignore = useIgnoreLine();
  const credit = line.amountCents > 0;
  // Money already recorded (a cheque typed on arrival) is proposed first; a new payment only when none of it fits.
  const [offerNew, setOfferNew] = useState(false);
  const newPayment = line.recordedProposals.length === 0 || offerNew;
  // Most credits are transfers; a cheque or card remittance also lands on the statement as a credit.
  const [mode, setMode] = useState<PaymentModeValue>('transfer');
  const [error, setError] = useState<unknown>(null);
  const act = async (run: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await run();
      notifications.show({ color: 'teal', message: done });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Card withBorder padding="sm" data-testid={`bank-line-${line.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="sm" wrap="wrap">
            <Text size="sm" c="dimmed">{date(line.bookingDate)}</Text>
            <Text fw={700} c={credit ? 'teal.8' : undefined} style={{ whiteSpace: 'nowrap' }}>{money(line.amountCents, currency)}</Text>
            <Badge color={STATUS_COLOR[line.status]} variant="light" data-testid="bank-line-status">{t(`bank.status.${line.status}`)}</Badge>
          </Group>
          <Group gap="xs">
            <DebitActions line={line} />
            {line.status === 'unmatched' && credit && newPayment && (
              <Button size="xs" variant="default" leftSection={<IconListSearch size={14} aria-hidden />} onClick={onChoose} data-testid={`bank-line-choose-${line.id}`}>
                {t('bank.reconcile.choose')}
              </Button>
            )}
            {line.status === 'unmatched' && (
              <Button size="xs" variant="subtle" color="gray" leftSection={<IconEyeOff size={14} aria-hidden />} loading={ignore.isPending} onClick={() => act(() => ignore.mutateAsync({ lineId: line.id, ignored: true }), t('bank.reconcile.ignored'))} data-testid={`bank-line-ignore-${line.id}`}>
                {t('bank.reconcile.ignore')}
              </Button>
            )}
            {line.status === 'ignored' && (
              <Button size="xs" variant="subtle" leftSection={<IconRestore size={14} aria-hidden />} loading={ignore.isPending} onClick={() => act(() => ignore.mutateAsync({ lineId: line.id, ignored: false }), t('bank.reconcile.restored'))} data-testid={`bank-line-unignore-${line.id}`}>
                {t('bank.reconcile.unignore')}
              </Button>
            )}
            {line.status === 'matched' && line.paymentId && (
              <Anchor component={Link} to="/payments" size="sm">
                {t('bank.reconcile.paymentRecorded')}
              </Anchor>
            )}
            {line.status === 'matched' && (
              <Button size="xs" variant="subtle" color="red" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={onUnmatch} data-testid={`bank-line-unmatch-${line.id}`}>
                {t('bank.unmatch.action')}
              </Button>
            )}
          </Group>
        </Group>
        <Text size="sm" fw={500}>{line.label || line.reference || '—'}</Text>
        {(line.reference && line.label) || line.counterparty ? (
          <Text size="xs" c="dimmed">
            {[line.counterparty, line.label ? line.reference : null].filter(Boolean).join(' · ')}
          </Text>
        ) : null}
        {line.status === 'unmatched' && credit && <RecordedProposals line={line} act={act} />}
        {line.status === 'unmatched' && credit && !newPayment && (
          <Button size="xs" variant="subtle" onClick={() => setOfferNew(true)} style={{ alignSelf: 'flex-start' }} data-testid={`bank-line-offer-new-${line.id}`}>
            {t('bank.recorded.noneOfThese')}
          </Button>
        )}
        {line.status === 'unmatched' && credit && newPayment && line.suggestions.length === 0 && (
          <Text size="sm" c="dimmed">{t('bank.reconcile.noSuggestion')}</Text>
        )}
        {newPayment && line.suggestions.length > 0 && (
          <Select
            size="xs"
            label={t('payments.form.mode')}
            allowDeselect={false}
            data={PAYMENT_MODES.map((m) => ({ value: m, label: t(`payments.mode.${m}`) }))}
            value={mode}
            onChange={(v) => v && setMode(v as PaymentModeValue)}
            w={{ base: '100%', xs: 220 }}
            data-testid={`bank-line-mode-${line.id}`}
          />
        )}
        {newPayment && line.suggestions.map((suggestion, i) => (
          <Card key={i} bg="var(--mantine-color-default-hover)" padding="xs" data-testid={`bank-suggestion-${line.id}-${i}`}>
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <Stack gap={2}>
                <Group gap="xs">
                  <Badge variant="filled" color={suggestion.confidence >= 0.8 ? 'teal' : suggestion.confidence >= 0.5 ? 'yellow' : 'gray'} aria-label={t('bank.reconcile.confidence')}>
                    {Math.round(suggestion.confidence * 100)} %
                  </Badge>
                  <Text size="sm" fw={600}>{suggestion.invoices[0]?.clientName}</Text>
                </Group>
                {suggestion.invoices.map((invoice) => (
                  <Text key={invoice.invoiceId} size="sm" ff="monospace">
                    {invoice.number} — {t('bank.reconcile.invoiceLine', { left: money(invoice.amountLeftCents), allocated: money(invoice.allocatedCents) })}
                  </Text>
                ))}
                {suggestion.unallocatedCents > 0 && <Text size="xs" c="orange.8">{t('bank.reconcile.leftAsCredit', { amount: money(suggestion.unallocatedCents) })}</Text>}
                <List size="xs" c="dimmed">
                  {suggestion.reasons.map((r, k) => (
                    <List.Item key={k}>{r.message}</List.Item>
                  ))}
                </List>
              </Stack>
              <Button
                size="xs"
                leftSection={<IconCheck size={14} aria-hidden />}
                loading={confirm.isPending}
                onClick={() =>
                  act(
                    () => confirm.mutateAsync({ lineId: line.id, body: { clientId: suggestion.clientId, mode, allocations: suggestion.invoices.map((inv) => ({ invoiceId: inv.invoiceId, amountCents: inv.allocatedCents })) } }),
                    t('bank.reconcile.confirmed'),
                  )
                }
                data-testid={`bank-line-confirm-${line.id}-${i}`}
              >
                {t('bank.reconcile.confirm')}
              </Button>
            </Group>
          </Card>
        ))}
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  );
}
