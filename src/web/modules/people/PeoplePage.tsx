import { ListPager } from '../../components/ListPager';
import { Badge, Button, Group, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMailForward, IconSearch, IconUserPlus, IconUserShield } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useRoleLabel } from '../../lib/roles';
import { InviteModal } from './InviteModal';
import { RolesModal } from './RolesModal';
import { type PersonData, usePeople, useResendInvitation } from './use-people';

const PAGE_SIZE = 25;
// Badges keep their whole label: a narrow column wraps them rather than cut "Invitation en…".
const WHOLE_BADGE = { flexShrink: 0, minWidth: 'max-content' } as const;

/** Admins: who has access to the cooperative, invitations, roles. */
export default function PeoplePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 300);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<PersonData | null>(null);

  // The search box writes the URL (so a filtered list can be shared or reloaded), after a pause.
  useEffect(() => {
    if (debounced.trim() === q) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced.trim()) next.set('q', debounced.trim());
        else next.delete('q');
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  }, [debounced, q, setParams]);

  const people = usePeople({ q: q || undefined, page, pageSize: PAGE_SIZE });
  const setPage = (value: number) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value > 1) next.set('page', String(value));
      else next.delete('page');
      return next;
    });

  return (
    <Page
      title={t('people.title')}
      actions={
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setInviting(true)} data-testid="invite-open">
          {t('people.invite.open')}
        </Button>
      }
    >
      <Text c="dimmed" mt={-8}>
        {t('people.intro')}
      </Text>
      <TextInput
        label={t('people.search')}
        placeholder={t('people.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
        type="search"
        data-testid="people-search"
      />
      <PeopleList query={people} onEditRoles={setEditing} />
      <ListPager total={people.data?.total ?? 0} pageSize={PAGE_SIZE} page={page} onChange={setPage} label={t('common.pagination')} />
      <InviteModal opened={inviting} onClose={() => setInviting(false)} />
      <RolesModal person={editing} onClose={() => setEditing(null)} />
    </Page>
  );
}

/** The people as a table on a wide screen, as cards on a phone (name first, state beside it). */
function PeopleList({ query, onEditRoles }: { query: ReturnType<typeof usePeople>; onEditRoles: (person: PersonData) => void }) {
  const { t } = useTranslation();
  const columns: ListColumn<PersonData>[] = [
    {
      key: 'name',
      header: t('people.columns.name'),
      phone: 'title',
      cell: (person) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {person.displayName}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {person.email}
          </Text>
        </Stack>
      ),
    },
    { key: 'roles', header: t('people.columns.roles'), cell: (person) => <Roles person={person} /> },
    { key: 'state', header: t('people.columns.state'), phone: 'badge', cell: (person) => <PersonState person={person} /> },
    { key: 'actions', header: <VisuallyHidden>{t('people.columns.actions')}</VisuallyHidden>, cell: (person) => <PersonActions person={person} onEditRoles={() => onEditRoles(person)} /> },
  ];
  return (
    <ListTable
      query={query}
      columns={columns}
      rowKey={(person) => person.userId}
      rowTestId={(person) => `person-row-${person.email}`}
      empty={t('people.empty')}
      minWidth={720}
    />
  );
}

function Roles({ person }: { person: PersonData }) {
  const roleLabel = useRoleLabel();
  return (
    <Group gap={4} wrap="wrap">
      {person.roles.map((role) => (
        <Badge key={role} variant="light" color={role === 'admin' ? 'grape' : role === 'staff' ? 'indigo' : role === 'accountant' ? 'orange' : 'teal'} tt="none" style={WHOLE_BADGE} data-testid={`role-${role}`}>
          {roleLabel(role)}
        </Badge>
      ))}
    </Group>
  );
}

function PersonState({ person }: { person: PersonData }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div style={{ whiteSpace: 'nowrap' }}>
      {person.active ? (
        <Badge color="teal" variant="dot" tt="none" style={WHOLE_BADGE}>
          {t('people.state.active')}
        </Badge>
      ) : person.invitationExpiresAt ? (
        <Badge color="orange" variant="light" tt="none" style={WHOLE_BADGE}>
          {t('people.state.pending')}
        </Badge>
      ) : (
        <Badge color="red" variant="light" tt="none" style={WHOLE_BADGE}>
          {t('people.state.expired')}
        </Badge>
      )}
      {!person.active && person.invitationExpiresAt && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('people.state.expires', { date: format.date(person.invitationExpiresAt) })}
        </Text>
      )}
    </div>
  );
}

function PersonActions({ person, onEditRoles }: { person: PersonData; onEditRoles: () => void }) {
  const { t } = useTranslation();
  const resend = useResendInvitation();

  const onResend = () =>
    resend.mutate(person.userId, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('people.resend.done', { email: person.email }) }),
      onError: (error) => notifications.show({ color: 'red', message: isApiError(error) ? error.message : t('common.errors.unexpected') }),
    });

  return (
    <Group gap="xs" justify="flex-end" wrap="wrap">
      {!person.active && (
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconMailForward size={16} aria-hidden />}
          loading={resend.isPending}
          onClick={onResend}
          data-testid={`resend-${person.email}`}
        >
          {t('people.resend.action')}
        </Button>
      )}
      <Button
        size="compact-sm"
        variant="subtle"
        leftSection={<IconUserShield size={16} aria-hidden />}
        onClick={onEditRoles}
        data-testid={`edit-roles-${person.email}`}
      >
        {t('people.roles.edit')}
      </Button>
    </Group>
  );
}
