import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_ROLES, type PersonRole } from '../../../modules/people/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../lib/forms';
import { useRoleLabel } from '../../lib/roles';
import { useSession } from '../../lib/session';
import { type PersonData, useSetPersonRoles } from './use-people';

/** Sets every role of one person; the API keeps the rules (one admin at least, not oneself). */
export function RolesModal({ person, onClose }: { person: PersonData | null; onClose: () => void }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const { user, refresh } = useSession();
  const setRoles = useSetPersonRoles();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ roles: PersonRole[] }>({ initialValues: { roles: [] } });

  const userId = person?.userId;
  useEffect(() => {
    if (person) {
      form.setValues({ roles: person.roles });
      form.resetDirty({ roles: person.roles });
      setFormError(null);
    }
    // Reload the form only when another person is opened.
  }, [userId]);

  const submit = form.onSubmit((values) => {
    if (!person) return;
    setFormError(null);
    setRoles.mutate(
      { userId: person.userId, roles: values.roles },
      {
        onSuccess: async () => {
          notifications.show({ color: 'teal', message: t('people.roles.saved', { name: person.displayName }) });
          // An admin giving themselves another role sees it at once in the navigation.
          if (person.userId === user?.id) await refresh();
          onClose();
        },
        onError: (error) => setFormError(applyApiError(form, error)),
      },
    );
  });

  return (
    <Modal opened={person !== null} onClose={onClose} title={person ? t('people.roles.title', { name: person.displayName }) : ''}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert>{formError}</ErrorAlert>
          <Checkbox.Group {...form.getInputProps('roles')} label={t('people.columns.roles')} description={t('people.roles.hint')}>
            <Stack gap="xs" mt="xs">
              {PERSON_ROLES.map((role) => (
                <Checkbox key={role} value={role} label={roleLabel(role)} data-testid={`role-checkbox-${role}`} />
              ))}
            </Stack>
          </Checkbox.Group>
          {person && (
            <Text size="xs" c="dimmed">
              {person.email}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={setRoles.isPending} disabled={!form.isDirty()} data-testid="roles-submit">
              {t('people.roles.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
