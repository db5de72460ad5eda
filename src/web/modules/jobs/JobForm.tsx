import { ActionIcon, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bpToPercent, percentToBp } from '../../../modules/activities/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { useSession } from '../../lib/session';
import { useClients } from '../clients';
import { type JobData, useBringerOptions, useCreateJob, useJobActivityOptions, useUpdateJob } from './use-jobs';

interface JobFormValues {
  clientId: string;
  title: string;
  description: string;
  bringerMemberId: string;
  bringerActivityId: string;
  marginRatePct: number | string;
  commissionRatePct: number | string;
  participants: { activityId: string; sharePct: number | string }[];
}

const pct = (v: number | string) => (typeof v === 'number' ? v : Number(String(v).replace(',', '.')));

/**
 * Declares or changes a job. The team sets everything; a member declares a job between their
 * own activities (the API refuses anything else, and the form shows only those fields).
 */
export function JobForm({ job, onDone, onCancel }: { job?: JobData; onDone: (job: JobData) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const manages = hasRole('admin', 'staff');
  const create = useCreateJob();
  const update = useUpdateJob(job?.id ?? '');
  const clients = useClients({ pageSize: 100 });
  const members = useBringerOptions(manages);
  const activities = useJobActivityOptions();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<JobFormValues>({
    initialValues: {
      clientId: job?.clientId ?? '',
      title: job?.title ?? '',
      description: job?.description ?? '',
      bringerMemberId: job?.bringerMemberId ?? '',
      bringerActivityId: job?.bringerActivityId ?? '',
      marginRatePct: bpToPercent(job?.marginRateBp ?? 0),
      commissionRatePct: bpToPercent(job?.commissionRateBp ?? 0),
      participants: job ? job.participants.map((p) => ({ activityId: p.activityId, sharePct: bpToPercent(p.shareBp) })) : [{ activityId: '', sharePct: 100 }],
    },
    validate: {
      clientId: (v) => (v ? null : t('jobs.required')),
      title: (v) => (v.trim().length >= 2 ? null : t('jobs.required')),
      participants: { activityId: (v) => (v ? null : t('jobs.required')) },
    },
  });
  const values = form.getValues();
  const bringerActivities = useJobActivityOptions({ memberId: values.bringerMemberId || undefined, enabled: manages && Boolean(values.bringerMemberId) });
  const totalPct = values.participants.reduce((s, p) => s + (pct(p.sharePct) || 0), 0);
  const activityData = (activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }));

  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    if (percentToBp(totalPct) !== 10_000) {
      form.setFieldError('participants', t('jobs.sharesMustTotal'));
      return;
    }
    const participants = v.participants.map((p) => ({ activityId: p.activityId, shareBp: percentToBp(pct(p.sharePct)) }));
    const common = {
      clientId: v.clientId,
      title: v.title.trim(),
      description: v.description.trim() || null,
      participants,
      ...(manages ? { bringerMemberId: v.bringerMemberId || null, bringerActivityId: v.bringerMemberId ? v.bringerActivityId || null : null, marginRateBp: percentToBp(pct(v.marginRatePct) || 0) } : {}),
    };
    try {
      const saved = job ? await update.mutateAsync({ ...common, commissionRateBp: percentToBp(pct(v.commissionRatePct) || 0) }) : await create.mutateAsync(common);
      notifications.show({ color: 'teal', message: t('jobs.saved') });
      onDone(saved);
    } catch (error) {
      setFormError(applyApiError(form, error, { marginRateBp: 'marginRatePct', commissionRateBp: 'commissionRatePct' }));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert>{formError}</ErrorAlert>
        {!manages && <Text size="sm" c="dimmed">{t('jobs.memberHint')}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('jobs.fields.client')}
            required
            searchable
            data={(clients.data?.items ?? []).filter((c) => !c.archivedAt).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="job-client"
            {...form.getInputProps('clientId')}
          />
          <TextInput label={t('jobs.fields.title')} required data-testid="job-title" {...form.getInputProps('title')} />
        </SimpleGrid>
        <Textarea label={t('jobs.fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
        {manages && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('jobs.fields.bringer')}
              placeholder={t('jobs.fields.bringerNone')}
              searchable
              clearable
              data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
              data-testid="job-bringer"
              {...form.getInputProps('bringerMemberId')}
              onChange={(v) => {
                form.setFieldValue('bringerMemberId', v ?? '');
                form.setFieldValue('bringerActivityId', '');
              }}
            />
            <Select
              label={t('jobs.fields.bringerActivity')}
              disabled={!values.bringerMemberId}
              data={(bringerActivities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))}
              data-testid="job-bringer-activity"
              {...form.getInputProps('bringerActivityId')}
            />
            <NumberInput label={t('jobs.fields.marginRate')} description={t('jobs.fields.marginRateHint')} min={0} max={100} decimalScale={2} decimalSeparator="," data-testid="job-margin" {...form.getInputProps('marginRatePct')} />
            {job && (
              <NumberInput label={t('jobs.fields.commissionRate')} description={t('jobs.fields.commissionRateHint')} min={0} max={100} decimalScale={2} decimalSeparator="," {...form.getInputProps('commissionRatePct')} />
            )}
          </SimpleGrid>
        )}
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('jobs.fields.participants')}
          </Text>
          {values.participants.map((_, i) => (
            <Group key={i} align="flex-end" wrap="nowrap" gap="xs">
              <Select
                label={t('jobs.fields.activity')}
                searchable
                data={activityData}
                style={{ flex: 1, minWidth: 0 }}
                data-testid={`job-participant-${i}-activity`}
                {...form.getInputProps(`participants.${i}.activityId`)}
              />
              <NumberInput label={t('jobs.fields.share')} min={0} max={100} decimalScale={2} decimalSeparator="," w={100} data-testid={`job-participant-${i}-share`} {...form.getInputProps(`participants.${i}.sharePct`)} />
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('jobs.fields.removeParticipant', { n: i + 1 })} disabled={values.participants.length === 1} onClick={() => form.removeListItem('participants', i)}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button variant="subtle" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.insertListItem('participants', { activityId: '', sharePct: 0 })} data-testid="job-add-participant">
              {t('jobs.fields.addParticipant')}
            </Button>
            <Text size="sm" c={percentToBp(totalPct) === 10_000 ? 'dimmed' : 'red'}>
              {t('jobs.fields.total', { total: Math.round(totalPct * 100) / 100 })}
            </Text>
          </Group>
          {typeof form.errors.participants === 'string' && (
            <Text size="sm" c="red">
              {form.errors.participants}
            </Text>
          )}
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="job-save">
            {t('jobs.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
