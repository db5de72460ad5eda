import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDeviceFloppy } from '@tabler/icons-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { ApiError, isApiError } from '../../lib/api';
import { applyApiError, toFormPath } from '../../lib/forms';
import { useActivityOptions } from '../activities';
import { useClients } from '../clients';
import { JobSelect } from '../jobs';
import { formPathOf, LineEditor, type LineEditorTexts, liveTotals, parseLines, TotalsCard } from '../documents';
import { todayInFrance } from '../../../platform/calendar/contract';
import { emptyQuoteLine, newQuoteValues, QUOTE_VAT_CHOICES, type QuoteFormValues, quoteBodyOf, valuesOfQuote } from './quote-form';
import { type QuoteData, useCreateQuote, useQuote, useUpdateQuote } from './use-quotes';
import { DateField } from '../../components/DateField';

/** What people typed that is not a number, by the field it sits in. */
const TYPING_KEYS = { quantity: 'quotes.editor.badQuantity', unitPrice: 'quotes.editor.badAmount', discount: 'quotes.editor.badDiscount' } as const;

/** The API names line fields by what it stores (cents, thousandths); the form by what people type. */
function onFormPaths(error: unknown): unknown {
  if (!isApiError(error)) return error;
  return new ApiError(error.status, error.code, error.message, error.fields.map((f) => ({ ...f, path: formPathOf(toFormPath(f.path)) })));
}

/** A new quote, or a draft being changed: its lines by section, and the totals as the server will compute them. */
export default function QuoteEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const existing = useQuote(id ?? '', { enabled: Boolean(id) });
  const title = id ? t('quotes.editor.editTitle') : t('quotes.editor.newTitle');
  let body: ReactNode;
  if (!id) body = <QuoteEditor />;
  else if (existing.isError) body = <ErrorAlert error={existing.error} />;
  else if (!existing.data) body = <SectionLoader />;
  else if (existing.data.status !== 'draft') body = <ErrorAlert>{t('quotes.editor.notDraft')}</ErrorAlert>;
  else body = <QuoteEditor key={existing.data.id} quote={existing.data} />;
  return (
    <Page title={title}>
      <Anchor component={Link} to={id ? `/quotes/${id}` : '/quotes'} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('quotes.back')}
        </Group>
      </Anchor>
      {body}
    </Page>
  );
}

function QuoteEditor({ quote }: { quote?: QuoteData }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const activities = useActivityOptions({ status: 'active' });
  const clients = useClients({ pageSize: 100 });
  const create = useCreateQuote();
  const update = useUpdateQuote(quote?.id ?? '');
  const [formError, setFormError] = useState<string | null>(null);
  // An input left empty is flagged only once the person tries to save, not while the line is new.
  const [tried, setTried] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'fr';

  const form = useForm<QuoteFormValues>({
    initialValues: quote
      ? valuesOfQuote(quote, lang)
      : newQuoteValues({ activityId: params.get('activityId') ?? undefined, clientId: params.get('clientId') ?? undefined, today: todayInFrance(new Date()) }),
    validate: {
      activityId: (v) => (v ? null : t('quotes.editor.required')),
      clientId: (v) => (v ? null : t('quotes.editor.required')),
      validUntil: (v) => (v ? null : t('quotes.editor.required')),
      lines: {
        description: (v) => (v.trim() ? null : t('quotes.editor.required')),
        exemptionReason: (v, values, path) => {
          const i = Number(path.split('.')[1]);
          return values.lines[i]?.vat.startsWith('S:') || v.trim() ? null : t('quotes.editor.exemptionRequired');
        },
      },
    },
  });
  const values = form.getValues();
  const linesKey = JSON.stringify(values.lines);
  const live = useMemo(() => liveTotals(values.lines), [linesKey]);
  const typing = useMemo(() => parseLines(values.lines).typing, [linesKey]);
  const liveError = (path: string) => {
    const problem = live.problems.find((p) => p.path === path);
    if (problem) return problem.message[lang];
    const typed = typing.find((p) => p.path === path);
    const [, index, field] = path.split('.') as [string, string, keyof typeof TYPING_KEYS];
    const empty = !values.lines[Number(index)]?.[field]?.trim();
    return typed && (tried || !empty) ? t(TYPING_KEYS[field]) : undefined;
  };
  const errorAt = (path: string) => (form.errors[path] as string | undefined) ?? liveError(path);

  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    setTried(true);
    if (typing.length || live.problems.length) {
      setFormError(t('quotes.editor.fixLines'));
      return;
    }
    try {
      const { body } = quoteBodyOf(v);
      const saved = quote ? await update.mutateAsync(body) : await create.mutateAsync(body);
      notifications.show({ color: 'teal', message: t('quotes.editor.saved') });
      navigate(`/quotes/${saved.id}`);
    } catch (error) {
      setFormError(applyApiError(form, onFormPaths(error)));
    }
  }, () => setTried(true));

  const lineTexts: LineEditorTexts = {
    title: t('quotes.editor.lines'),
    field: (field) => t(`quotes.fields.${field}`),
    discountKind: (kind) => t(`quotes.discountKind.${kind}`),
    vat: (choice) => t(`quotes.vat.${choice.replace(':', '_') as 'S_2000'}`),
    lineNet: (amount) => `${t('quotes.lineNet')} : ${amount}`,
    removeLine: (n) => t('quotes.editor.removeLine', { n }),
    addLine: t('quotes.editor.addLine'),
    section: { placeholder: t('quotes.editor.sectionPlaceholder'), add: t('quotes.editor.addSection'), newTitle: t('quotes.editor.newSection') },
  };

  const parties = [
    ['activityId', (activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))],
    ['clientId', (clients.data?.items ?? []).filter((c) => !c.archivedAt).map((c) => ({ value: c.id, label: c.name }))],
  ] as const;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ErrorAlert>{formError}</ErrorAlert>
        <Card padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {parties.map(([path, data]) => (
              <Select key={path} label={t(`quotes.fields.${path === 'activityId' ? 'activity' : 'client'}`)} required searchable data={data} {...form.getInputProps(path)} />
            ))}
            <DateField label={t('quotes.fields.validUntil')} required data-testid="quote-valid-until" {...form.getInputProps('validUntil')} />
            <JobSelect clientId={values.clientId} testId="quote-job" {...form.getInputProps('jobId')} />
          </SimpleGrid>
          <Textarea label={t('quotes.fields.notes')} autosize minRows={2} mt="md" {...form.getInputProps('notes')} />
        </Card>

        <LineEditor
          form={form}
          lines={values.lines}
          newLine={emptyQuoteLine}
          vatChoices={QUOTE_VAT_CHOICES}
          texts={lineTexts}
          testIds={{ card: 'quote-line', field: 'quote-line', add: 'quote-add-line' }}
          smallCols={3}
          exemptionRequired
          errorAt={errorAt}
        />

        <TotalsCard totals={live.totals} />

        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={create.isPending || update.isPending} data-testid="quote-save">
            {t('quotes.editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
