import { Badge } from '@mantine/core';
import type { MemberStatus } from '../../../modules/members/contract';
import { STATUS_COLORS, useMemberLabels } from './labels';

export function MemberStatusBadge({ status, size = 'md' }: { status: MemberStatus; size?: 'sm' | 'md' | 'lg' }) {
  const labels = useMemberLabels();
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === 'left' ? 'outline' : 'light'} size={size} data-testid="member-status">
      {labels.status(status)}
    </Badge>
  );
}
