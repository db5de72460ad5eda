import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdvanceData } from './use-advances';

const COLORS: Record<AdvanceData['status'], string> = { requested: 'yellow', approved: 'blue', refused: 'gray', paid: 'blue', settled: 'teal', written_off: 'red' };

export function AdvanceStatusBadge({ status }: { status: AdvanceData['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" tt="none" data-testid="advance-status">
      {t(`advances.status.${status}`)}
    </Badge>
  );
}
