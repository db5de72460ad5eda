import { Alert, Button, Card, Checkbox, Divider, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconFileTypePdf } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { usePageTitle } from '../../components/Page';
import { LinkProblem, PublicPageFrame } from '../../components/PublicPage';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { TotalsCard } from '../documents';
import { QuoteLinesTable } from './QuoteLinesTable';
import { QuoteStateBadge } from './QuoteStateBadge';
import { type PortalQuoteData, portalPdfUrl, usePortalAnswer, usePortalQuote } from './use-quotes';

/**
 * The client's page, reached from the link in the quote's mail, without an account: the
 * quote as sent, its PDF, and the answer (accept with the signer's name, or refuse). Outside
 * the app's frame: the client is not a user of the cooperative.
 */
export default function PortalQuotePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const quote = usePortalQuote(token);
  usePageTitle(quote.data?.number ? t('quotes.portal.title', { number: quote.data.number }) : t('quotes.portal.pageTitle'));
  return (
    <PublicPageFrame>
      {quote.isError ? (
        isApiError(quote.error) && quote.error.status === 404 ? (
          <LinkProblem title={t('quotes.portal.invalidTitle')} testId="portal-invalid">
            {t('quotes.portal.invalidBody')}
          </LinkProblem>
        ) : (
          <ErrorAlert error={quote.error} />
        )
      ) : !quote.data ? (
        <SectionLoader />
      ) : (
        <PortalQuote quote={quote.data} token={token} />
      )}
    </PublicPageFrame>
  );
}

function PortalQuote({ quote, token }: { quote: PortalQuoteData; token: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const c = quote.coop;
  return (
    <Stack gap="lg">
      <Card padding="lg" withBorder>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {t('quotes.portal.title', { number: quote.number ?? '' })}
            </Title>
            <Text c="dimmed" size="sm">
              {t('quotes.portal.validUntil', { date: fmt.date(quote.validUntil) })}
            </Text>
          </Stack>
          <Group gap="sm">
            <QuoteStateBadge state={quote.state} />
            <Button component="a" href={portalPdfUrl(token)} target="_blank" rel="noopener" variant="light" leftSection={<IconFileTypePdf size={16} aria-hidden />} data-testid="portal-pdf">
              {t('quotes.actions.pdf')}
            </Button>
          </Group>
        </Group>
        <Divider my="md" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('quotes.portal.from')}
            </Text>
            <Text fw={700}>{quote.activityName || c.name}</Text>
            {quote.activityName && <Text size="sm">{t('quotes.portal.carriedBy', { coop: c.name })}</Text>}
            <Text size="sm" c="dimmed">
              {[c.addressLine1, c.addressLine2, `${c.postalCode} ${c.city}`].filter(Boolean).join(', ')}
            </Text>
            <Text size="sm" c="dimmed">
              SIREN {c.siren} · {t('quotes.portal.vatNumber')} {c.vatNumber}
            </Text>
            {c.email && (
              <Text size="sm" c="dimmed">
                {c.email}
              </Text>
            )}
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('quotes.portal.for')}
            </Text>
            <Text fw={700}>{quote.clientName}</Text>
          </Stack>
        </SimpleGrid>
        {quote.notes && (
          <Text mt="md" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {quote.notes}
          </Text>
        )}
      </Card>
      <Card padding="lg" withBorder>
        <QuoteLinesTable lines={quote.lines} />
      </Card>
      <TotalsCard totals={{ taxBasisCents: quote.netCents, vatTotalCents: quote.vatCents, grandTotalCents: quote.grossCents, vatBreakdown: quote.vatBreakdown }} />
      <Answer quote={quote} token={token} />
    </Stack>
  );
}

/** The answer block: the form while the quote waits for one, the answer once given. */
function Answer({ quote, token }: { quote: PortalQuoteData; token: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const answer = usePortalAnswer(token);
  const [name, setName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  if (quote.state === 'accepted') {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} aria-hidden />} title={t('quotes.portal.acceptedTitle')} data-testid="portal-accepted">
        {t('quotes.portal.acceptedBody', { name: quote.acceptedByName ?? '', date: quote.acceptedAt ? fmt.dateTime(quote.acceptedAt) : '' })}
      </Alert>
    );
  }
  if (quote.state === 'refused') {
    return (
      <Alert color="gray" variant="light" icon={<IconCircleX size={20} aria-hidden />} title={t('quotes.portal.refusedTitle')} data-testid="portal-refused">
        {t('quotes.portal.refusedBody', { date: quote.refusedAt ? fmt.dateTime(quote.refusedAt) : '' })}
      </Alert>
    );
  }
  if (quote.state === 'expired') {
    return (
      <Alert color="orange" variant="light" title={t('quotes.portal.expiredTitle')} data-testid="portal-expired">
        {t('quotes.portal.expiredBody', { date: fmt.date(quote.validUntil) })}
      </Alert>
    );
  }

  const nameError = isApiError(answer.error) ? answer.error.fields.find((f) => f.path === 'name')?.message : undefined;
  const accept = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (name.trim().length < 2 || !agreed) return;
    answer.mutate({ accept: true, name: name.trim() });
  };
  return (
    <Card padding="lg" withBorder data-testid="portal-answer">
      <ErrorAlert error={nameError ? null : answer.error} />
      {!refusing ? (
        <form onSubmit={accept} noValidate>
          <Stack>
            <Title order={2} fz="h4">
              {t('quotes.portal.acceptTitle')}
            </Title>
            <TextInput
              label={t('quotes.portal.signerName')}
              description={t('quotes.portal.signerHint')}
              required
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={nameError ?? (tried && name.trim().length < 2 ? t('quotes.portal.nameRequired') : undefined)}
              data-testid="portal-name"
            />
            <Checkbox
              label={t('quotes.portal.agreement', { amount: fmt.money(quote.grossCents) })}
              checked={agreed}
              onChange={(e) => setAgreed(e.currentTarget.checked)}
              error={tried && !agreed ? t('quotes.portal.agreementRequired') : undefined}
              data-testid="portal-agree"
            />
            <Group justify="space-between" wrap="wrap">
              <Button variant="subtle" color="gray" onClick={() => setRefusing(true)} data-testid="portal-refuse-open">
                {t('quotes.portal.refuseOpen')}
              </Button>
              <Button type="submit" color="teal" loading={answer.isPending} data-testid="portal-accept">
                {t('quotes.portal.accept')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack>
          <Title order={2} fz="h4">
            {t('quotes.portal.refuseTitle')}
          </Title>
          <Textarea label={t('quotes.portal.refuseReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-testid="portal-refuse-reason" />
          <Group justify="space-between" wrap="wrap">
            <Button variant="subtle" onClick={() => setRefusing(false)}>
              {t('common.back')}
            </Button>
            <Button color="red" loading={answer.isPending} onClick={() => answer.mutate({ accept: false, reason: reason.trim() || null })} data-testid="portal-refuse">
              {t('quotes.portal.refuse')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
