import { Alert, Anchor, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowLeft, IconCopy, IconFileTypePdf, IconPencil, IconSend, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { QuoteAdvanceCard } from '../advances';
import { SendMailModal, TotalsCard } from '../documents';
import { todayInFrance } from '../../../platform/calendar/contract';
import { InvoiceQuotePanel } from './InvoiceQuotePanel';
import { type QuoteButton, quoteButtons } from './quote-form';
import { QuoteLinesTable } from './QuoteLinesTable';
import { QuoteStateBadge } from './QuoteStateBadge';
import { type QuoteData, type QuoteMove, quotePdfUrl, useAnswerForClient, useDeleteQuote, useMoveQuote, useQuote, useQuoteMailPreview, useQuotesSettings, useSendBackQuote, useSendQuote } from './use-quotes';

/** One quote: what it offers, where it stands, and what the person may do with it now. */
export default function QuoteDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const quote = useQuote(id);
  const title = quote.data ? (quote.data.number ? t('quotes.detail.title', { number: quote.data.number }) : t('quotes.detail.draftTitle')) : t('quotes.title');
  return (
    <Page title={title} actions={quote.data && <QuoteStateBadge state={quote.data.state} fullyInvoiced={quote.data.fullyInvoiced} mailStatus={quote.data.sentMailStatus} />}>
      <Anchor component={Link} to="/quotes" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('quotes.back')}
        </Group>
      </Anchor>
      {quote.isError ? <ErrorAlert error={quote.error} /> : !quote.data ? <SectionLoader /> : <QuoteView quote={quote.data} />}
    </Page>
  );
}

const MOVE_OF: Partial<Record<QuoteButton, QuoteMove>> = { submit: 'submit', withdraw: 'withdraw' };

function QuoteView({ quote }: { quote: QuoteData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { roles } = useSession();
  const settings = useQuotesSettings();
  const move = useMoveQuote(quote.id);
  const remove = useDeleteQuote(quote.id);
  const [asking, setAsking] = useState<'delete' | 'accept' | 'refuse' | 'validate' | 'send' | 'send-back' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [comment, setComment] = useState('');
  const send = useSendQuote(quote.id);
  const sendBack = useSendBackQuote(quote.id);
  const preview = useQuoteMailPreview(quote.id, asking === 'send');
  const staff = roles.includes('admin') || roles.includes('staff');
  const buttons = quoteButtons(quote, { roles, needsValidation: settings.data?.needsValidation ?? true, today: todayInFrance(new Date()) });

  const run = async (action: QuoteMove) => {
    setError(null);
    try {
      const after = await move.mutateAsync(action);
      notifications.show({ color: 'teal', message: t(`quotes.detail.done.${action}`) });
      if (action === 'duplicate') navigate(`/quotes/${after.id}`);
    } catch (e) {
      setError(e);
    }
  };

  const moveButton = (button: QuoteButton, icon?: ReactNode, variant: 'filled' | 'light' = 'light') => {
    const action = MOVE_OF[button];
    if (!action || !buttons.has(button)) return null;
    return (
      <Button key={button} variant={variant} leftSection={icon} loading={move.isPending && move.variables === action} onClick={() => void run(action)} data-testid={`quote-${action}`}>
        {t(`quotes.actions.${action}`)}
      </Button>
    );
  };

  return (
    <Stack gap="lg">
      <Group gap="xs" wrap="wrap">
        {buttons.has('edit') && (
          <Button component={Link} to={`/quotes/${quote.id}/edit`} variant="light" leftSection={<IconPencil size={16} aria-hidden />} data-testid="quote-edit">
            {t('quotes.actions.edit')}
          </Button>
        )}
        {moveButton('submit', <IconSend size={16} aria-hidden />, 'filled')}
        {!staff && moveButton('withdraw', <IconArrowBackUp size={16} aria-hidden />)}
        {buttons.has('validate') && (
          <Button variant="filled" loading={move.isPending && move.variables === 'validate'} onClick={() => setAsking('validate')} data-testid="quote-validate">
            {t('quotes.actions.validate')}
          </Button>
        )}
        {buttons.has('send') && (
          <Button variant="filled" leftSection={<IconSend size={16} aria-hidden />} onClick={() => { send.reset(); setAsking('send'); }} data-testid="quote-send">
            {t('quotes.actions.send')}
          </Button>
        )}
        {buttons.has('send_back') && (
          <Button variant="light" color="orange" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setAsking('send-back')} data-testid="quote-send-back">
            {t('quotes.actions.send-back')}
          </Button>
        )}
        {buttons.has('accept') && (
          <Button variant="light" color="teal" onClick={() => setAsking('accept')} data-testid="quote-record-accept">
            {t('quotes.actions.recordAccept')}
          </Button>
        )}
        {buttons.has('refuse') && (
          <Button variant="light" color="red" onClick={() => setAsking('refuse')} data-testid="quote-record-refuse">
            {t('quotes.actions.recordRefuse')}
          </Button>
        )}
        {buttons.has('duplicate') && (
          <Button variant="subtle" leftSection={<IconCopy size={16} aria-hidden />} onClick={() => void run('duplicate')} data-testid="quote-duplicate">
            {t('quotes.actions.duplicate')}
          </Button>
        )}
        <Button component="a" href={quotePdfUrl(quote.id)} target="_blank" rel="noopener" variant="subtle" leftSection={<IconFileTypePdf size={16} aria-hidden />} data-testid="quote-pdf">
          {t('quotes.actions.pdf')}
        </Button>
        {buttons.has('delete') && (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setAsking('delete')} data-testid="quote-delete">
            {t('quotes.actions.delete')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} />
      <ConfirmModal
        opened={asking === 'validate'}
        onClose={() => setAsking(null)}
        title={t('quotes.confirm.validateTitle')}
        confirmLabel={t('quotes.actions.validate')}
        loading={move.isPending}
        onConfirm={() => {
          setAsking(null);
          void run('validate');
        }}
        testId="quote-validate-modal"
      >
        {t('quotes.confirm.validateText')}
      </ConfirmModal>
      <SendMailModal
        opened={asking === 'send'}
        onClose={() => setAsking(null)}
        preview={preview}
        loading={send.isPending}
        error={send.error}
        onConfirm={(copyToMember) =>
          send.mutate(
            { copyToMember },
            {
              onSuccess: () => {
                setAsking(null);
                notifications.show({ color: 'teal', message: t('quotes.detail.done.send') });
              },
            },
          )
        }
        texts={{
          title: t('quotes.sendMail.title'),
          intro: t('quotes.sendMail.intro'),
          to: t('quotes.sendMail.to'),
          subject: t('quotes.sendMail.subject'),
          attachment: t('quotes.sendMail.attachment'),
          copyToMember: (address) => t('quotes.sendMail.copyToMember', { address }),
          confirm: t('quotes.sendMail.confirm'),
        }}
      />
      <ConfirmModal
        opened={asking === 'send-back'}
        onClose={() => setAsking(null)}
        title={t('quotes.confirm.sendBackTitle')}
        confirmLabel={t('quotes.actions.send-back')}
        color="orange"
        loading={sendBack.isPending}
        onConfirm={() =>
          sendBack.mutate(comment, {
            onSuccess: () => {
              setAsking(null);
              setComment('');
              notifications.show({ color: 'teal', message: t('quotes.detail.done.send-back') });
            },
          })
        }
        testId="quote-send-back-modal"
      >
        <Stack gap="xs">
          <Text size="sm">{t('quotes.confirm.sendBackText')}</Text>
          <Textarea label={t('quotes.confirm.sendBackComment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={2000} autosize minRows={3} data-testid="quote-send-back-comment" />
          <ErrorAlert error={sendBack.error} />
        </Stack>
      </ConfirmModal>
      {quote.status === 'draft' && quote.sentBackAt && (
        <Alert color="orange" variant="light" title={t('quotes.confirm.sentBackNotice', { date: fmt.dateTime(quote.sentBackAt) })} data-testid="quote-sent-back">
          {quote.sentBackComment && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{quote.sentBackComment}</Text>}
        </Alert>
      )}
      {quote.state === 'expired' && (
        <Alert color="orange" variant="light">
          {t('quotes.detail.expired', { date: fmt.date(quote.validUntil) })}
        </Alert>
      )}

      <Card padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Fact label={t('quotes.fields.activity')} value={quote.activityName} />
          <Fact label={t('quotes.fields.client')} value={<Anchor component={Link} to={`/clients/${quote.clientId}`}>{quote.clientName}</Anchor>} />
          <Fact label={t('quotes.fields.validUntil')} value={fmt.date(quote.validUntil)} />
          <Fact label={t('quotes.columns.gross')} value={fmt.money(quote.grossCents)} />
        </SimpleGrid>
        {quote.notes && (
          <Text mt="md" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {quote.notes}
          </Text>
        )}
        <History quote={quote} />
      </Card>

      <Card padding="lg">
        <Title order={2} fz="h4" mb="sm">
          {t('quotes.editor.lines')}
        </Title>
        <QuoteLinesTable lines={quote.lines} />
      </Card>
      <TotalsCard totals={{ taxBasisCents: quote.netCents, vatTotalCents: quote.vatCents, grandTotalCents: quote.grossCents, vatBreakdown: quote.vatBreakdown }} />

      {(buttons.has('invoice') || quote.invoices.length > 0) && <InvoiceQuotePanel quote={quote} canInvoice={buttons.has('invoice')} />}
      {quote.state === 'accepted' && <QuoteAdvanceCard quoteId={quote.id} />}

      <Modal opened={asking === 'delete'} onClose={() => setAsking(null)} title={t('quotes.detail.deleteTitle')}>
        <Stack>
          <Text>{t('quotes.detail.deleteBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={async () => {
                await remove.mutateAsync(undefined);
                notifications.show({ color: 'teal', message: t('quotes.detail.deleted') });
                navigate('/quotes');
              }}
            >
              {t('quotes.actions.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ClientAnswerModal quote={quote} answer={asking === 'accept' || asking === 'refuse' ? asking : null} onClose={() => setAsking(null)} />
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </Stack>
  );
}

/** The dated steps of the quote, with the evidence of the client's answer. */
function History({ quote }: { quote: QuoteData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const steps = [
    quote.submittedAt && t('quotes.history.submitted', { at: fmt.dateTime(quote.submittedAt) }),
    quote.validatedAt && t('quotes.history.validated', { at: fmt.dateTime(quote.validatedAt) }),
    // "Sent" only for a mail that left the outbox; a send still waiting there, or failed, says so.
    quote.sentAt &&
      (quote.sentMailStatus === 'queued'
        ? t('quotes.history.sendQueued', { at: fmt.dateTime(quote.sentAt) })
        : quote.sentMailStatus === 'failed'
          ? t('quotes.history.sendFailed', { at: fmt.dateTime(quote.sentAt) })
          : t('quotes.history.sent', { at: fmt.dateTime(quote.sentMailLeftAt ?? quote.sentAt) })),
    quote.acceptedAt &&
      (quote.acceptedIp
        ? t('quotes.history.acceptedOnline', { at: fmt.dateTime(quote.acceptedAt), name: quote.acceptedByName ?? '', ip: quote.acceptedIp })
        : t('quotes.history.acceptedOnPaper', { at: fmt.dateTime(quote.acceptedAt), name: quote.acceptedByName ?? '' })),
    quote.refusedAt && t('quotes.history.refused', { at: fmt.dateTime(quote.refusedAt), reason: quote.refusalReason ?? t('quotes.history.noReason') }),
  ].filter((s): s is string => Boolean(s));
  if (steps.length === 0) return null;
  return (
    <Stack gap={4} mt="md" data-testid="quote-history">
      {steps.map((s) => (
        <Text key={s} size="sm" c="dimmed">
          {s}
        </Text>
      ))}
    </Stack>
  );
}

/** Staff record an answer the client gave outside the portal (a signed quote on paper, a letter). */
function ClientAnswerModal({ quote, answer, onClose }: { quote: QuoteData; answer: 'accept' | 'refuse' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useAnswerForClient(quote.id);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setError(null);
    try {
      await record.mutateAsync(answer === 'accept' ? { accept: true, name: text } : { accept: false, reason: text.trim() || null });
      notifications.show({ color: 'teal', message: t(answer === 'accept' ? 'quotes.detail.done.accept' : 'quotes.detail.done.refuse') });
      setText('');
      onClose();
    } catch (e) {
      setError(e);
    }
  };
  const fieldError = isApiError(error) ? error.fields[0]?.message : undefined;
  return (
    <Modal opened={answer !== null} onClose={onClose} title={answer === 'accept' ? t('quotes.actions.recordAccept') : t('quotes.actions.recordRefuse')}>
      <Stack>
        {!fieldError && <ErrorAlert error={error} />}
        {answer === 'accept' ? (
          <TextInput label={t('quotes.detail.signerName')} required value={text} onChange={(e) => setText(e.currentTarget.value)} error={fieldError} data-testid="quote-signer-name" />
        ) : (
          <Textarea label={t('quotes.detail.refusalReason')} value={text} onChange={(e) => setText(e.currentTarget.value)} error={fieldError} autosize minRows={2} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={answer === 'accept' ? 'teal' : 'red'} loading={record.isPending} onClick={() => void submit()} data-testid="quote-answer-confirm">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
