import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QUOTE_VIEW_STATES } from '../../../modules/quotes/contract';

type QuoteViewState = (typeof QUOTE_VIEW_STATES)[number];

const COLORS: Record<QuoteViewState | 'invoiced', string> = { draft: 'gray', submitted: 'yellow', validated: 'blue', sent: 'indigo', accepted: 'teal', refused: 'red', expired: 'orange', invoiced: 'grape' };

/**
 * The state people see; `expired` comes from the server, derived from the validity date. An
 * accepted quote with nothing left to invoice reads "Facturé": the work on it is done.
 */
export function QuoteStateBadge({ state, fullyInvoiced = false }: { state: QuoteViewState; fullyInvoiced?: boolean }) {
  const { t } = useTranslation();
  const shown = state === 'accepted' && fullyInvoiced ? 'invoiced' : state;
  return (
    <Badge color={COLORS[shown]} variant="light" data-testid="quote-state">
      {t(`quotes.state.${shown}`)}
    </Badge>
  );
}
