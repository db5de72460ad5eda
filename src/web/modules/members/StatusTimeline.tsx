import { Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { MemberStatusBadge } from './MemberStatusBadge';
import type { MemberData } from './use-members';

/** Every move of the member, oldest first, dated, with who made it and why. */
export function StatusTimeline({ history }: { history: MemberData['history'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Timeline active={history.length - 1} bulletSize={14} lineWidth={2} aria-label={t('members.lifecycle.history')}>
      {history.map((change) => (
        <Timeline.Item key={change.id} title={<MemberStatusBadge status={change.toStatus} size="sm" />}>
          <Stack gap={2} mt={4}>
            <Text size="sm">
              {format.date(change.effectiveDate)}
              {change.fromStatus === null && ` · ${t('members.lifecycle.created')}`}
              {change.byName && ` · ${t('members.lifecycle.by', { name: change.byName })}`}
            </Text>
            {change.note && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {change.note}
              </Text>
            )}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
