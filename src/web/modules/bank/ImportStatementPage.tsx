import { Alert, Anchor, Button, Card, FileInput, Group, List, Radio, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconInfoCircle, IconUpload } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { isApiError } from '../../lib/api';
import { type CsvPreview, guessColumn, previewCsv, readFileText } from './csv-preview';
import { type ImportResultData, useBankAccounts, useImportStatement } from './use-bank';

type Format = 'camt053' | 'csv';
type ColumnKey = 'date' | 'label' | 'reference' | 'counterparty' | 'amount' | 'debit' | 'credit';

/** Usual column names of French and English bank exports, to prefill the mapping. */
const USUAL: Record<ColumnKey, string[]> = {
  date: ['date operation', 'date', 'booking date'],
  label: ['libelle', 'label', 'description'],
  reference: ['reference', 'motif'],
  counterparty: ['tiers', 'beneficiaire', 'emetteur', 'counterparty', 'payer'],
  amount: ['montant', 'amount'],
  debit: ['debit'],
  credit: ['credit'],
};

const formatOf = (file: File | null): Format => (file && /\.(csv|txt)$/i.test(file.name) ? 'csv' : 'camt053');

/** Import of a bank statement: a camt.053 file as it is, or a CSV export with its columns named. */
export default function ImportStatementPage() {
  const { t } = useTranslation();
  const importStatement = useImportStatement();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Format>('camt053');
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [amountMode, setAmountMode] = useState<'signed' | 'split'>('split');
  const [columns, setColumns] = useState<Partial<Record<ColumnKey, string | null>>>({});
  const [decimalSeparator, setDecimalSeparator] = useState<',' | '.'>(',');
  const [dateOrder, setDateOrder] = useState<'DMY' | 'YMD' | 'MDY'>('DMY');
  const accounts = useBankAccounts();
  const [bankAccountId, setBankAccountId] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResultData | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setPreview(null);
    if (!file || format !== 'csv') return;
    void readFileText(file).then((text) => {
      if (!current) return;
      const read = previewCsv(text);
      setPreview(read);
      if (!read) return;
      const guess = (key: ColumnKey) => guessColumn(read.columns, USUAL[key]);
      setColumns({ date: guess('date'), label: guess('label'), reference: guess('reference'), counterparty: guess('counterparty'), amount: guess('amount'), debit: guess('debit'), credit: guess('credit') });
      setAmountMode(guess('debit') && guess('credit') ? 'split' : 'signed');
    });
    return () => {
      current = false;
    };
  }, [file, format]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    setError(null);
    if (!file) return setError(t('bank.import.fileRequired'));
    const form = new FormData();
    form.append('format', format);
    if (format === 'csv') {
      const put = (name: string, value: string | null | undefined) => value && form.append(name, value);
      put('dateColumn', columns.date);
      put('labelColumn', columns.label);
      put('referenceColumn', columns.reference);
      put('counterpartyColumn', columns.counterparty);
      if (amountMode === 'signed') put('amountColumn', columns.amount);
      else {
        put('debitColumn', columns.debit);
        put('creditColumn', columns.credit);
      }
      form.append('decimalSeparator', decimalSeparator);
      form.append('dateOrder', dateOrder);
      put('bankAccountId', bankAccountId ?? (accounts.data?.items.length === 1 ? accounts.data.items[0]!.id : null));
    }
    form.append('file', file);
    try {
      setResult(await importStatement.mutateAsync(form));
    } catch (err) {
      setError(err);
    }
  };

  const columnOptions = (preview?.columns ?? []).filter(Boolean).map((c) => ({ value: c, label: c }));
  const columnSelect = (key: ColumnKey, required: boolean) => (
    <Select
      key={key}
      label={t(`bank.import.columns.${key}`)}
      required={required}
      clearable={!required}
      data={columnOptions}
      value={columns[key] ?? null}
      onChange={(value) => setColumns((current) => ({ ...current, [key]: value }))}
      data-testid={`bank-column-${key}`}
    />
  );

  return (
    <Page title={t('bank.import.title')}>
      <Card>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('bank.import.intro')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <FileInput
                label={t('bank.import.file')}
                required
                clearable
                accept=".xml,.csv,.txt,application/xml,text/xml,text/csv"
                leftSection={<IconUpload size={16} aria-hidden />}
                value={file}
                onChange={(next) => {
                  setFile(next);
                  setFormat(formatOf(next));
                  setResult(null);
                  setError(null);
                }}
                data-testid="bank-import-file"
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="bank-format-label">
                  {t('bank.import.format')}
                </Text>
                <SegmentedControl
                  aria-labelledby="bank-format-label"
                  value={format}
                  onChange={(v) => setFormat(v as Format)}
                  data={[
                    { value: 'camt053', label: t('bank.format.camt053') },
                    { value: 'csv', label: t('bank.format.csv') },
                  ]}
                  data-testid="bank-import-format"
                />
              </Stack>
            </SimpleGrid>

            {format === 'csv' && (
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('bank.import.mapping')}
                </Title>
                {file && !preview && <Text size="sm" c="dimmed">{t('bank.import.noPreview')}</Text>}
                {preview && (
                  <Table.ScrollContainer minWidth={480}>
                    <Table withTableBorder striped fz="xs" aria-label={t('bank.import.preview')} data-testid="bank-import-preview">
                      <Table.Thead>
                        <Table.Tr>
                          {preview.columns.map((c, i) => (
                            <Table.Th key={i}>{c}</Table.Th>
                          ))}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {preview.rows.map((row, r) => (
                          <Table.Tr key={r}>
                            {preview.columns.map((_, i) => (
                              <Table.Td key={i}>{row[i] ?? ''}</Table.Td>
                            ))}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
                <Radio.Group label={t('bank.import.amountMode')} value={amountMode} onChange={(v) => setAmountMode(v as 'signed' | 'split')}>
                  <Group gap="lg" mt={4}>
                    <Radio value="split" label={t('bank.import.amountSplit')} />
                    <Radio value="signed" label={t('bank.import.amountSigned')} />
                  </Group>
                </Radio.Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  {columnSelect('date', true)}
                  {columnSelect('label', true)}
                  {amountMode === 'signed' ? columnSelect('amount', true) : [columnSelect('debit', true), columnSelect('credit', true)]}
                  {columnSelect('reference', false)}
                  {columnSelect('counterparty', false)}
                  <Select
                    label={t('bank.import.decimalSeparator')}
                    allowDeselect={false}
                    value={decimalSeparator}
                    onChange={(v) => setDecimalSeparator((v ?? ',') as ',' | '.')}
                    data={[
                      { value: ',', label: t('bank.import.decimalComma') },
                      { value: '.', label: t('bank.import.decimalDot') },
                    ]}
                  />
                  <Select
                    label={t('bank.import.dateOrder')}
                    allowDeselect={false}
                    value={dateOrder}
                    onChange={(v) => setDateOrder((v ?? 'DMY') as 'DMY' | 'YMD' | 'MDY')}
                    data={(['DMY', 'YMD', 'MDY'] as const).map((o) => ({ value: o, label: t(`bank.import.dateOrders.${o}`) }))}
                  />
                  {(accounts.data?.items.length ?? 0) > 0 && (
                    <Select
                      label={t('bank.import.bankAccount')}
                      description={t('bank.import.bankAccountHint')}
                      required={(accounts.data?.items.length ?? 0) > 1}
                      value={bankAccountId ?? (accounts.data?.items.length === 1 ? accounts.data.items[0]!.id : null)}
                      onChange={setBankAccountId}
                      data={(accounts.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.label} (${a.iban.slice(-4)})` }))}
                      data-testid="bank-import-account"
                    />
                  )}
                </SimpleGrid>
              </Stack>
            )}

            <ImportError error={error} />
            {result && <ImportOutcome result={result} />}

            <Group justify="space-between">
              <Anchor component={Link} to="/bank" size="sm">
                {t('bank.import.backToStatements')}
              </Anchor>
              <Button type="submit" loading={importStatement.isPending} data-testid="bank-import-submit">
                {t('bank.import.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Page>
  );
}

/** The API's refusal with each problem of the file (line and column) listed. */
function ImportError({ error }: { error: unknown }) {
  if (!error) return null;
  if (typeof error === 'string') return <ErrorAlert>{error}</ErrorAlert>;
  if (!isApiError(error) || error.fields.length === 0) return <ErrorAlert error={error} />;
  return (
    <ErrorAlert>
      <Text size="sm">{error.message}</Text>
      <List size="sm" data-testid="bank-import-problems">
        {error.fields.map((f, i) => (
          <List.Item key={i}>{f.message}</List.Item>
        ))}
      </List>
    </ErrorAlert>
  );
}

function ImportOutcome({ result }: { result: ImportResultData }) {
  const { t } = useTranslation();
  const nothingNew = result.addedCount === 0;
  return (
    <Alert color={nothingNew ? 'blue' : 'teal'} variant="light" icon={nothingNew ? <IconInfoCircle size={20} aria-hidden /> : <IconCheck size={20} aria-hidden />} data-testid="bank-import-result">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {nothingNew ? t('bank.import.nothingNew', { count: result.alreadyImportedCount }) : t('bank.import.added', { count: result.addedCount })}
        </Text>
        {!nothingNew && result.alreadyImportedCount > 0 && <Text size="sm">{t('bank.import.alreadyImported', { count: result.alreadyImportedCount })}</Text>}
        {result.notBookedCount > 0 && <Text size="sm">{t('bank.import.notBooked', { count: result.notBookedCount })}</Text>}
        {result.statements.map((s) => (
          <Anchor key={s.id} component={Link} to={`/bank/statements/${s.id}`} size="sm" data-testid="bank-import-reconcile">
            {t('bank.import.reconcile', { ref: s.statementRef ?? '' })}
          </Anchor>
        ))}
      </Stack>
    </Alert>
  );
}
