import { ActionIcon, Anchor, Button, Card, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { OPERATION_CATEGORIES } from '../../../modules/invoicing/contract';
import { computeLineAmounts } from '../../../modules/documents/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { ApiError, isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { applyApiError, toFormPath } from '../../lib/forms';
import { useActivityOptions } from '../activities/use-activities';
import { useClients } from '../clients/use-clients';
import {
  bodyOf,
  DEFAULT_EXEMPTION,
  emptyLine,
  formPathOf,
  type InvoiceFormValues,
  liveTotals,
  newInvoiceValues,
  parseLines,
  totalsLineOf,
  UNITS,
  VAT_CHOICES,
  vatLabelKey,
  valuesOfInvoice,
  type VatChoice,
} from './invoice-form';
import { todayIso, useCreateInvoice, useInvoice, useUpdateInvoice } from './use-invoices';


const PERIOD_FIELDS = { 'servicePeriod.start': 'periodStart', 'servicePeriod.end': 'periodEnd', servicePeriod: 'periodStart' };

/** The API names line fields by what it stores (cents, thousandths); the form by what people type. */
function onFormPaths(error: unknown): unknown {
  if (!isApiError(error)) return error;
  return new ApiError(error.status, error.code, error.message, error.fields.map((f) => ({ ...f, path: formPathOf(toFormPath(f.path)) })));
}

/** A new draft, or a draft being changed: the lines, their VAT and the totals as the server will compute them. */
export default function InvoiceEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const existing = useInvoice(id ?? '', { enabled: Boolean(id) });
  const title = id ? t('invoices.editor.editTitle') : t('invoices.editor.newTitle');
  if (!id) return <EditorShell title={title}><InvoiceEditor /></EditorShell>;
  if (existing.isError) return <EditorShell title={title}><ErrorAlert error={existing.error} /></EditorShell>;
  if (!existing.data) return <EditorShell title={title}><SectionLoader /></EditorShell>;
  if (existing.data.status !== 'draft') return <EditorShell title={title}><ErrorAlert>{t('invoices.editor.notDraft')}</ErrorAlert></EditorShell>;
  return (
    <EditorShell title={title}>
      <InvoiceEditor key={existing.data.id} invoice={existing.data} />
    </EditorShell>
  );
}

function EditorShell({ title, children }: { title: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <Anchor component={Link} to="/invoices" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('invoices.back')}
        </Group>
      </Anchor>
      {children}
    </Page>
  );
}

function InvoiceEditor({ invoice }: { invoice?: NonNullable<ReturnType<typeof useInvoice>['data']> }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const activities = useActivityOptions({ status: 'active' });
  const clients = useClients({ pageSize: 100 });
  const create = useCreateInvoice();
  const update = useUpdateInvoice(invoice?.id ?? '');
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<InvoiceFormValues>({
    initialValues: invoice
      ? valuesOfInvoice(invoice, i18n.language)
      : newInvoiceValues({ activityId: params.get('activityId') ?? undefined, clientId: params.get('clientId') ?? undefined, today: todayIso() }),
    validate: {
      activityId: (v) => (v ? null : t('invoices.editor.required')),
      clientId: (v) => (v ? null : t('invoices.editor.required')),
      lines: { description: (v) => (v.trim() ? null : t('invoices.editor.required')) },
    },
  });
  const values = form.getValues();
  const live = useMemo(() => liveTotals(values.lines), [JSON.stringify(values.lines)]);
  const problemAt = (path: string) => {
    const p = live.problems.find((x) => x.path === path);
    return p ? p.message[i18n.language === 'en' ? 'en' : 'fr'] : undefined;
  };
  const typingAt = (path: string) => {
    const key = parseLines(values.lines).typing.find((p) => p.path === path)?.key;
    return key ? t(key) : undefined;
  };
  const fieldError = (path: string) => (form.errors[path] as string | undefined) ?? problemAt(path);

  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    const { body, typing } = bodyOf(v);
    if (typing.length || live.problems.length) {
      form.setErrors(Object.fromEntries([...typing.map((p) => [p.path, t(p.key)]), ...live.problems.map((p) => [p.path, problemAt(p.path)])]));
      setFormError(t('invoices.editor.fixLines'));
      return;
    }
    try {
      const saved = invoice ? await update.mutateAsync(body) : await create.mutateAsync(body);
      notifications.show({ color: 'teal', message: t('invoices.editor.saved') });
      navigate(`/invoices/${saved.id}`);
    } catch (error) {
      setFormError(applyApiError(form, onFormPaths(error), PERIOD_FIELDS));
    }
  });

  const vatLabel = (choice: VatChoice) => {
    const [category, rate] = choice.split(':');
    return t(vatLabelKey(category!, Number(rate))!);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ErrorAlert>{formError}</ErrorAlert>
        <Card padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('invoices.fields.activity')}
              required
              searchable
              data={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))}
              data-testid="invoice-activity"
              {...form.getInputProps('activityId')}
            />
            <Select
              label={t('invoices.fields.client')}
              required
              searchable
              data={(clients.data?.items ?? []).filter((c) => !c.archivedAt).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="invoice-client"
              {...form.getInputProps('clientId')}
            />
            <Select
              label={t('invoices.fields.kind')}
              data={(['invoice', 'deposit'] as const).map((k) => ({ value: k, label: t(`invoices.kind.${k}`) }))}
              allowDeselect={false}
              disabled={Boolean(invoice)}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('invoices.fields.operationCategory')}
              data={OPERATION_CATEGORIES.map((c) => ({ value: c, label: t(`invoices.operationCategory.${c}`) }))}
              allowDeselect={false}
              {...form.getInputProps('operationCategory')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('invoices.fields.serviceWhen')}
              </Text>
              <SegmentedControl
                data={[
                  { value: 'date', label: t('invoices.fields.serviceDate') },
                  { value: 'period', label: t('invoices.fields.servicePeriod') },
                ]}
                {...form.getInputProps('dateMode')}
              />
            </Stack>
            {values.dateMode === 'date' ? (
              <TextInput type="date" label={t('invoices.fields.serviceDate')} {...form.getInputProps('serviceDate')} />
            ) : (
              <Group grow align="flex-start">
                <TextInput type="date" label={t('invoices.fields.periodStart')} {...form.getInputProps('periodStart')} />
                <TextInput type="date" label={t('invoices.fields.periodEnd')} {...form.getInputProps('periodEnd')} />
              </Group>
            )}
            <NumberInput label={t('invoices.fields.paymentTermsDays')} min={0} max={60} allowDecimal={false} suffix={` ${t('invoices.fields.days')}`} {...form.getInputProps('paymentTermsDays')} />
            <Switch label={t('invoices.fields.endOfMonth')} mt={{ sm: 'xl' }} {...form.getInputProps('paymentTermsEndOfMonth', { type: 'checkbox' })} />
          </SimpleGrid>
          <Textarea label={t('invoices.fields.notes')} autosize minRows={2} mt="md" {...form.getInputProps('notes')} />
        </Card>

        <Card padding="lg">
          <Title order={2} fz="h4" mb="md">
            {t('invoices.editor.lines')}
          </Title>
          <Stack gap="md">
            {values.lines.map((line, i) => {
              const [category] = line.vat.split(':');
              const parsed = parseLines([line]).lines[0]!;
              let net: number | null = null;
              try {
                if (!parseLines([line]).typing.length) net = computeLineAmounts(totalsLineOf(parsed)).netCents;
              } catch {
                net = null;
              }
              return (
                <Card key={form.key(`lines.${i}`)} withBorder padding="sm" data-testid={`invoice-line-${i}`}>
                  <Stack gap="xs">
                    <Group align="flex-start" wrap="nowrap">
                      <TextInput
                        label={t('invoices.fields.description')}
                        required
                        style={{ flex: 1 }}
                        data-testid={`line-description-${i}`}
                        {...form.getInputProps(`lines.${i}.description`)}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mt={26}
                        aria-label={t('invoices.editor.removeLine', { n: i + 1 })}
                        disabled={values.lines.length === 1}
                        onClick={() => form.removeListItem('lines', i)}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Group>
                    <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }}>
                      <TextInput
                        label={t('invoices.fields.quantity')}
                        inputMode="decimal"
                        data-testid={`line-quantity-${i}`}
                        {...form.getInputProps(`lines.${i}.quantity`)}
                        error={fieldError(`lines.${i}.quantity`) ?? typingAt(`lines.${i}.quantity`)}
                      />
                      <Select
                        label={t('invoices.fields.unit')}
                        data={UNITS.map((u) => ({ value: u, label: t(`invoices.units.${u}`) }))}
                        allowDeselect={false}
                        {...form.getInputProps(`lines.${i}.unit`)}
                      />
                      <TextInput
                        label={t('invoices.fields.unitPrice')}
                        inputMode="decimal"
                        rightSection="€"
                        data-testid={`line-price-${i}`}
                        {...form.getInputProps(`lines.${i}.unitPrice`)}
                        error={fieldError(`lines.${i}.unitPrice`) ?? typingAt(`lines.${i}.unitPrice`)}
                      />
                      <Select
                        label={t('invoices.fields.discountKind')}
                        data={(['none', 'percent', 'amount'] as const).map((k) => ({ value: k, label: t(`invoices.discountKind.${k}`) }))}
                        allowDeselect={false}
                        {...form.getInputProps(`lines.${i}.discountKind`)}
                      />
                      <TextInput
                        label={t('invoices.fields.discount')}
                        inputMode="decimal"
                        disabled={line.discountKind === 'none'}
                        rightSection={line.discountKind === 'percent' ? '%' : '€'}
                        {...form.getInputProps(`lines.${i}.discount`)}
                        error={fieldError(`lines.${i}.discount`) ?? typingAt(`lines.${i}.discount`)}
                      />
                      <Select
                        label={t('invoices.fields.vat')}
                        data={VAT_CHOICES.map((c) => ({ value: c, label: vatLabel(c) }))}
                        allowDeselect={false}
                        data-testid={`line-vat-${i}`}
                        {...form.getInputProps(`lines.${i}.vat`)}
                        onChange={(v) => {
                          const choice = (v ?? 'S:2000') as VatChoice;
                          form.setFieldValue(`lines.${i}.vat`, choice);
                          const cat = choice.split(':')[0] as keyof typeof DEFAULT_EXEMPTION;
                          if (!line.exemptionReason && DEFAULT_EXEMPTION[cat]) form.setFieldValue(`lines.${i}.exemptionReason`, DEFAULT_EXEMPTION[cat]!);
                        }}
                        error={fieldError(`lines.${i}.vat`)}
                      />
                    </SimpleGrid>
                    {category !== 'S' && (
                      <TextInput label={t('invoices.fields.exemptionReason')} {...form.getInputProps(`lines.${i}.exemptionReason`)} />
                    )}
                    <Text size="sm" ta="right" c="dimmed" data-testid={`line-net-${i}`}>
                      {t('invoices.editor.lineNet', { amount: net === null ? '—' : fmt.money(net) })}
                    </Text>
                  </Stack>
                </Card>
              );
            })}
            <Group>
              <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.insertListItem('lines', emptyLine())} data-testid="invoice-add-line">
                {t('invoices.editor.addLine')}
              </Button>
            </Group>
          </Stack>
        </Card>

        <TotalsCard totals={live.totals} />

        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={create.isPending || update.isPending} data-testid="invoice-save">
            {t('invoices.editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Totals = ReturnType<typeof liveTotals>['totals'];

/** The VAT breakdown and totals, the same block on the editor and on the invoice. */
/** How a VAT group reads: the editor's label when it offers it, the bare rate otherwise. */
export function useVatText() {
  const { t } = useTranslation();
  return (category: string, rateBp: number) => {
    const key = vatLabelKey(category, rateBp);
    return key ? t(key) : `${category} ${rateBp / 100} %`;
  };
}

export function TotalsCard({ totals, extra }: { extra?: React.ReactNode; totals: Pick<Totals, 'taxBasisCents' | 'vatTotalCents' | 'grandTotalCents'> & { vatBreakdown: { vatCategory: string; vatRateBp: number; basisCents: number; vatCents: number }[] } }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const vatText = useVatText();
  return (
    <Card padding="lg" data-testid="invoice-totals">
      <Table.ScrollContainer minWidth={360}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoices.totals.rate')}</Table.Th>
              <Table.Th ta="right">{t('invoices.totals.basis')}</Table.Th>
              <Table.Th ta="right">{t('invoices.totals.vat')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {totals.vatBreakdown.map((g) => (
              <Table.Tr key={`${g.vatCategory}:${g.vatRateBp}`}>
                <Table.Td>{vatText(g.vatCategory, g.vatRateBp)}</Table.Td>
                <Table.Td ta="right">{fmt.money(g.basisCents)}</Table.Td>
                <Table.Td ta="right">{fmt.money(g.vatCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={2} mt="md" align="flex-end">
        <TotalLine label={t('invoices.totals.net')} value={fmt.money(totals.taxBasisCents)} testId="total-net" />
        <TotalLine label={t('invoices.totals.vatTotal')} value={fmt.money(totals.vatTotalCents)} testId="total-vat" />
        <TotalLine label={t('invoices.totals.gross')} value={fmt.money(totals.grandTotalCents)} testId="total-gross" strong />
        {extra}
      </Stack>
    </Card>
  );
}

export function TotalLine({ label, value, testId, strong }: { label: string; value: string; testId?: string; strong?: boolean }) {
  return (
    <Group gap="lg" justify="flex-end" wrap="nowrap">
      <Text fz={strong ? 'lg' : undefined}>{label}</Text>
      <Text fz={strong ? 'lg' : undefined} fw={700} miw={120} ta="right" data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Group>
  );
}
