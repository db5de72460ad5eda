import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../../modules/jobs/contract';

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'open' ? 'teal' : 'gray'} variant="light">
      {t(`jobs.status.${status}`)}
    </Badge>
  );
}
