import { ActionIcon, Alert, Anchor, Badge, Button, Card, Group, Modal, MultiSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ClientAddress, ClientContact } from '../../../modules/clients/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import type { Wire } from '../../lib/wire';
import { ActivityStatusBadge, useActivityOptions } from '../activities';
import { DunningOfClient } from '../dunning';
import { ClientInvoicesCard } from '../invoices';
import { ClientQuotesCard } from '../quotes';
import { AddressForm } from './AddressForm';
import { ClientForm } from './ClientForm';
import { ContactForm } from './ContactForm';
import { type ClientData, useArchiveClient, useClient, useLinkActivities, useRemoveAddress, useRemoveContact, useUpdateClient } from './use-clients';

/** A client: identity, addresses, contacts, and the activities working with it. */
export default function ClientDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { hasRole } = useSession();
  const manages = hasRole('admin', 'staff');
  const client = useClient(id);

  const back = (
    <Anchor component={Link} to="/clients" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden />
        {manages ? t('clients.back') : t('clients.myBack')}
      </Group>
    </Anchor>
  );

  if (client.isPending) return <SectionLoader />;
  if (client.isError) {
    return (
      <Page title={t('clients.detailTitle')}>
        {back}
        <ErrorAlert error={client.error} />
      </Page>
    );
  }
  const c = client.data;
  return (
    <Page title={c.name} actions={<ClientActions client={c} manages={manages} />}>
      {back}
      <ArchivedNotice client={c} />
      <IdentityCard client={c} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <AddressesCard client={c} />
        <ContactsCard client={c} />
      </SimpleGrid>
      <ActivitiesCard client={c} manages={manages} />
      <DunningOfClient clientId={c.id} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ClientQuotesCard clientId={c.id} />
        <ClientInvoicesCard clientId={c.id} />
      </SimpleGrid>
    </Page>
  );
}

function ConfirmModal(props: { opened: boolean; title: string; body?: ReactNode; confirm: string; loading: boolean; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <Stack>
        {props.body && <Text>{props.body}</Text>}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={props.loading} onClick={props.onConfirm} data-testid="confirm">
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ArchivedNotice({ client }: { client: ClientData }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!client.archivedAt) return null;
  return (
    <Alert color="gray" variant="light">
      {t('clients.archivedOn', { date: format.date(client.archivedAt) })}
    </Alert>
  );
}

function ClientActions({ client, manages }: { client: ClientData; manages: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateClient(client.id);
  const archive = useArchiveClient(client.id);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const setArchived = (archived: boolean) =>
    archive.mutate(archived, {
      onSuccess: () => {
        setConfirming(false);
        notifications.show({ color: 'teal', message: archived ? t('clients.archivedDone') : t('clients.restoredDone') });
      },
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    });

  return (
    <>
      <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="client-edit">
        {t('clients.edit')}
      </Button>
      {manages &&
        (client.archivedAt ? (
          <Button variant="light" loading={archive.isPending} onClick={() => setArchived(false)} data-testid="client-restore">
            {t('clients.restore')}
          </Button>
        ) : (
          <Button variant="light" color="red" onClick={() => setConfirming(true)} data-testid="client-archive">
            {t('clients.archive')}
          </Button>
        ))}
      <ConfirmModal
        opened={confirming}
        title={t('clients.confirmArchive.title')}
        body={t('clients.confirmArchive.body')}
        confirm={t('clients.archive')}
        loading={archive.isPending}
        onConfirm={() => setArchived(true)}
        onClose={() => setConfirming(false)}
      />
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('clients.editTitle')} size="lg">
        {editing && (
          <ClientForm
            mode="edit"
            client={client}
            onCancel={() => setEditing(false)}
            onSubmit={async (body) => {
              await update.mutateAsync(body);
              notifications.show({ color: 'teal', message: t('clients.saved') });
              setEditing(false);
            }}
          />
        )}
      </Modal>
    </>
  );
}

function Field({ label, value, mono }: { label: string; value: string | null; mono?: boolean }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text ff={mono && value ? 'monospace' : undefined} c={value ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
        {value || t('clients.none')}
      </Text>
    </div>
  );
}

/** "732829320" → "732 829 320", the way SIREN and SIRET are printed. */
const groupDigits = (digits: string, sizes: number[]) => {
  let at = 0;
  return sizes.map((n) => digits.slice(at, (at += n))).join(' ');
};

function IdentityCard({ client }: { client: ClientData }) {
  const { t } = useTranslation();
  const company = client.kind === 'company';
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('clients.identity')}
        </Title>
        <Badge variant="light">{t(`clients.kind.${client.kind}`)}</Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        {company && <Field label={t('clients.fields.legalForm')} value={client.legalForm} />}
        {company && <Field label={t('clients.fields.siren')} value={client.siren && groupDigits(client.siren, [3, 3, 3])} mono />}
        {company && <Field label={t('clients.fields.siret')} value={client.siret && groupDigits(client.siret, [3, 3, 3, 5])} mono />}
        {company && <Field label={t('clients.fields.vatNumber')} value={client.vatNumber} mono />}
        {company && <Field label={t('clients.fields.electronicAddress')} value={client.electronicAddress} mono />}
        <Field label={t('clients.fields.email')} value={client.email} />
        <Field label={t('clients.fields.phone')} value={client.phone} />
        {company && <Field label={t('clients.fields.website')} value={client.website} />}
      </SimpleGrid>
      {client.notes && (
        <Text mt="md" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {client.notes}
        </Text>
      )}
    </Card>
  );
}

function AddressesCard({ client }: { client: ClientData }) {
  const { t } = useTranslation();
  const remove = useRemoveAddress(client.id);
  const [editing, setEditing] = useState<Wire<ClientAddress> | 'new' | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('clients.address.title')}
        </Title>
        <Button variant="light" size="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')} data-testid="address-add">
          {t('clients.address.add')}
        </Button>
      </Group>
      {client.addresses.length === 0 && <Text c="dimmed">{t('clients.address.none')}</Text>}
      <Stack gap="sm">
        {client.addresses.map((a) => (
          <Group key={a.id} justify="space-between" align="flex-start" wrap="nowrap" data-testid={`address-row-${a.id}`}>
            <div>
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {t(`clients.address.kinds.${a.kind}`)}
                </Text>
                {a.isDefault && (
                  <Badge size="xs" variant="light">
                    {t('clients.address.default')}
                  </Badge>
                )}
              </Group>
              <Text size="sm">{a.line1}</Text>
              {a.line2 && <Text size="sm">{a.line2}</Text>}
              <Text size="sm">
                {a.postalCode} {a.city}
                {a.country !== 'FR' && ` (${a.country})`}
              </Text>
            </div>
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" aria-label={t('clients.address.edit')} onClick={() => setEditing(a)}>
                <IconPencil size={18} aria-hidden />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={t('clients.address.remove')} onClick={() => setRemoving(a.id)}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Group>
        ))}
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('clients.address.addTitle') : t('clients.address.editTitle')}>
        {editing !== null && (
          <AddressForm
            clientId={client.id}
            address={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title={t('clients.address.confirmRemove')}
        confirm={t('clients.address.remove')}
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing, {
            onSuccess: () => {
              setRemoving(null);
              notifications.show({ color: 'teal', message: t('clients.address.removed') });
            },
            onError: (error) => notifications.show({ color: 'red', message: error.message }),
          })
        }
      />
    </Card>
  );
}

function ContactsCard({ client }: { client: ClientData }) {
  const { t } = useTranslation();
  const remove = useRemoveContact(client.id);
  const [editing, setEditing] = useState<Wire<ClientContact> | 'new' | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('clients.contact.title')}
        </Title>
        <Button variant="light" size="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')} data-testid="contact-add">
          {t('clients.contact.add')}
        </Button>
      </Group>
      {client.contacts.length === 0 && <Text c="dimmed">{t('clients.contact.none')}</Text>}
      <Stack gap="sm">
        {client.contacts.map((c) => (
          <Group key={c.id} justify="space-between" align="flex-start" wrap="nowrap" data-testid={`contact-row-${c.lastName}`}>
            <div>
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {[c.firstName, c.lastName].filter(Boolean).join(' ')}
                </Text>
                {c.isPrimary && (
                  <Badge size="xs" variant="light">
                    {t('clients.contact.primary')}
                  </Badge>
                )}
              </Group>
              {c.role && (
                <Text size="sm" c="dimmed">
                  {c.role}
                </Text>
              )}
              {c.email && (
                <Anchor href={`mailto:${c.email}`} size="sm" display="block">
                  {c.email}
                </Anchor>
              )}
              {c.phone && <Text size="sm">{c.phone}</Text>}
            </div>
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" aria-label={t('clients.contact.edit')} onClick={() => setEditing(c)}>
                <IconPencil size={18} aria-hidden />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={t('clients.contact.remove')} onClick={() => setRemoving(c.id)}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Group>
        ))}
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('clients.contact.addTitle') : t('clients.contact.editTitle')}>
        {editing !== null && (
          <ContactForm clientId={client.id} contact={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title={t('clients.contact.confirmRemove')}
        confirm={t('clients.contact.remove')}
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing, {
            onSuccess: () => {
              setRemoving(null);
              notifications.show({ color: 'teal', message: t('clients.contact.removed') });
            },
            onError: (error) => notifications.show({ color: 'red', message: error.message }),
          })
        }
      />
    </Card>
  );
}

function ActivitiesCard({ client, manages }: { client: ClientData; manages: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('clients.activities.title')}
        </Title>
        {manages && !editing && (
          <Button variant="light" size="xs" onClick={() => setEditing(true)} data-testid="client-activities-edit">
            {t('clients.activities.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <LinkActivitiesForm client={client} onDone={() => setEditing(false)} />
      ) : (
        <>
          {client.activities.length === 0 && <Text c="dimmed">{t('clients.activities.none')}</Text>}
          <Stack gap={6}>
            {client.activities.map((a) => (
              <Group key={a.id} gap="xs">
                <Anchor component={Link} to={`/activities/${a.id}`} ff="monospace" fw={600}>
                  {a.code}
                </Anchor>
                <Text size="sm">{a.name}</Text>
                {a.status !== 'active' && <ActivityStatusBadge status={a.status} />}
              </Group>
            ))}
          </Stack>
        </>
      )}
    </Card>
  );
}

function LinkActivitiesForm({ client, onDone }: { client: ClientData; onDone: () => void }) {
  const { t } = useTranslation();
  const link = useLinkActivities(client.id);
  const options = useActivityOptions();
  const [selected, setSelected] = useState(client.activities.map((a) => a.id));
  const [error, setError] = useState<string | null>(null);
  const linked = new Set(client.activities.map((a) => a.id));
  // A closed activity keeps its existing links but takes no new client.
  const data = (options.data?.items ?? [])
    .filter((a) => a.status !== 'closed' || linked.has(a.id))
    .map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }));

  return (
    <Stack gap="sm">
      <MultiSelect
        label={t('clients.activities.label')}
        data={data}
        value={selected}
        onChange={setSelected}
        searchable
        clearable
        error={error}
        data-testid="client-activities-select"
      />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={link.isPending}
          data-testid="client-activities-save"
          onClick={() =>
            link.mutate(selected, {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('clients.activities.saved') });
                onDone();
              },
              onError: (e) => setError(e.message),
            })
          }
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
