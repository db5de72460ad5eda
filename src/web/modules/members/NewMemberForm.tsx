import { Button, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipType } from '../../../modules/members/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { orNull, poleOptions } from './form-values';
import { useMemberLabels } from './labels';
import { type MemberData, useAdvisors, useCoopSettings, useCreateMember } from './use-members';

/** Opens the file of a new candidate (staff). */
export function NewMemberForm({ onCreated }: { onCreated: (member: MemberData) => void }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const coop = useCoopSettings();
  const advisors = useAdvisors();
  const create = useCreateMember();
  const [formError, setFormError] = useState<string | null>(null);
  const types = coop.data?.membershipTypes ?? ['entrepreneur_salarie'];
  const poles = coop.data?.poles ?? [];

  const form = useForm({
    mode: 'controlled',
    initialValues: {
      firstName: '',
      lastName: '',
      email: '',
      membershipType: (types[0] ?? 'entrepreneur_salarie') as string,
      phone: '',
      pole: '',
      skills: [] as string[],
      advisorUserId: '',
      companyName: '',
      siret: '',
    },
    validate: {
      firstName: isNotEmpty(t('members.validation.required')),
      lastName: isNotEmpty(t('members.validation.required')),
      email: isEmail(t('members.validation.emailInvalid')),
    },
  });
  const independent = form.values.membershipType === 'independent';

  const submit = form.onSubmit((v) => {
    setFormError(null);
    create.mutate(
      {
        firstName: v.firstName,
        lastName: v.lastName,
        email: v.email,
        membershipType: v.membershipType as MembershipType,
        phone: orNull(v.phone),
        pole: orNull(v.pole),
        skills: v.skills,
        advisorUserId: orNull(v.advisorUserId),
        companyName: independent ? orNull(v.companyName) : null,
        siret: independent ? orNull(v.siret) : null,
      },
      {
        onSuccess: (member) => {
          notifications.show({ color: 'teal', message: t('members.create.created', { name: `${member.firstName} ${member.lastName}` }) });
          onCreated(member);
        },
        onError: (error) => setFormError(applyApiError(form, error)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('members.create.intro')}
        </Text>
        <ErrorAlert>{formError}</ErrorAlert>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('members.fields.firstName')} required autoComplete="off" {...form.getInputProps('firstName')} />
          <TextInput label={t('members.fields.lastName')} required autoComplete="off" {...form.getInputProps('lastName')} />
        </SimpleGrid>
        <TextInput type="email" label={t('members.fields.email')} required autoComplete="off" {...form.getInputProps('email')} />
        <Select
          label={t('members.fields.membershipType')}
          required
          allowDeselect={false}
          data={types.map((type) => ({ value: type, label: labels.type(type) }))}
          {...form.getInputProps('membershipType')}
        />
        {independent && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('members.fields.companyName')} required {...form.getInputProps('companyName')} />
            <TextInput label={t('members.fields.siret')} required inputMode="numeric" {...form.getInputProps('siret')} />
          </SimpleGrid>
        )}
        <TextInput type="tel" label={t('members.fields.phone')} {...form.getInputProps('phone')} />
        {poles.length > 0 ? (
          <Select label={t('members.fields.pole')} clearable data={poleOptions(poles, null, labels.pole)} {...form.getInputProps('pole')} value={form.values.pole || null} />
        ) : (
          <TextInput label={t('members.fields.pole')} {...form.getInputProps('pole')} />
        )}
        <TagsInput label={t('members.fields.skills')} description={t('members.fields.tagsHint')} {...form.getInputProps('skills')} />
        <Select
          label={t('members.fields.advisor')}
          clearable
          placeholder={t('members.fields.noAdvisor')}
          data={(advisors.data ?? []).map((a) => ({ value: a.userId, label: a.name }))}
          {...form.getInputProps('advisorUserId')}
          value={form.values.advisorUserId || null}
        />
        <Button type="submit" loading={create.isPending} data-testid="member-create-submit">
          {t('members.create.submit')}
        </Button>
      </Stack>
    </form>
  );
}
