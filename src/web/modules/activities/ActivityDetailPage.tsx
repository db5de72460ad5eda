import { Anchor, Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ActivityStatus, nextStatusesOf } from '../../../modules/activities/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { useLanguage } from '../../i18n';
import { applyApiError } from '../../lib/forms';
import { useSession } from '../../lib/session';
import { useClients } from '../clients';
import { ActivityContributionCard } from '../contribution';
import { ActivityJobsCard } from '../jobs';
import { TreasuryCard, TreasuryChart } from '../treasury';
import { ActivityStatusBadge } from './ActivityStatusBadge';
import { formatShare, fromHolders, type HolderDraft, isFullTotal, toHoldersInput, totalBp } from './holders';
import { HoldersEditor } from './HoldersEditor';
import { type ActivityData, useActivity, useChangeHolders, useUpdateActivity } from './use-activities';

const STATUS_ACTION: Record<ActivityStatus, 'reactivate' | 'suspend' | 'close'> = { active: 'reactivate', suspended: 'suspend', closed: 'close' };

/** One activity: its holders and shares, its status, and the clients working with it. */
export default function ActivityDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { hasRole } = useSession();
  const manages = hasRole('admin', 'staff');
  const activity = useActivity(id);

  const back = (
    <Anchor component={Link} to="/activities" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden />
        {manages ? t('activities.back') : t('activities.myBack')}
      </Group>
    </Anchor>
  );

  if (activity.isPending) return <SectionLoader />;
  if (activity.isError) {
    return (
      <Page title={t('activities.detailTitle')}>
        {back}
        <ErrorAlert error={activity.error} />
      </Page>
    );
  }
  const a = activity.data;
  return (
    <Page title={a.name} actions={manages && <ActivityActions activity={a} />}>
      {back}
      <Group gap="sm">
        <Badge variant="outline" size="lg" ff="monospace">
          {a.code}
        </Badge>
        <ActivityStatusBadge status={a.status} />
      </Group>
      <Card>
        <Title order={2} size="h4" mb="xs">
          {t('activities.descriptionTitle')}
        </Title>
        <Text c={a.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {a.description || t('activities.noDescription')}
        </Text>
      </Card>
      <TreasuryCard activityId={a.id} detailLink />
      <TreasuryChart activityId={a.id} />
      <ActivityContributionCard activityId={a.id} manages={manages} />
      <HoldersCard activity={a} manages={manages} />
      <ActivityClients activityId={a.id} />
      <ActivityJobsCard activityId={a.id} />
    </Page>
  );
}

function ActivityActions({ activity }: { activity: ActivityData }) {
  const { t } = useTranslation();
  const update = useUpdateActivity(activity.id);
  const [editing, setEditing] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);

  const move = (status: ActivityStatus) =>
    update.mutate(
      { status },
      {
        onSuccess: () => {
          setConfirmClose(false);
          notifications.show({ color: 'teal', message: t('activities.statusChanged', { status: t(`activities.status.${status}`) }) });
        },
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );

  return (
    <>
      <Button variant="default" onClick={() => setEditing(true)} data-testid="activity-edit">
        {t('activities.actions.edit')}
      </Button>
      {nextStatusesOf(activity.status).map((status) => (
        <Button
          key={status}
          variant="light"
          color={status === 'closed' ? 'red' : status === 'suspended' ? 'orange' : 'teal'}
          loading={update.isPending && update.variables?.status === status}
          onClick={() => (status === 'closed' ? setConfirmClose(true) : move(status))}
          data-testid={`activity-status-${status}`}
        >
          {t(`activities.actions.${STATUS_ACTION[status]}`)}
        </Button>
      ))}
      <Modal opened={confirmClose} onClose={() => setConfirmClose(false)} title={t('activities.confirmClose.title')}>
        <Stack>
          <Text>{t('activities.confirmClose.body')}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirmClose(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={update.isPending} onClick={() => move('closed')} data-testid="activity-close-confirm">
              {t('activities.confirmClose.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('activities.editTitle')}>
        {editing && <EditActivityForm activity={activity} onDone={() => setEditing(false)} />}
      </Modal>
    </>
  );
}

function EditActivityForm({ activity, onDone }: { activity: ActivityData; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateActivity(activity.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: activity.name, description: activity.description ?? '' },
    validate: { name: (v) => (v.trim().length >= 2 ? null : t('activities.validation.nameTooShort')) },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        update.mutate(
          { name: v.name.trim(), description: v.description.trim() || null },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('activities.saved') });
              onDone();
            },
            onError: (error) => setFormError(applyApiError(form, error)),
          },
        ),
      )}
    >
      <Stack>
        <ErrorAlert>{formError}</ErrorAlert>
        <TextInput label={t('activities.fields.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Textarea label={t('activities.fields.description')} autosize minRows={3} maxRows={10} {...form.getInputProps('description')} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="activity-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function HoldersCard({ activity, manages }: { activity: ActivityData; manages: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [editing, setEditing] = useState(false);
  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('activities.holdersTitle')}
        </Title>
        {manages && activity.status !== 'closed' && (
          <Button variant="light" size="xs" onClick={() => setEditing(true)} data-testid="activity-edit-holders">
            {t('activities.actions.editHolders')}
          </Button>
        )}
      </Group>
      {activity.holders.length > 1 && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('activities.holders.shared')}
        </Text>
      )}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('activities.holders.member')}</Table.Th>
            <Table.Th ta="right">{t('activities.holders.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activity.holders.map((h) => (
            <Table.Tr key={h.memberId} data-testid={`holder-row-${h.memberId}`}>
              <Table.Td>
                {manages ? (
                  <Anchor component={Link} to={`/members/${h.memberId}`}>
                    {h.name}
                  </Anchor>
                ) : (
                  h.name
                )}
              </Table.Td>
              <Table.Td ta="right">{formatShare(h.shareBp, lang)} %</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('activities.holdersTitle')} size="lg">
        {editing && <EditHoldersForm activity={activity} onDone={() => setEditing(false)} />}
      </Modal>
    </Card>
  );
}

function EditHoldersForm({ activity, onDone }: { activity: ActivityData; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const change = useChangeHolders(activity.id);
  const [holders, setHolders] = useState<HolderDraft[]>(() => fromHolders(activity.holders));
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    if (holders.some((h) => !h.memberId)) return setError(t('activities.validation.pickMember'));
    if (!isFullTotal(holders)) return setError(t('activities.validation.sharesTotal', { total: formatShare(totalBp(holders), lang) }));
    setError(null);
    change.mutate(
      { holders: toHoldersInput(holders) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('activities.holdersSaved') });
          onDone();
        },
        onError: (e) => setError(e.message),
      },
    );
  };

  return (
    <Stack>
      <HoldersEditor
        value={holders}
        onChange={(next) => {
          setHolders(next);
          setError(null);
        }}
        error={error}
      />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={save} loading={change.isPending} data-testid="activity-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

const CLIENTS_SHOWN = 10;

function ActivityClients({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const clients = useClients({ activityId, pageSize: CLIENTS_SHOWN });
  const total = clients.data?.total ?? 0;
  return (
    <Card>
      <Title order={2} size="h4" mb="xs">
        {t('activities.clientsTitle')}
      </Title>
      {clients.isError && <ErrorAlert error={clients.error} />}
      {clients.data && total === 0 && <Text c="dimmed">{t('activities.noClients')}</Text>}
      <Stack gap={4}>
        {clients.data?.items.map((c) => (
          <Anchor key={c.id} component={Link} to={`/clients/${c.id}`}>
            {c.name}
          </Anchor>
        ))}
      </Stack>
      {total > CLIENTS_SHOWN && (
        <Anchor component={Link} to={`/clients?activityId=${activityId}`} size="sm" mt="sm" display="block">
          {t('activities.allClients')} ({total})
        </Anchor>
      )}
    </Card>
  );
}
