import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { formatShare, type HolderDraft, isFullTotal, toHoldersInput, totalBp } from './holders';
import { HoldersEditor } from './HoldersEditor';
import { type ActivityData, useCreateActivity } from './use-activities';
import { useLanguage } from '../../i18n';

interface Values {
  code: string;
  name: string;
  description: string;
  holders: HolderDraft[];
}

/** Opens an activity: name, optional code, holders with their shares (advisors). */
export function NewActivityForm({ onDone, onCancel }: { onDone: (activity: ActivityData) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateActivity();

  const form = useForm<Values>({
    initialValues: { code: '', name: '', description: '', holders: [{ memberId: '', percent: 100 }] },
    validate: {
      name: (v) => (v.trim().length === 0 ? t('activities.validation.required') : v.trim().length < 2 ? t('activities.validation.nameTooShort') : null),
      holders: {
        memberId: (v) => (v ? null : t('activities.validation.pickMember')),
      },
    },
  });

  const submit = form.onSubmit((values) => {
    if (!isFullTotal(values.holders)) {
      form.setFieldError('holders', t('activities.validation.sharesTotal', { total: formatShare(totalBp(values.holders), lang) }));
      return;
    }
    setFormError(null);
    create.mutate(
      {
        code: values.code.trim() || undefined,
        name: values.name.trim(),
        description: values.description.trim() || null,
        holders: toHoldersInput(values.holders),
      },
      {
        onSuccess: (activity) => {
          notifications.show({ color: 'teal', message: t('activities.created', { code: activity.code }) });
          onDone(activity);
        },
        onError: (error) => setFormError(applyApiError(form, error)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert>{formError}</ErrorAlert>
        <TextInput label={t('activities.fields.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label={t('activities.fields.code')}
          description={t('activities.fields.codeHint')}
          maxLength={20}
          styles={{ input: { textTransform: 'uppercase' } }}
          {...form.getInputProps('code')}
        />
        <Textarea label={t('activities.fields.description')} autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
        <HoldersEditor
          value={form.values.holders}
          onChange={(holders) => {
            form.setFieldValue('holders', holders);
            form.clearFieldError('holders');
          }}
          error={form.errors.holders}
          rowErrors={(i) => form.errors[`holders.${i}.memberId`]}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="activity-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
