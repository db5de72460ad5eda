import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { earliestLeavingDate, fieldsOfMove, latestCapeEnd, type MemberStatus, type TransitionBody } from '../../../modules/members/contract';
import { todayInFrance } from '../../../platform/calendar/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { useMemberLabels } from './labels';
import { moveLabelOf } from './lifecycle-ui';
import { type MemberData, useCoopSettings, useMoveMember } from './use-members';
import { DateField } from '../../components/DateField';

/** The small form of one lifecycle move, asking only for the dates that move needs. */
export function TransitionModal({ member, to, onClose }: { member: MemberData; to: MemberStatus | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={to !== null} onClose={onClose} title={to ? t(`members.lifecycle.moves.${moveLabelOf(member.status, to)}`) : ''} centered>
      {to && <TransitionForm member={member} to={to} onDone={onClose} />}
    </Modal>
  );
}

function TransitionForm({ member, to, onDone }: { member: MemberData; to: MemberStatus; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useMemberLabels();
  const coop = useCoopSettings();
  const move = useMoveMember(member.id);
  const [formError, setFormError] = useState<string | null>(null);
  const fields = fieldsOfMove(member.status, to);
  const today = todayInFrance(new Date());
  const noticeMonths = coop.data?.leavingNoticeMonths ?? 1;

  const form = useForm({
    mode: 'controlled',
    initialValues: {
      effectiveDate: to === 'left' && member.leavingDate && member.leavingDate > today ? member.leavingDate : today,
      contractStartDate: today,
      contractEndDate: '',
      noticeDate: today,
      leavingDate: '',
      note: '',
    },
  });
  const v = form.values;
  const capeStart = member.status === 'in_support' && to === 'in_support' ? member.supportStartDate : v.contractStartDate;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const body: TransitionBody = { to, effectiveDate: values.effectiveDate, note: values.note.trim() || null };
    if (fields.includes('contractStartDate')) body.contractStartDate = values.contractStartDate || null;
    if (fields.includes('contractEndDate')) body.contractEndDate = values.contractEndDate || null;
    if (fields.includes('noticeDate')) body.noticeDate = values.noticeDate || null;
    if (fields.includes('leavingDate')) body.leavingDate = values.leavingDate || null;
    move.mutate(body, {
      onSuccess: (moved) => {
        notifications.show({ color: 'teal', message: t('members.lifecycle.moved', { status: labels.status(moved.status) }) });
        onDone();
      },
      onError: (error) => setFormError(applyApiError(form, error)),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert>{formError}</ErrorAlert>
        <DateField label={t('members.lifecycle.fields.effectiveDate')} required min={member.statusSince} {...form.getInputProps('effectiveDate')} />
        {fields.includes('contractStartDate') && (
          <DateField label={t('members.lifecycle.fields.contractStartDate')} required {...form.getInputProps('contractStartDate')} />
        )}
        {fields.includes('contractEndDate') && (
          <DateField
            label={t('members.lifecycle.fields.contractEndDate')}
            required
            description={capeStart ? t('members.lifecycle.fields.capeHint', { date: format.date(latestCapeEnd(capeStart)) }) : undefined}
            min={capeStart ?? undefined}
            max={capeStart ? latestCapeEnd(capeStart) : undefined}
            {...form.getInputProps('contractEndDate')}
          />
        )}
        {fields.includes('noticeDate') && <DateField label={t('members.lifecycle.fields.noticeDate')} required {...form.getInputProps('noticeDate')} />}
        {fields.includes('leavingDate') && (
          <DateField
            label={t('members.lifecycle.fields.leavingDate')}
            description={
              v.noticeDate
                ? t('members.lifecycle.fields.leavingHint', { date: format.date(earliestLeavingDate(v.noticeDate, { leavingNoticeMonths: noticeMonths })), count: noticeMonths })
                : undefined
            }
            min={v.noticeDate ? earliestLeavingDate(v.noticeDate, { leavingNoticeMonths: noticeMonths }) : undefined}
            {...form.getInputProps('leavingDate')}
          />
        )}
        <Textarea label={t('members.lifecycle.fields.note')} autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
        {member.status === 'leaving' && to !== 'left' && (
          <Text size="sm" c="dimmed">
            {labels.status(member.status)} → {labels.status(to)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={move.isPending} data-testid="transition-submit">
            {t('members.lifecycle.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
