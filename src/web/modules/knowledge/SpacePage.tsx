import { ActionIcon, Anchor, Badge, Button, Card, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { applyApiError } from '../../lib/forms';
import { useCreateBook, useShareSpace, useShareTargets, useSpace, useUnshareSpace, type SpaceDetailData } from './use-knowledge';
import { VisibilityBadge } from './VisibilityBadge';

const RANK = { public: 0, members: 1, staff: 2 } as const;

function NewBookModal({ space, onClose }: { space: SpaceDetailData; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateBook();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '', description: '', visibility: '' } });
  // A book may only narrow its space: offer the space's visibility and the narrower ones.
  const options = (['members', 'staff'] as const).filter((v) => RANK[v] > RANK[space.visibility]);
  return (
    <Modal opened onClose={onClose} title={t('knowledge.newBook')}>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            await create.mutateAsync({ spaceId: space.id, name: values.name, description: values.description, visibility: (values.visibility || null) as 'staff' | 'members' | null });
            onClose();
          } catch (err) {
            setError(applyApiError(form, err));
          }
        })}
      >
        <Stack>
          <ErrorAlert>{error}</ErrorAlert>
          <TextInput label={t('knowledge.fields.name')} required {...form.getInputProps('name')} />
          <Textarea label={t('knowledge.fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <Select
            label={t('knowledge.bookVisibility.label')}
            data={[{ value: '', label: t('knowledge.bookVisibility.inherit') }, ...options.map((v) => ({ value: v, label: t(`knowledge.visibility.${v}`) }))]}
            allowDeselect={false}
            {...form.getInputProps('visibility')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('knowledge.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('knowledge.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function SharePanel({ space }: { space: SpaceDetailData }) {
  const { t } = useTranslation();
  const targets = useShareTargets(true);
  const share = useShareSpace();
  const unshare = useUnshareSpace();
  const [coopId, setCoopId] = useState<string | null>(null);
  const shared = new Set(space.sharedWith.map((s) => s.coopId));
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} fz="h5">
          {t('knowledge.share.title')}
        </Title>
        {space.sharedWithNetwork && <Badge variant="light">{t('knowledge.share.network')}</Badge>}
        {space.sharedWith.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('knowledge.share.none')}
          </Text>
        ) : (
          space.sharedWith.map((s) => (
            <Group key={s.coopId} gap="xs" wrap="nowrap">
              <Text size="sm" style={{ flex: 1 }}>
                {s.name}
              </Text>
              <ActionIcon variant="subtle" color="red" aria-label={`${t('knowledge.share.remove')} ${s.name}`} onClick={() => unshare.mutate({ id: space.id, coopId: s.coopId })}>
                <IconX size={16} />
              </ActionIcon>
            </Group>
          ))
        )}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={t('knowledge.share.with')}
            data={(targets.data?.items ?? []).filter((c) => !shared.has(c.coopId)).map((c) => ({ value: c.coopId, label: c.name }))}
            value={coopId}
            onChange={setCoopId}
            searchable
            style={{ flex: 1, minWidth: 180 }}
          />
          <Button
            variant="default"
            disabled={!coopId}
            loading={share.isPending}
            onClick={() => coopId && share.mutate({ id: space.id, coopId }, { onSuccess: () => setCoopId(null) })}
          >
            {t('knowledge.share.add')}
          </Button>
        </Group>
        <ErrorAlert error={share.error ?? unshare.error} />
      </Stack>
    </Card>
  );
}

/** A space: its books and their pages (the table of contents), the team's tools to grow it. */
export default function SpacePage() {
  const { t } = useTranslation();
  const { spaceId } = useParams();
  const space = useSpace(spaceId);
  const [addingBook, setAddingBook] = useState(false);
  const s = space.data;
  return (
    <Page
      title={s?.name ?? t('knowledge.title')}
      actions={
        s?.canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAddingBook(true)}>
            {t('knowledge.newBook')}
          </Button>
        )
      }
    >
      <Anchor component={Link} to="/knowledge" size="sm">
        ← {t('knowledge.title')}
      </Anchor>
      {space.error && <ErrorAlert error={space.error} />}
      {s && (
        <>
          <Group gap={6}>
            <VisibilityBadge visibility={s.visibility} />
            {s.fromOtherCoop && <Badge variant="outline">{t('knowledge.sharedBy', { coop: s.ownerCoopName })}</Badge>}
            {!s.canEdit && <Badge variant="light" color="gray">{t('knowledge.readOnly')}</Badge>}
          </Group>
          {s.description && <Text>{s.description}</Text>}
          {s.books.length === 0 && <Text c="dimmed">{t('knowledge.noBooks')}</Text>}
          <Stack gap="md">
            {s.books.map((book) => (
              <Card key={book.id} withBorder data-testid="kb-book">
                <Stack gap="xs">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Group gap="xs">
                      <Title order={2} fz="h4">
                        {book.name}
                      </Title>
                      {book.effectiveVisibility !== s.visibility && <VisibilityBadge visibility={book.effectiveVisibility} />}
                    </Group>
                    {s.canEdit && (
                      <Button size="compact-sm" variant="light" component={Link} to={`/knowledge/books/${book.id}/new?space=${s.id}`} leftSection={<IconPlus size={14} />}>
                        {t('knowledge.newPage')}
                      </Button>
                    )}
                  </Group>
                  {book.description && (
                    <Text size="sm" c="dimmed">
                      {book.description}
                    </Text>
                  )}
                  {book.pages.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('knowledge.noPages')}
                    </Text>
                  ) : (
                    <Stack gap={4}>
                      {book.pages.map((p) => (
                        <Anchor key={p.id} component={Link} to={`/knowledge/pages/${p.id}`}>
                          {p.title}
                        </Anchor>
                      ))}
                    </Stack>
                  )}
                </Stack>
              </Card>
            ))}
          </Stack>
          {s.canManage && <SharePanel space={s} />}
          {addingBook && <NewBookModal space={s} onClose={() => setAddingBook(false)} />}
        </>
      )}
    </Page>
  );
}
