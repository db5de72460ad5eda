import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS = { staff: 'red', members: 'blue', public: 'green' } as const;

export function VisibilityBadge({ visibility }: { visibility: 'staff' | 'members' | 'public' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[visibility]} variant="light">
      {t(`knowledge.visibility.${visibility}`)}
    </Badge>
  );
}
