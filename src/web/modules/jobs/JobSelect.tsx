import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useJobs } from './use-jobs';

/**
 * The job a quote or an invoice belongs to, among the open jobs of its client the person sees.
 * Empty means no job: the revenue stays on the document's activity.
 */
export function JobSelect({ clientId, value, onChange, error, testId }: { clientId: string; value?: string; onChange: (value: string) => void; error?: React.ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const jobs = useJobs({ pageSize: 100, status: 'open', ...(clientId ? { clientId } : {}) }, { enabled: Boolean(clientId) });
  const data = (jobs.data?.items ?? []).map((j) => ({ value: j.id, label: `${j.reference} — ${j.title}` }));
  return (
    <Select
      label={t('jobs.select.label')}
      placeholder={t('jobs.select.placeholder')}
      description={value ? t('jobs.select.hint') : undefined}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
      disabled={!clientId}
      clearable
      searchable
      data-testid={testId}
    />
  );
}
