import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INVITABLE_MEMBERSHIP_TYPES, PERSON_ROLES, type PersonRole } from '../../../modules/people/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { useRoleLabel } from '../../lib/roles';
import { useCoopSettings } from '../coop';
import { useInvitePerson } from './use-people';

type MembershipType = (typeof INVITABLE_MEMBERSHIP_TYPES)[number];

interface InviteValues {
  email: string;
  firstName: string;
  lastName: string;
  role: PersonRole;
  membershipType: MembershipType | '';
}

const initialValues: InviteValues = { email: '', firstName: '', lastName: '', role: 'member', membershipType: '' };

/** "Inviter une personne": a member gets a candidate member file of the chosen type. */
export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const coop = useCoopSettings();
  const invite = useInvitePerson();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<InviteValues>({
    initialValues,
    validate: {
      email: isEmail(t('people.validation.email')),
      firstName: isNotEmpty(t('people.validation.required')),
      lastName: isNotEmpty(t('people.validation.required')),
      membershipType: (value, values) => (values.role === 'member' && !value ? t('people.validation.required') : null),
    },
  });

  // Only the types the cooperative hosts can be chosen; the API refuses the others.
  const types = coop.data?.membershipTypes ?? [...INVITABLE_MEMBERSHIP_TYPES];
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    invite.mutate(
      {
        email: values.email.trim(),
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        role: values.role,
        ...(values.role === 'member' && values.membershipType ? { membershipType: values.membershipType } : {}),
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('people.invite.sent', { email: values.email.trim() }),
          });
          close();
        },
        onError: (error) => setFormError(applyApiError(form, error)),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={close} title={t('people.invite.title')} size="lg" fullScreen={false}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert>{formError}</ErrorAlert>
          <TextInput label={t('people.invite.email')} type="email" autoComplete="off" required data-autofocus {...form.getInputProps('email')} data-testid="invite-email" />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label={t('people.invite.firstName')} required {...form.getInputProps('firstName')} data-testid="invite-first-name" />
            <TextInput label={t('people.invite.lastName')} required {...form.getInputProps('lastName')} data-testid="invite-last-name" />
          </SimpleGrid>
          <Select
            label={t('people.invite.role')}
            data={PERSON_ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
            allowDeselect={false}
            required
            {...form.getInputProps('role')}
            data-testid="invite-role"
          />
          {form.values.role === 'member' && (
            <Select
              label={t('people.invite.membershipType')}
              description={t('people.invite.membershipTypeHint')}
              data={types.map((type) => ({ value: type, label: t(`coop.membershipTypes.${type}`) }))}
              required
              {...form.getInputProps('membershipType')}
              data-testid="invite-membership-type"
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending} data-testid="invite-submit">
              {t('people.invite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
