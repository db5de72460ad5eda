import { Anchor, Button, Card, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDeviceFloppy } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { OPERATION_CATEGORIES } from '../../../modules/invoicing/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { ApiError, isApiError } from '../../lib/api';
import { applyApiError, toFormPath } from '../../lib/forms';
import { useActivityOptions } from '../activities';
import { useClients } from '../clients';
import { JobSelect } from '../jobs';
import { emptyLine, formPathOf, LineEditor, type LineEditorTexts, liveTotals, parseLines, TotalsCard, VAT_CHOICES, vatLabelKey } from '../documents';
import { bodyOf, type InvoiceFormValues, newInvoiceValues, valuesOfInvoice } from './invoice-form';
import { todayIso, useCreateInvoice, useInvoice, useUpdateInvoice } from './use-invoices';
import { DateField } from '../../components/DateField';


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
      : newInvoiceValues({ activityId: params.get('activityId') ?? undefined, clientId: params.get('clientId') ?? undefined, jobId: params.get('jobId') ?? undefined, today: todayIso() }),
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

  const lineTexts: LineEditorTexts = {
    title: t('invoices.editor.lines'),
    field: (field) => t(`invoices.fields.${field === 'sectionTitle' ? 'description' : field}`),
    discountKind: (kind) => t(`invoices.discountKind.${kind}`),
    vat: (choice) => {
      const [category, rate] = choice.split(':');
      return t(vatLabelKey(category!, Number(rate))!);
    },
    lineNet: (amount) => t('invoices.editor.lineNet', { amount }),
    removeLine: (n) => t('invoices.editor.removeLine', { n }),
    addLine: t('invoices.editor.addLine'),
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
            <JobSelect clientId={values.clientId} testId="invoice-job" {...form.getInputProps('jobId')} />
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
              <DateField label={t('invoices.fields.serviceDate')} {...form.getInputProps('serviceDate')} />
            ) : (
              <Group grow align="flex-start">
                <DateField label={t('invoices.fields.periodStart')} {...form.getInputProps('periodStart')} />
                <DateField label={t('invoices.fields.periodEnd')} {...form.getInputProps('periodEnd')} />
              </Group>
            )}
            <NumberInput label={t('invoices.fields.paymentTermsDays')} min={0} max={60} allowDecimal={false} suffix={` ${t('invoices.fields.days')}`} {...form.getInputProps('paymentTermsDays')} />
            <Switch label={t('invoices.fields.endOfMonth')} mt={{ sm: 'xl' }} {...form.getInputProps('paymentTermsEndOfMonth', { type: 'checkbox' })} />
          </SimpleGrid>
          <Textarea label={t('invoices.fields.notes')} autosize minRows={2} mt="md" {...form.getInputProps('notes')} />
        </Card>

        <LineEditor
          form={form}
          lines={values.lines}
          newLine={emptyLine}
          vatChoices={VAT_CHOICES}
          texts={lineTexts}
          testIds={{ card: 'invoice-line', field: 'line', add: 'invoice-add-line' }}
          smallCols={4}
          errorAt={(path) => fieldError(path) ?? typingAt(path)}
        />

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
