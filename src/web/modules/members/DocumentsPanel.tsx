import { ActionIcon, Button, Card, FileInput, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptedTypesOf, DOCUMENT_KINDS, type DocumentKind, SELF_UPLOAD_KINDS } from '../../../modules/members/contract';
import { todayInFrance } from '../../../platform/calendar/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { useMemberLabels } from './labels';
import { documentContentUrl, type MemberDocumentData, useDeleteDocument, useUploadDocument } from './use-members';
import { DateField } from '../../components/DateField';
import { eurosToCents } from '../documents';

function sizeOf(bytes: number, lang: string): string {
  const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / (1024 * 1024), 'megabyte'];
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/**
 * A member's documents: download for whoever sees the file, upload (a member only for
 * themself and not contracts), removal by staff.
 */
export function DocumentsPanel({ memberId, documents, mode }: { memberId: string; documents: MemberDocumentData[]; mode: 'staff' | 'self' }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const format = useFormat();
  const remove = useDeleteDocument(memberId);

  const onDelete = (doc: MemberDocumentData) => {
    if (!window.confirm(t('members.documents.confirmDelete', { title: doc.title }))) return;
    remove.mutate(doc.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('members.documents.deleted') }),
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    });
  };

  return (
    <Stack gap="md">
      {documents.length === 0 ? (
        <Text c="dimmed">{t('members.documents.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.documents.title')}</Table.Th>
                <Table.Th>{t('members.documents.kind')}</Table.Th>
                <Table.Th>{t('members.documents.signedOn')} / {t('members.documents.year')}</Table.Th>
                <Table.Th>{t('members.documents.file')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.map((doc) => (
                <Table.Tr key={doc.id} data-testid={`document-row-${doc.id}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {doc.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('members.documents.uploadedOn', { date: format.date(doc.uploadedAt) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{labels.kind(doc.kind)}</Table.Td>
                  <Table.Td>{doc.signedOn ? format.date(doc.signedOn) : (doc.year ?? '—')}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {doc.fileName} · {sizeOf(doc.sizeBytes, format.lang)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <ActionIcon
                        component="a"
                        href={documentContentUrl(memberId, doc.id)}
                        download={doc.fileName}
                        variant="subtle"
                        aria-label={t('members.documents.download', { title: doc.title })}
                        data-testid={`document-download-${doc.id}`}
                      >
                        <IconDownload size={18} aria-hidden />
                      </ActionIcon>
                      {mode === 'staff' && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => onDelete(doc)}
                          loading={remove.isPending && remove.variables === doc.id}
                          aria-label={t('members.documents.delete', { title: doc.title })}
                        >
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <UploadForm memberId={memberId} kinds={mode === 'staff' ? DOCUMENT_KINDS : SELF_UPLOAD_KINDS} />
    </Stack>
  );
}

function UploadForm({ memberId, kinds }: { memberId: string; kinds: readonly DocumentKind[] }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const upload = useUploadDocument(memberId);
  const [formError, setFormError] = useState<string | null>(null);
  const lastYear = String(new Date().getFullYear() - 1);

  const form = useForm({
    mode: 'controlled',
    // A charter is usually filed the day it is signed; the date stays editable.
    initialValues: { kind: 'charter' as DocumentKind, title: '', signedOn: todayInFrance(new Date()), year: lastYear, revenue: '', file: null as File | null },
    validate: {
      title: isNotEmpty(t('members.validation.required')),
      file: (file) => (file ? null : t('members.validation.required')),
    },
  });
  const kind = form.values.kind;
  const dated = kind === 'charter' || kind === 'contract';
  const yearly = kind === 'fiscal_statement' || kind === 'balance_sheet';

  const submit = form.onSubmit((v) => {
    if (!v.file) return;
    setFormError(null);
    upload.mutate(
      {
        kind: v.kind,
        title: v.title,
        signedOn: dated ? v.signedOn : undefined,
        year: yearly ? v.year : undefined,
        // The revenue is typed in euros; the API takes cents. What does not read as an amount is sent as typed, and refused with the reason.
        declaredRevenueCents: v.kind === 'fiscal_statement' && v.revenue.trim() ? String(eurosToCents(v.revenue) ?? v.revenue) : undefined,
        file: v.file,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('members.documents.uploaded') });
          form.reset();
        },
        onError: (error) => setFormError(applyApiError(form, error, { declaredRevenueCents: 'revenue' })),
      },
    );
  });

  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} fz="h5">
            {t('members.documents.upload')}
          </Title>
          <ErrorAlert>{formError}</ErrorAlert>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('members.documents.kind')}
              allowDeselect={false}
              data={kinds.map((k) => ({ value: k, label: labels.kind(k) }))}
              {...form.getInputProps('kind')}
              onChange={(value) => {
                const next = (value ?? 'other') as DocumentKind;
                form.setFieldValue('kind', next);
                if (!form.values.title) form.setFieldValue('title', labels.kind(next));
              }}
            />
            <TextInput label={t('members.documents.title')} required {...form.getInputProps('title')} />
            {dated && <DateField label={t('members.documents.signedOn')} {...form.getInputProps('signedOn')} />}
            {yearly && <TextInput type="number" label={t('members.documents.year')} required min={1900} max={2200} {...form.getInputProps('year')} />}
            {kind === 'fiscal_statement' && (
              <TextInput
                label={t('members.documents.declaredRevenue')}
                description={t('members.documents.declaredRevenueHint')}
                inputMode="decimal"
                rightSection="€"
                data-testid="document-revenue"
                {...form.getInputProps('revenue')}
              />
            )}
            <FileInput
              label={t('members.documents.file')}
              required
              clearable
              accept={acceptedTypesOf(kind).join(',')}
              description={kind === 'contract' ? t('members.documents.fileHintContract') : t('members.documents.fileHint')}
              leftSection={<IconUpload size={16} aria-hidden />}
              data-testid="document-file"
              {...form.getInputProps('file')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={upload.isPending} data-testid="document-upload-submit">
              {t('members.documents.uploadSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
