import { Anchor, Button, Card, Group, List, Menu, Modal, Radio, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCheck, IconDownload, IconFileInvoice, IconMail, IconPencil, IconReceiptRefund, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { allowedInvoiceActions, amountLeftCents } from '../../../modules/invoicing/contract';
import { formatQuantity } from '../../../modules/documents/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { QuoteOfInvoiceLink } from '../quotes';
import { InvoiceMailsCard } from '../dunning';
import { InvoicePaymentsCard } from '../payments';
import { eurosToCents, isKnownUnit, TotalLine, TotalsCard, useVatText } from '../documents';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import {
  invoiceFileUrl,
  type InvoiceDetailData,
  todayIso,
  useCreditInvoice,
  useDeleteInvoice,
  useInvoice,
  useInvoicingSettings,
  useSendInvoice,
  useSubmitInvoice,
  useValidateInvoice,
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
      <InvoiceHeader invoice={inv} />
      <LinesCard invoice={inv} />
      <TotalsCard totals={{ taxBasisCents: inv.netCents, vatTotalCents: inv.vatCents, grandTotalCents: inv.grossCents, vatBreakdown: inv.vatBreakdown }} extra={<PaidAndLeft invoice={inv} />} />
      {inv.creditNotes.length > 0 && <CreditNotesCard invoice={inv} />}
      <InvoicePaymentsCard
        invoice={{ id: inv.id, clientId: inv.clientId, clientName: inv.clientName, leftCents: amountLeftCents(inv), collectable: inv.status !== 'draft' && inv.kind !== 'credit_note' }}
      />
      {team && inv.status !== 'draft' && <InvoiceMailsCard invoiceId={inv.id} />}
    </Page>
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
        {invoice.creditedInvoiceId &&
          item(t('invoices.corrects'), <Anchor component={Link} to={`/invoices/${invoice.creditedInvoiceId}`}>{invoice.creditedInvoiceNumber ?? '—'}</Anchor>)}
      </SimpleGrid>
      {invoice.kind !== 'credit_note' && <QuoteOfInvoiceLink invoiceId={invoice.id} />}
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
                  {formatQuantity(l.quantityMilli)} {isKnownUnit(l.unit) ? t(`invoices.units.${l.unit}`) : l.unit}
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
  const settings = useInvoicingSettings();
  const validate = useValidateInvoice(invoice.id);
  const submit = useSubmitInvoice(invoice.id);
  const send = useSendInvoice(invoice.id);
  const remove = useDeleteInvoice(invoice.id);
  const [crediting, setCrediting] = useState(false);
  const [deleting, setDeleting] = useState(false);
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
        {invoice.status === 'draft' && (
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
            {mayValidate && (
              <Button leftSection={<IconCheck size={16} aria-hidden />} loading={validate.isPending} onClick={run(validate, t('invoices.actions.validated'))} data-testid="invoice-validate">
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
            {allowed.includes('send') && (
              <Button leftSection={<IconMail size={16} aria-hidden />} loading={send.isPending} onClick={run(send, t('invoices.actions.sent'))} data-testid="invoice-send">
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
            {incomplete.map((f) => (
              <List.Item key={f.path}>{explain(f.path)}</List.Item>
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
