import { Button, Fieldset, Group, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipType, UpdateMemberBody } from '../../../modules/members/contract';
import { formatIban } from '../../../platform/identifiers/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { orNull, poleOptions } from './form-values';
import { useMemberLabels } from './labels';
import { type MemberData, useAdvisors, useCoopSettings, useUpdateMember } from './use-members';

/**
 * The profile of a member. Staff edit the whole file; a member (`mode="self"`) edits only how
 * they present themself and how to reach them, as the API allows.
 */
export function MemberProfileForm({ member, mode, onSaved, onCancel }: { member: MemberData; mode: 'staff' | 'self'; onSaved?: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const staff = mode === 'staff';
  const coop = useCoopSettings();
  const advisors = useAdvisors(staff);
  const update = useUpdateMember(member.id);
  const [formError, setFormError] = useState<string | null>(null);
  const poles = coop.data?.poles ?? [];
  // The lifecycle path depends on the type: the API only lets it change for a candidate.
  const typeEditable = staff && member.status === 'candidate';

  const form = useForm({
    mode: 'controlled',
    initialValues: {
      firstName: member.firstName,
      lastName: member.lastName,
      email: member.email,
      membershipType: member.membershipType as string,
      advisorUserId: member.advisorUserId ?? '',
      companyName: member.companyName ?? '',
      siret: member.siret ?? '',
      phone: member.phone ?? '',
      addressLine1: member.addressLine1 ?? '',
      addressLine2: member.addressLine2 ?? '',
      postalCode: member.postalCode ?? '',
      city: member.city ?? '',
      pole: member.pole ?? '',
      skills: member.skills,
      trades: member.trades,
      bio: member.bio ?? '',
      iban: member.iban ? formatIban(member.iban) : '',
      bic: member.bic ?? '',
    },
    validate: staff
      ? {
          firstName: isNotEmpty(t('members.validation.required')),
          lastName: isNotEmpty(t('members.validation.required')),
          email: isEmail(t('members.validation.emailInvalid')),
        }
      : {},
  });
  const independent = form.values.membershipType === 'independent';

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const own: UpdateMemberBody = {
      phone: orNull(v.phone),
      addressLine1: orNull(v.addressLine1),
      addressLine2: orNull(v.addressLine2),
      postalCode: orNull(v.postalCode),
      city: orNull(v.city),
      pole: orNull(v.pole),
      skills: v.skills,
      trades: v.trades,
      bio: orNull(v.bio),
      // Checked by the server (ISO 13616 key, ISO 9362 form); its 400 lands under the input.
      iban: orNull(v.iban),
      bic: orNull(v.bic),
    };
    const body: UpdateMemberBody = staff
      ? {
          ...own,
          firstName: v.firstName,
          lastName: v.lastName,
          email: v.email,
          advisorUserId: orNull(v.advisorUserId),
          companyName: orNull(v.companyName),
          siret: orNull(v.siret),
          ...(typeEditable && v.membershipType !== member.membershipType ? { membershipType: v.membershipType as MembershipType } : {}),
        }
      : own;
    update.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('members.profile.saved') });
        onSaved?.();
      },
      onError: (error) => setFormError(applyApiError(form, error)),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert>{formError}</ErrorAlert>
        {staff && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('members.fields.firstName')} required {...form.getInputProps('firstName')} />
              <TextInput label={t('members.fields.lastName')} required {...form.getInputProps('lastName')} />
              <TextInput type="email" label={t('members.fields.email')} required {...form.getInputProps('email')} />
              <Select
                label={t('members.fields.membershipType')}
                allowDeselect={false}
                disabled={!typeEditable}
                description={typeEditable ? undefined : t('members.fields.membershipTypeLocked')}
                data={(coop.data?.membershipTypes ?? [member.membershipType]).map((type) => ({ value: type, label: labels.type(type) }))}
                {...form.getInputProps('membershipType')}
              />
              <Select
                label={t('members.fields.advisor')}
                clearable
                placeholder={t('members.fields.noAdvisor')}
                data={(advisors.data ?? []).map((a) => ({ value: a.userId, label: a.name }))}
                {...form.getInputProps('advisorUserId')}
                value={form.values.advisorUserId || null}
              />
            </SimpleGrid>
            {(independent || member.companyName) && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('members.fields.companyName')} required={independent} {...form.getInputProps('companyName')} />
                <TextInput label={t('members.fields.siret')} required={independent} inputMode="numeric" {...form.getInputProps('siret')} />
              </SimpleGrid>
            )}
          </>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput type="tel" label={t('members.fields.phone')} autoComplete="tel" {...form.getInputProps('phone')} />
          {poles.length > 0 ? (
            <Select label={t('members.fields.pole')} clearable data={poleOptions(poles, member.pole, labels.pole)} {...form.getInputProps('pole')} value={form.values.pole || null} />
          ) : (
            <TextInput label={t('members.fields.pole')} {...form.getInputProps('pole')} />
          )}
          <TextInput label={t('members.fields.addressLine1')} autoComplete="address-line1" {...form.getInputProps('addressLine1')} />
          <TextInput label={t('members.fields.addressLine2')} autoComplete="address-line2" {...form.getInputProps('addressLine2')} />
          <TextInput label={t('members.fields.postalCode')} autoComplete="postal-code" {...form.getInputProps('postalCode')} />
          <TextInput label={t('members.fields.city')} autoComplete="address-level2" {...form.getInputProps('city')} />
        </SimpleGrid>
        <Fieldset legend={t('members.bank.title')} variant="filled">
          <Stack gap="xs">
            <Text size="sm" c="dimmed" data-testid="bank-details-use">
              {t('members.bank.use')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('members.fields.iban')}
                autoComplete="off"
                spellCheck={false}
                placeholder="FR76 3000 6000 0112 3456 7890 189"
                {...form.getInputProps('iban')}
                // Shown by groups of 4, as on a bank's RIB, so the member can compare it at a glance.
                onBlur={() => form.setFieldValue('iban', form.values.iban.trim() ? formatIban(form.values.iban) : '')}
                data-testid="member-iban"
              />
              <TextInput label={t('members.fields.bic')} description={t('members.bank.bicHint')} autoComplete="off" spellCheck={false} {...form.getInputProps('bic')} data-testid="member-bic" />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <TagsInput label={t('members.fields.skills')} description={t('members.fields.tagsHint')} {...form.getInputProps('skills')} />
        <TagsInput label={t('members.fields.trades')} description={t('members.fields.tagsHint')} {...form.getInputProps('trades')} />
        <Textarea label={t('members.fields.bio')} autosize minRows={3} maxRows={10} {...form.getInputProps('bio')} />
        <Group justify="flex-end" gap="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={update.isPending} data-testid="profile-save">
            {t('members.profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
