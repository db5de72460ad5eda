import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JobStatusBadge } from './JobStatusBadge';
import { useJobs } from './use-jobs';

/** The jobs an activity works on or brought, on the activity's page. */
export function ActivityJobsCard({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const jobs = useJobs({ activityId, pageSize: 50 });
  const items = jobs.data?.items ?? [];
  return (
    <Card data-testid="activity-jobs">
      <Title order={2} size="h4" mb="xs">
        {t('jobs.activityCardTitle')}
      </Title>
      {jobs.isSuccess && items.length === 0 && <Text c="dimmed">{t('jobs.activityCardEmpty')}</Text>}
      <Stack gap={4}>
        {items.map((j) => (
          <Group key={j.id} justify="space-between" wrap="nowrap">
            <Anchor component={Link} to={`/jobs/${j.id}`}>
              {j.reference} — {j.title}
            </Anchor>
            <JobStatusBadge status={j.status} />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
