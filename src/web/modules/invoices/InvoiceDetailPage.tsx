import { Alert, Anchor, Button, Card, Group, List, Menu, Modal, Radio, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowLeft, IconCheck, IconDownload, IconFileInvoice, IconMail, IconPencil, IconReceiptRefund, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { allowedInvoiceActions, amountLeftCents } from '../../../modules/invoicing/contract';
import { formatQuantity } from '../../../modules/documents/contract';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { QuoteOfInvoiceLink } from '../quotes';
import { DunningOfInvoice } from '../dunning';
import { InvoiceAdvanceCard } from '../advances';
import { InvoicePaymentsCard } from '../payments';
import { InvoiceContributionLine } from '../contribution';
import { eurosToCents, SendMailModal, TotalLine, TotalsCard, useUnitLabel, useVatText } from '../documents';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import {
  invoiceFileUrl,
  type InvoiceDetailData,
  todayIso,
  useCreditInvoice,
  useDeleteInvoice,
  useInvoice,
  useInvoiceMailPreview,
  useInvoiceSends,
  useInvoicingSettings,
  useSendBackInvoice,
  useSendInvoice,
  useSubmitInvoice,
  useValidateInvoice,
  useWithdrawInvoice,
} from './use-invoices';

/** One invoice or credit note: its lines, VAT, totals, what is paid and left, and what can be done with it now. */
export default function InvoiceDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const invoice = useInvoice(id);
  const { hasRole } = useSession();
  const back = (
    <Anchor component={Link} to="/invoices" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden />
        {t('invoices.back')}
      </Group>
    </Anchor>
  );
  if (!invoice.data) {
    return (
      <Page title={t('invoices.detailTitle')}>
        {back}
        {invoice.isError ? <ErrorAlert error={invoice.error} /> : <SectionLoader />}
      </Page>
    );
  }
  const inv = invoice.data;
  const team = hasRole('admin', 'staff');
  const title = inv.number ? t(`invoices.titleOf.${inv.kind}`, { number: inv.number }) : t('invoices.draftTitle');
  return (
    <Page title={title} actions={<InvoiceActions invoice={inv} />}>
      {back}
      <SentBackNotice invoice={inv} />
      <InvoiceHeader invoice={inv} />
      <LinesCard invoice={inv} />
      {inv.deposits.length > 0 && <DepositsCard invoice={inv} />}
      <TotalsCard
        totals={
          inv.deposits.length > 0
            ? { taxBasisCents: inv.documentTotals.taxBasisCents, vatTotalCents: inv.documentTotals.vatTotalCents, grandTotalCents: inv.documentTotals.grandTotalCents, vatBreakdown: inv.vatBreakdown }
            : { taxBasisCents: inv.netCents, vatTotalCents: inv.vatCents, grandTotalCents: inv.grossCents, vatBreakdown: inv.vatBreakdown }
        }
        extra={
          <>
            <DepositsDeducted invoice={inv} />
            <PaidAndLeft invoice={inv} />
            <InvoiceContributionLine contribution={inv.contribution} />
          </>
        }
      />
      {inv.vatSplit && <VatSplitNote split={inv.vatSplit} />}
      {inv.creditNotes.length > 0 && <CreditNotesCard invoice={inv} />}
      <InvoicePaymentsCard
        invoice={{ id: inv.id, clientId: inv.clientId, clientName: inv.clientName, leftCents: amountLeftCents(inv), collectable: inv.status !== 'draft' && inv.kind !== 'credit_note' }}
      />
      {inv.status !== 'draft' && <SendsCard invoice={inv} />}
      {inv.status !== 'draft' && inv.kind === 'invoice' && <InvoiceAdvanceCard invoiceId={inv.id} />}
      {inv.status !== 'draft' && inv.kind !== 'credit_note' && <DunningOfInvoice invoiceId={inv.id} number={inv.number} />}
    </Page>
  );
}

/** The team's comment on a draft they returned, until it is submitted again. */
function SentBackNotice({ invoice }: { invoice: InvoiceDetailData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (invoice.status !== 'draft' || invoice.submittedAt || !invoice.sentBackAt) return null;
  return (
    <Alert color="orange" variant="light" title={t('invoices.actions.sentBackNotice', { date: fmt.dateTime(invoice.sentBackAt) })} data-testid="invoice-sent-back">
      {invoice.sentBackComment && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{invoice.sentBackComment}</Text>}
    </Alert>
  );
}

/** Each send of the invoice, saying "left" only for a mail the outbox actually sent. */
function SendsCard({ invoice }: { invoice: InvoiceDetailData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sends = useInvoiceSends(invoice.id);
  if (!sends.data?.length) return null;
  const colors = { queued: 'gray', sent: 'teal', failed: 'orange' } as const;
  return (
    <Card padding="lg" data-testid="invoice-sends">
      <Title order={2} fz="h4" mb="sm">
        {t('invoices.sends.title')}
      </Title>
      <Stack gap={6}>
        {sends.data.map((s) => (
          <Group key={s.id} gap="xs" wrap="wrap" justify="space-between">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('invoices.sends.line', { at: fmt.dateTime(s.at), to: s.to })}
              {s.cc ? ` · ${t('invoices.sends.cc', { cc: s.cc })}` : ''}
            </Text>
            {s.mailStatus && (
              <Text size="sm" c={colors[s.mailStatus]} fw={500} data-testid="invoice-send-status">
                {t(`invoices.sends.status.${s.mailStatus}`, { at: s.mailSentAt ? fmt.dateTime(s.mailSentAt) : '' })}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function InvoiceHeader({ invoice }: { invoice: InvoiceDetailData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const item = (label: string, value: React.ReactNode, testId?: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text data-testid={testId}>{value}</Text>
    </div>
  );
  return (
    <Card padding="lg">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Group gap="xs">
          <InvoiceStatusBadge invoice={invoice} />
          {invoice.status === 'draft' && invoice.submittedAt && (
            <Text size="sm" c="dimmed">
              {t('invoices.submittedOn', { date: fmt.dateTime(invoice.submittedAt) })}
            </Text>
          )}
        </Group>
        <Text ff="monospace" fw={700} data-testid="invoice-number">
          {invoice.number ?? t('invoices.draftLabel')}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        {item(t('invoices.fields.client'), <Anchor component={Link} to={`/clients/${invoice.clientId}`}>{invoice.clientName}</Anchor>)}
        {item(t('invoices.fields.activity'), <Anchor component={Link} to={`/activities/${invoice.activityId}`}>{`${invoice.activityCode} — ${invoice.activityName}`}</Anchor>)}
        {item(t('invoices.fields.kind'), t(`invoices.kind.${invoice.kind}`))}
        {item(t('invoices.fields.operationCategory'), t(`invoices.operationCategory.${invoice.operationCategory}`))}
        {item(t('invoices.columns.issueDate'), invoice.issueDate ? fmt.date(invoice.issueDate) : '—')}
        {item(t('invoices.columns.dueDate'), invoice.dueDate ? fmt.date(invoice.dueDate) : '—')}
        {item(
          t('invoices.fields.serviceWhen'),
          invoice.servicePeriod
            ? t('invoices.periodText', { start: fmt.date(invoice.servicePeriod.start), end: fmt.date(invoice.servicePeriod.end) })
            : invoice.serviceDate
              ? fmt.date(invoice.serviceDate)
              : '—',
        )}
        {item(
          t('invoices.fields.paymentTerms'),
          invoice.paymentTermsEndOfMonth
            ? t('invoices.termsEndOfMonth', { days: invoice.paymentTermsDays })
            : invoice.paymentTermsDays === 0
              ? t('invoices.termsOnReceipt')
              : t('invoices.termsDays', { days: invoice.paymentTermsDays }),
        )}
        {invoice.order && item(t('invoices.order.label'), t('invoices.order.text', { number: invoice.order.number, date: fmt.date(invoice.order.issueDate) }), 'invoice-order')}
        {invoice.creditedInvoiceId &&
          item(t('invoices.corrects'), <Anchor component={Link} to={`/invoices/${invoice.creditedInvoiceId}`}>{invoice.creditedInvoiceNumber ?? '—'}</Anchor>)}
      </SimpleGrid>
      {invoice.kind !== 'credit_note' && <QuoteOfInvoiceLink invoiceId={invoice.id} />}
      {invoice.kind === 'deposit' && invoice.order?.summary && invoice.order.summary.length > 0 && <OrderSummary order={invoice.order} />}
      {invoice.notes && (
        <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>
          {invoice.notes}
        </Text>
      )}
    </Card>
  );
}

function LinesCard({ invoice }: { invoice: InvoiceDetailData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const vatText = useVatText();
  const unitLabel = useUnitLabel();
  return (
    <Card padding={0}>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoices.fields.description')}</Table.Th>
              <Table.Th ta="right">{t('invoices.fields.quantity')}</Table.Th>
              <Table.Th ta="right">{t('invoices.fields.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('invoices.fields.discountKind')}</Table.Th>
              <Table.Th>{t('invoices.fields.vat')}</Table.Th>
              <Table.Th ta="right">{t('invoices.totals.lineNet')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoice.lines.map((l) => (
              <Table.Tr key={l.position} data-testid={`invoice-line-row-${l.position}`}>
                <Table.Td>
                  {l.description}
                  {l.exemptionReason && (
                    <Text size="xs" c="dimmed">
                      {l.exemptionReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatQuantity(l.quantityMilli)} {unitLabel(l.unit, l.quantityMilli)}
                </Table.Td>
                <Table.Td ta="right">{fmt.money(l.unitPriceCents)}</Table.Td>
                <Table.Td ta="right">{l.discountBp != null ? `${l.discountBp / 100} %` : l.discountCents != null ? fmt.money(l.discountCents) : '—'}</Table.Td>
                <Table.Td>{vatText(l.vatCategory, l.vatRateBp)}</Table.Td>
                <Table.Td ta="right">{fmt.money(l.netCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {invoice.lines.length === 0 && (
        <Text c="dimmed" p="lg" ta="center">
          {t('invoices.noLines')}
        </Text>
      )}
    </Card>
  );
}

function PaidAndLeft({ invoice }: { invoice: InvoiceDetailData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (invoice.status === 'draft' || invoice.kind === 'credit_note') return null;
  return (
    <>
      {invoice.creditedCents > 0 && <TotalLine label={t('invoices.totals.credited')} value={fmt.money(invoice.creditedCents)} testId="total-credited" />}
      <TotalLine label={t('invoices.totals.paid')} value={fmt.money(invoice.paidCents)} testId="total-paid" />
      <TotalLine label={t('invoices.totals.left')} value={fmt.money(amountLeftCents(invoice))} testId="total-left" strong />
    </>
  );
}

/** What a deposit invoice is paid on: the items of the quote and its total. */
function OrderSummary({ order }: { order: NonNullable<InvoiceDetailData['order']> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap={4} mt="md" data-testid="invoice-order-summary">
      <Text size="xs" c="dimmed">
        {t('invoices.order.summary')}
      </Text>
      <List size="sm">
        {order.summary!.map((item, i) => (
          <List.Item key={i}>{item}</List.Item>
        ))}
      </List>
      {order.netCents !== undefined && order.grossCents !== undefined && (
        <Text size="sm" c="dimmed">
          {t('invoices.order.amounts', { net: fmt.money(order.netCents), gross: fmt.money(order.grossCents) })}
        </Text>
      )}
    </Stack>
  );
}

/** A final invoice: the deposit invoices it deducts, each with its number, date and amounts. */
function DepositsCard({ invoice }: { invoice: InvoiceDetailData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card padding="lg" data-testid="invoice-deposits">
      <Title order={2} fz="h4" mb={4}>
        {t('invoices.deposits.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('invoices.deposits.explain')}
      </Text>
      <Stack gap="xs">
        {invoice.deposits.map((d) => (
          <Group key={d.id} justify="space-between" wrap="wrap" gap="xs" data-testid={`invoice-deposit-${d.id}`}>
            <Anchor component={Link} to={`/invoices/${d.id}`} ff="monospace">
              {d.number ?? t('invoices.deposits.draftDeposit')}
            </Anchor>
            <Text size="sm">{d.issueDate ? fmt.date(d.issueDate) : '—'}</Text>
            <Text size="sm" c="dimmed">
              {`${t('invoices.deposits.net')} ${fmt.money(d.netCents)} · ${t('invoices.deposits.vat')} ${fmt.money(d.vatCents)}`}
            </Text>
            <Text fw={600}>{`${fmt.money(d.grossCents)} ${t('invoices.deposits.gross')}`}</Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** Under the totals of a final invoice: the deposits taken off the whole service, and what is left to pay. */
function DepositsDeducted({ invoice }: { invoice: InvoiceDetailData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (invoice.deposits.length === 0) return null;
  return (
    <>
      <TotalLine label={t('invoices.totals.deposits')} value={fmt.money(-invoice.documentTotals.prepaidCents)} testId="total-deposits" />
      <TotalLine label={t('invoices.totals.due')} value={fmt.money(invoice.grossCents)} testId="total-due" strong />
    </>
  );
}

/** Next to a deposit's VAT: why a rate's share is a cent off its own proportion (see quotes/domain/deposit-vat-split). */
function VatSplitNote({ split }: { split: NonNullable<InvoiceDetailData['vatSplit']> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const vatText = useVatText();
  const asked = split.percentBp !== undefined ? t('invoices.vatSplit.percent', { percent: (split.percentBp / 100).toLocaleString(fmt.lang) }) : fmt.money(split.netCents);
  return (
    <Card padding="lg" data-testid="invoice-vat-split">
      <Title order={2} fz="h5" mb={4}>
        {t('invoices.vatSplit.title')}
      </Title>
      <Text size="sm">{t('invoices.vatSplit.text', { asked, net: fmt.money(split.netCents) })}</Text>
      <List size="sm" mt="xs">
        {split.groups
          .filter((g) => g.basisCents !== g.proportionalCents)
          .map((g) => (
            <List.Item key={`${g.vatCategory}:${g.vatRateBp}`}>
              {t('invoices.vatSplit.moved', { rate: vatText(g.vatCategory, g.vatRateBp), basis: fmt.money(g.basisCents), proportional: fmt.money(g.proportionalCents) })}
            </List.Item>
          ))}
      </List>
    </Card>
  );
}

function CreditNotesCard({ invoice }: { invoice: InvoiceDetailData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card padding="lg">
      <Title order={2} fz="h4" mb="sm">
        {t('invoices.creditNotes')}
      </Title>
      <Stack gap={4}>
        {invoice.creditNotes.map((c) => (
          <Group key={c.id} justify="space-between">
            <Anchor component={Link} to={`/invoices/${c.id}`} ff="monospace">
              {c.number}
            </Anchor>
            <Text>{c.issueDate ? fmt.date(c.issueDate) : ''}</Text>
            <Text fw={600}>{fmt.money(-c.grossCents)}</Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** The buttons a person sees: what the invoice's state allows today, and what their role may do. */
function InvoiceActions({ invoice }: { invoice: InvoiceDetailData }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasRole } = useSession();
  const staff = hasRole('admin', 'staff');
  // The accountant reads the invoice and downloads its files; they change nothing.
  const readOnly = !staff && !hasRole('member');
  const settings = useInvoicingSettings();
  const validate = useValidateInvoice(invoice.id);
  const submit = useSubmitInvoice(invoice.id);
  const send = useSendInvoice(invoice.id);
  const withdraw = useWithdrawInvoice(invoice.id);
  const sendBack = useSendBackInvoice(invoice.id);
  const remove = useDeleteInvoice(invoice.id);
  const [crediting, setCrediting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [confirmingValidate, setConfirmingValidate] = useState(false);
  const [sending, setSending] = useState(false);
  const [sendingBack, setSendingBack] = useState(false);
  const [comment, setComment] = useState('');
  const preview = useInvoiceMailPreview(invoice.id, sending);
  const [error, setError] = useState<unknown>(null);

  const allowed = allowedInvoiceActions(invoice, todayIso());
  const limit = settings.data?.memberValidationLimitCents ?? null;
  const mayValidate = staff || (limit !== null && invoice.grossCents <= limit);
  const explain = useMissingMentions();
  const run = (mutation: { mutateAsync: () => Promise<unknown> }, message: string) => async () => {
    setError(null);
    try {
      await mutation.mutateAsync();
      notifications.show({ color: 'teal', message });
    } catch (e) {
      setError(e);
    }
  };
  const incomplete = isApiError(error, 'INVOICE_INCOMPLETE') ? error.fields : null;

  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs" wrap="wrap">
        {invoice.status === 'draft' && !readOnly && (
          <>
            <Button component={Link} to={`/invoices/${invoice.id}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden />} data-testid="invoice-edit">
              {t('invoices.actions.edit')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              loading={remove.isPending}
              onClick={() => setDeleting(true)}
              data-testid="invoice-delete"
            >
              {t('invoices.actions.delete')}
            </Button>
            {!staff && !invoice.submittedAt && (
              <Button variant="light" leftSection={<IconSend size={16} aria-hidden />} loading={submit.isPending} onClick={run(submit, t('invoices.actions.submitted'))} data-testid="invoice-submit">
                {t('invoices.actions.submit')}
              </Button>
            )}
            {!staff && invoice.submittedAt && (
              <Button variant="light" leftSection={<IconArrowBackUp size={16} aria-hidden />} loading={withdraw.isPending} onClick={run(withdraw, t('invoices.actions.withdrawn'))} data-testid="invoice-withdraw">
                {t('invoices.actions.withdraw')}
              </Button>
            )}
            {staff && invoice.submittedAt && (
              <Button variant="light" color="orange" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setSendingBack(true)} data-testid="invoice-send-back">
                {t('invoices.actions.sendBack')}
              </Button>
            )}
            {mayValidate && (
              <Button leftSection={<IconCheck size={16} aria-hidden />} loading={validate.isPending} onClick={() => setConfirmingValidate(true)} data-testid="invoice-validate">
                {t('invoices.actions.validate')}
              </Button>
            )}
          </>
        )}
        {invoice.status !== 'draft' && (
          <>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} data-testid="invoice-downloads">
                  {t('invoices.actions.download')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={invoiceFileUrl(invoice.id, 'pdf')} target="_blank" rel="noopener" leftSection={<IconFileInvoice size={16} aria-hidden />} data-testid="invoice-pdf">
                  {t('invoices.actions.pdf')}
                </Menu.Item>
                <Menu.Item component="a" href={invoiceFileUrl(invoice.id, 'pdf')} download={`${invoice.number}.pdf`} leftSection={<IconDownload size={16} aria-hidden />} data-testid="invoice-facturx">
                  {t('invoices.actions.facturX')}
                </Menu.Item>
                <Menu.Item component="a" href={invoiceFileUrl(invoice.id, 'xml')} download={`${invoice.number}-factur-x.xml`} leftSection={<IconDownload size={16} aria-hidden />} data-testid="invoice-xml">
                  {t('invoices.actions.xml')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {allowed.includes('send') && !readOnly && (
              <Button leftSection={<IconMail size={16} aria-hidden />} loading={send.isPending} onClick={() => { send.reset(); setSending(true); }} data-testid="invoice-send">
                {invoice.status === 'validated' ? t('invoices.actions.send') : t('invoices.actions.sendAgain')}
              </Button>
            )}
            {staff && invoice.kind !== 'credit_note' && allowed.includes('credit') && (
              <Button variant="light" color="orange" leftSection={<IconReceiptRefund size={16} aria-hidden />} onClick={() => setCrediting(true)} data-testid="invoice-credit">
                {t('invoices.actions.credit')}
              </Button>
            )}
          </>
        )}
      </Group>
      {incomplete ? (
        <ErrorAlert>
          <Text size="sm" fw={600}>
            {t('invoices.missing.title')}
          </Text>
          <List size="sm" data-testid="invoice-missing">
            {incomplete.map((f, i) => (
              <List.Item key={f.path}>
                {explain(f.path)}
                {t(i < incomplete.length - 1 ? 'invoices.missing.itemEnd' : 'invoices.missing.lastEnd')}
              </List.Item>
            ))}
          </List>
        </ErrorAlert>
      ) : (
        <ErrorAlert error={error} />
      )}
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={t('invoices.actions.deleteTitle')}>
        <Text size="sm">{t('invoices.actions.deleteText')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDeleting(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={async () => {
              await remove.mutateAsync();
              navigate('/invoices');
            }}
            data-testid="invoice-delete-confirm"
          >
            {t('invoices.actions.delete')}
          </Button>
        </Group>
      </Modal>
      <ConfirmModal
        opened={confirmingValidate}
        onClose={() => setConfirmingValidate(false)}
        title={t('invoices.actions.validateTitle')}
        confirmLabel={t('invoices.actions.validate')}
        loading={validate.isPending}
        onConfirm={() => {
          setConfirmingValidate(false);
          void run(validate, t('invoices.actions.validated'))();
        }}
        testId="invoice-validate-modal"
      >
        {t('invoices.actions.validateText')}
      </ConfirmModal>
      <SendMailModal
        opened={sending}
        onClose={() => setSending(false)}
        preview={preview}
        loading={send.isPending}
        error={send.error}
        onConfirm={(copyToMember) =>
          send.mutate(
            { copyToMember },
            {
              onSuccess: () => {
                setSending(false);
                notifications.show({ color: 'teal', message: t('invoices.actions.sent') });
              },
            },
          )
        }
        texts={{
          title: t('invoices.sendMail.title'),
          intro: t('invoices.sendMail.intro'),
          to: t('invoices.sendMail.to'),
          subject: t('invoices.sendMail.subject'),
          attachment: t('invoices.sendMail.attachment'),
          copyToMember: (address) => t('invoices.sendMail.copyToMember', { address }),
          confirm: t('invoices.sendMail.confirm'),
        }}
      />
      <ConfirmModal
        opened={sendingBack}
        onClose={() => setSendingBack(false)}
        title={t('invoices.actions.sendBackTitle')}
        confirmLabel={t('invoices.actions.sendBack')}
        color="orange"
        loading={sendBack.isPending}
        onConfirm={() =>
          sendBack.mutate(comment, {
            onSuccess: () => {
              setSendingBack(false);
              setComment('');
              notifications.show({ color: 'teal', message: t('invoices.actions.sentBack') });
            },
          })
        }
        testId="invoice-send-back-modal"
      >
        <Stack gap="xs">
          <Text size="sm">{t('invoices.actions.sendBackText')}</Text>
          <Textarea label={t('invoices.actions.sendBackComment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={2000} autosize minRows={3} data-testid="invoice-send-back-comment" />
          <ErrorAlert error={sendBack.error} />
        </Stack>
      </ConfirmModal>
      <Modal opened={crediting} onClose={() => setCrediting(false)} title={t('invoices.credit.title')} size="lg">
        {crediting && <CreditNoteForm invoice={invoice} onDone={(id) => { setCrediting(false); navigate(`/invoices/${id}`); }} />}
      </Modal>
    </Stack>
  );
}

/** What a person must fix for each mention the validation found missing (paths of `missingMentions`). */
function useMissingMentions() {
  const { t } = useTranslation();
  return (path: string): string => {
    const line = /^lines\.(\d+)\.exemptionReason$/.exec(path);
    if (line) return t('invoices.missing.lineExemption', { n: Number(line[1]) + 1 });
    if (path.startsWith('seller.')) return t('invoices.missing.seller');
    const known = {
      deliveryDate: 'invoices.missing.deliveryDate',
      lines: 'invoices.missing.lines',
      'buyer.address': 'invoices.missing.buyerAddress',
      'buyer.siren': 'invoices.missing.buyerSiren',
      'buyer.vatNumber': 'invoices.missing.buyerVatNumber',
      activityId: 'invoices.missing.activity',
      clientId: 'invoices.missing.client',
    } as const;
    return path in known ? t(known[path as keyof typeof known]) : t('invoices.missing.other', { path });
  };
}

/** A credit note: all of the invoice, or one amount at one of the VAT rates the invoice charged. */
function CreditNoteForm({ invoice, onDone }: { invoice: InvoiceDetailData; onDone: (creditNoteId: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const credit = useCreditInvoice(invoice.id);
  const vatText = useVatText();
  const rates = invoice.vatBreakdown.map((g) => `${g.vatCategory}:${g.vatRateBp}`);
  const [mode, setMode] = useState<'full' | 'partial'>(invoice.creditedCents === 0 ? 'full' : 'partial');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [rate, setRate] = useState(rates[0] ?? 'S:2000');
  const [error, setError] = useState<unknown>(null);
  const [amountError, setAmountError] = useState<string | null>(null);

  const confirm = async () => {
    setError(null);
    setAmountError(null);
    let body: Parameters<typeof credit.mutateAsync>[0];
    if (mode === 'full') body = { full: true };
    else {
      const cents = eurosToCents(amount);
      if (!cents) return setAmountError(t('invoices.editor.badAmount'));
      const [vatCategory, vatRateBp] = rate.split(':') as [InvoiceDetailData['lines'][number]['vatCategory'], string];
      const exemption = invoice.lines.find((l) => l.vatCategory === vatCategory && l.vatRateBp === Number(vatRateBp))?.exemptionReason ?? null;
      body = { lines: [{ description: description.trim() || t('invoices.credit.defaultDescription', { number: invoice.number }), quantityMilli: 1000, unit: 'C62', unitPriceCents: cents, vatCategory, vatRateBp: Number(vatRateBp), exemptionReason: exemption }] };
    }
    try {
      const created = await credit.mutateAsync(body);
      notifications.show({ color: 'teal', message: t('invoices.credit.created', { number: created.number }) });
      onDone(created.id);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack>
      <Text size="sm">{t('invoices.credit.explain', { left: fmt.money(invoice.grossCents - invoice.creditedCents) })}</Text>
      <Radio.Group value={mode} onChange={(v) => setMode(v as 'full' | 'partial')} label={t('invoices.credit.mode')}>
        <Stack gap="xs" mt="xs">
          <Radio value="full" label={t('invoices.credit.full')} disabled={invoice.creditedCents > 0} data-testid="credit-full" />
          <Radio value="partial" label={t('invoices.credit.partial')} data-testid="credit-partial" />
        </Stack>
      </Radio.Group>
      {mode === 'partial' && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('invoices.fields.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <TextInput label={t('invoices.credit.amount')} inputMode="decimal" rightSection="€" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={amountError} data-testid="credit-amount" />
          <Select
            label={t('invoices.fields.vat')}
            data={invoice.vatBreakdown.map((g) => ({ value: `${g.vatCategory}:${g.vatRateBp}`, label: vatText(g.vatCategory, g.vatRateBp) }))}
            value={rate}
            onChange={(v) => setRate(v ?? rate)}
            allowDeselect={false}
          />
        </SimpleGrid>
      )}
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button color="orange" onClick={confirm} loading={credit.isPending} data-testid="credit-confirm">
          {t('invoices.credit.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
