import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QUOTE_VIEW_STATES } from '../../../modules/quotes/contract';

type QuoteViewState = (typeof QUOTE_VIEW_STATES)[number];

const COLORS: Record<QuoteViewState, string> = { draft: 'gray', submitted: 'yellow', validated: 'blue', sent: 'indigo', accepted: 'teal', refused: 'red', expired: 'orange' };

/** The state people see; `expired` comes from the server, derived from the validity date. */
export function QuoteStateBadge({ state }: { state: QuoteViewState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light" data-testid="quote-state">
      {t(`quotes.state.${state}`)}
    </Badge>
  );
}
