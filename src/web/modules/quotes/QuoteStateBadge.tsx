import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QUOTE_VIEW_STATES } from '../../../modules/quotes/contract';

type QuoteViewState = (typeof QUOTE_VIEW_STATES)[number];

const COLORS: Record<QuoteViewState | 'invoiced', string> = { draft: 'gray', submitted: 'yellow', validated: 'blue', sent: 'indigo', accepted: 'teal', refused: 'red', expired: 'orange', invoiced: 'grape' };

/**
 * The state people see; `expired` comes from the server, derived from the validity date. An
 * accepted quote with nothing left to invoice reads "Facturé": the work on it is done. Given
 * where the mail of its send stands, a sent quote whose mail still waits in the outbox (or
 * failed there) says so rather than "sent".
 */
export function QuoteStateBadge({ state, fullyInvoiced = false, mailStatus }: { state: QuoteViewState; fullyInvoiced?: boolean; mailStatus?: 'queued' | 'sent' | 'failed' | null }) {
  const { t } = useTranslation();
  const shown = state === 'accepted' && fullyInvoiced ? 'invoiced' : state;
  const waiting = state === 'sent' && (mailStatus === 'queued' || mailStatus === 'failed');
  return (
    <Badge color={waiting ? (mailStatus === 'failed' ? 'orange' : 'gray') : COLORS[shown]} variant="light" data-testid="quote-state">
      {waiting ? t(mailStatus === 'failed' ? 'quotes.mailState.failed' : 'quotes.mailState.queued') : t(`quotes.state.${shown}`)}
    </Badge>
  );
}
