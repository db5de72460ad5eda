import { ListPager } from '../../components/ListPager';
import { Anchor, Badge, Box, Card, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OUTBOX_STATUSES } from '../../../platform/mail/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { type OutboxMailData, type OutboxStatus, useOutbox, useOutboxMail } from './use-outbox';

const PAGE_SIZE = 25;
const STATUS_COLORS: Record<OutboxStatus, string> = { queued: 'orange', sent: 'teal', failed: 'red' };

type OutboxMailSummary = NonNullable<ReturnType<typeof useOutbox>['data']>['items'][number];

const isStatus = (value: string | null): value is OutboxStatus => OUTBOX_STATUSES.some((s) => s === value);

/** Admins: the mails the cooperative sent; without SMTP this is where they can be read. */
export default function OutboxPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const to = params.get('to') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const openId = params.get('mail');
  const [recipient, setRecipient] = useState(to);
  const [debounced] = useDebouncedValue(recipient, 300);

  const setParam = (name: 'status' | 'to' | 'page' | 'mail', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        if (name === 'status' || name === 'to') next.delete('page');
        return next;
      },
      { replace: name === 'to' },
    );

  useEffect(() => {
    if (debounced.trim() !== to) setParam('to', debounced.trim() || null);
    // Runs when the typed address settles, not on every navigation.
  }, [debounced]);

  const outbox = useOutbox({ status: isStatus(status) ? status : undefined, to: to || undefined, page, pageSize: PAGE_SIZE });
  // A template the catalogue does not know yet shows as recorded rather than as a missing key.
  const templateLabel = (template: string) => (i18n.exists(`outbox.templates.${template}`) ? String(t(`outbox.templates.${template}` as never)) : template);

  const columns: ListColumn<OutboxMailSummary>[] = [
    { key: 'to', header: t('outbox.columns.to'), cell: (mail) => <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{mail.toAddress}</Text> },
    {
      key: 'subject',
      header: t('outbox.columns.subject'),
      phone: 'title',
      // The subject is the row's button, so the mail opens from the keyboard too.
      cell: (mail) => (
        <UnstyledButton onClick={() => setParam('mail', mail.id)} aria-label={t('outbox.openSubject', { subject: mail.subject })}>
          <Text size="sm" fw={500} c="var(--mantine-primary-color-filled)">
            {mail.subject}
          </Text>
        </UnstyledButton>
      ),
    },
    { key: 'template', header: t('outbox.columns.template'), cell: (mail) => <Text size="sm">{templateLabel(mail.template)}</Text> },
    {
      key: 'status',
      header: t('outbox.columns.status'),
      phone: 'badge',
      cell: (mail) => (
        <Badge color={STATUS_COLORS[mail.status]} variant="light" tt="none" style={{ flexShrink: 0, minWidth: 'max-content' }}>
          {t(`outbox.status.${mail.status}`)}
        </Badge>
      ),
    },
    { key: 'date', header: t('outbox.columns.date'), nowrap: true, cell: (mail) => <Text size="sm">{format.dateTime(mail.createdAt)}</Text> },
  ];

  return (
    <Page title={t('outbox.title')}>
      <Text c="dimmed" mt={-8}>
        {t('outbox.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} maw={640}>
        <Select
          label={t('outbox.filters.status')}
          placeholder={t('outbox.filters.any')}
          data={OUTBOX_STATUSES.map((value) => ({ value, label: t(`outbox.status.${value}`) }))}
          value={isStatus(status) ? status : null}
          onChange={(value) => setParam('status', value)}
          clearable
        />
        <TextInput
          label={t('outbox.filters.to')}
          type="email"
          value={recipient}
          onChange={(event) => setRecipient(event.currentTarget.value)}
          data-testid="outbox-filter-to"
        />
      </SimpleGrid>

      <ListTable
        query={outbox}
        columns={columns}
        rowKey={(mail) => mail.id}
        rowTestId={(mail) => `mail-row-${mail.toAddress}`}
        onRowClick={(mail) => setParam('mail', mail.id)}
        empty={t('outbox.empty')}
        minWidth={720}
      />
      <ListPager total={outbox.data?.total ?? 0} pageSize={PAGE_SIZE} page={page} onChange={(value) => setParam('page', value > 1 ? String(value) : null)} label={t('common.pagination')} />
      <MailModal id={openId} onClose={() => setParam('mail', null)} templateLabel={templateLabel} />
    </Page>
  );
}

function MailModal({ id, onClose, templateLabel }: { id: string | null; onClose: () => void; templateLabel: (template: string) => string }) {
  const { t } = useTranslation();
  const mail = useOutboxMail(id);
  return (
    <Modal opened={id !== null} onClose={onClose} title={mail.data?.subject ?? t('outbox.open')} size="xl">
      {mail.isError ? <ErrorAlert error={mail.error} /> : !mail.data ? <SectionLoader /> : <MailView mail={mail.data} templateLabel={templateLabel} />}
    </Modal>
  );
}

function MailView({ mail, templateLabel }: { mail: OutboxMailData; templateLabel: (template: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const meta: [string, string][] = [
    [t('outbox.detail.to'), mail.toAddress],
    [t('outbox.columns.template'), templateLabel(mail.template)],
    [t('outbox.columns.status'), t(`outbox.status.${mail.status}`)],
    [t('outbox.detail.createdAt'), format.dateTime(mail.createdAt)],
    ...(mail.sentAt ? [[t('outbox.detail.sentAt'), format.dateTime(mail.sentAt)] as [string, string]] : []),
    ...(mail.attempts > 0 ? [[t('outbox.detail.attempts'), String(mail.attempts)] as [string, string]] : []),
    ...(mail.lastError ? [[t('outbox.detail.lastError'), mail.lastError] as [string, string]] : []),
  ];
  return (
    <Stack gap="md" data-testid="mail-view">
      <Box component="dl" m={0}>
        {meta.map(([label, value]) => (
          <Group key={label} gap="xs" wrap="nowrap" align="baseline">
            <Text component="dt" size="sm" c="dimmed" miw={110}>
              {label}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ wordBreak: 'break-word' }}>
              {value}
            </Text>
          </Group>
        ))}
      </Box>
      <Card withBorder padding="md" bg="var(--mantine-color-gray-0)">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="mail-body">
          <LinkifiedText text={mail.textBody} />
        </Text>
      </Card>
      {mail.attachments.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('outbox.detail.attachments')}
          </Text>
          {mail.attachments.map((file, index) => (
            <Anchor key={index} size="sm" href={`/api/outbox/${mail.id}/attachments/${index}`} download={file.filename} data-testid="mail-attachment">
              {file.filename}
            </Anchor>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain mail text with its web links made clickable (invitation and reset links, mostly). */
function LinkifiedText({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, i) =>
    // split() with a capturing group puts the matches at the odd positions.
    i % 2 === 1 ? (
      <Anchor key={i} href={part} target="_blank" rel="noopener noreferrer" inherit data-testid="mail-link">
        {part}
      </Anchor>
    ) : (
      <span key={i}>{part}</span>
    ),
  );
}
