import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActivityStatus } from '../../../modules/activities/contract';

const COLORS: Record<ActivityStatus, string> = { active: 'teal', suspended: 'orange', closed: 'gray' };

export function ActivityStatusBadge({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`activities.status.${status}`)}
    </Badge>
  );
}
