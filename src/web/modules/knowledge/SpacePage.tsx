import { ActionIcon, Anchor, Badge, Box, Button, Card, CopyButton, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconEdit, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { applyApiError } from '../../lib/forms';
import { useSession } from '../../lib/session';
import { useCreateBook, useCreateChapter, useDeleteChapter, useShareSpace, useShareTargets, useSpace, useUnshareSpace, useUpdateChapter, type SpaceDetailData } from './use-knowledge';
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

type BookData = SpaceDetailData['books'][number];
type ChapterData = BookData['chapters'][number];

/** Names a new chapter, or renames one. */
function ChapterModal({ bookId, chapter, onClose }: { bookId: string; chapter?: ChapterData | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateChapter();
  const update = useUpdateChapter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: chapter?.name ?? '' } });
  return (
    <Modal opened onClose={onClose} title={chapter ? t('knowledge.chapters.rename') : t('knowledge.chapters.new')}>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            if (chapter) await update.mutateAsync({ id: chapter.id, name: values.name });
            else await create.mutateAsync({ bookId, name: values.name });
            onClose();
          } catch (err) {
            setError(applyApiError(form, err));
          }
        })}
      >
        <Stack>
          <ErrorAlert>{error}</ErrorAlert>
          <TextInput label={t('knowledge.chapters.name')} required data-autofocus {...form.getInputProps('name')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('knowledge.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {chapter ? t('knowledge.save') : t('knowledge.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function PageLinks({ pages }: { pages: BookData['pages'] }) {
  return (
    <Stack gap={4}>
      {pages.map((p) => (
        <Anchor key={p.id} component={Link} to={`/knowledge/pages/${p.id}`}>
          {p.title}
        </Anchor>
      ))}
    </Stack>
  );
}

/** A book's pages: those directly in it, then its chapters in order; the team moves, renames and removes chapters here. */
function BookContents({ book, manage }: { book: BookData; manage: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateChapter();
  const remove = useDeleteChapter();
  const [editing, setEditing] = useState<ChapterData | 'new' | null>(null);
  return (
    <Stack gap="xs">
      {book.pages.length === 0 && book.chapters.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('knowledge.noPages')}
        </Text>
      )}
      <PageLinks pages={book.pages} />
      {book.chapters.map((c, i) => (
        <Box key={c.id} pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }} data-testid="kb-chapter">
          <Group gap={4} justify="space-between" wrap="nowrap">
            <Text fw={600} size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {c.name}
            </Text>
            {manage && (
              <Group gap={2} wrap="nowrap">
                <ActionIcon variant="subtle" disabled={i === 0} aria-label={t('knowledge.chapters.up', { name: c.name })} onClick={() => update.mutate({ id: c.id, position: i - 1 })}>
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon variant="subtle" disabled={i === book.chapters.length - 1} aria-label={t('knowledge.chapters.down', { name: c.name })} onClick={() => update.mutate({ id: c.id, position: i + 1 })}>
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon variant="subtle" aria-label={t('knowledge.chapters.rename')} onClick={() => setEditing(c)}>
                  <IconEdit size={16} />
                </ActionIcon>
                {c.pages.length === 0 && (
                  <ActionIcon variant="subtle" color="red" aria-label={t('knowledge.chapters.remove', { name: c.name })} onClick={() => remove.mutate(c.id)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            )}
          </Group>
          {c.pages.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t('knowledge.chapters.empty')}
            </Text>
          ) : (
            <PageLinks pages={c.pages} />
          )}
        </Box>
      ))}
      <ErrorAlert error={update.error ?? remove.error} />
      {manage && (
        <Group>
          <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            {t('knowledge.chapters.new')}
          </Button>
        </Group>
      )}
      {editing && <ChapterModal bookId={book.id} chapter={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

/** The address of the space's public pages, for the team to copy (only a public space has one). */
function PublicLinkPanel({ space }: { space: SpaceDetailData }) {
  const { t } = useTranslation();
  const { coop } = useSession();
  if (space.visibility !== 'public' || space.fromOtherCoop || !coop) return null;
  const url = `${window.location.origin}/savoirs/${coop.id}/spaces/${space.id}`;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} fz="h5">
          {t('knowledge.publicLink.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('knowledge.publicLink.help')}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Anchor href={url} target="_blank" size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }} data-testid="kb-public-link">
            {url}
          </Anchor>
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="light" onClick={copy}>
                {copied ? t('knowledge.publicLink.copied') : t('knowledge.publicLink.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Card>
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
                  <BookContents book={book} manage={s.canManage} />
                </Stack>
              </Card>
            ))}
          </Stack>
          {s.canManage && <PublicLinkPanel space={s} />}
          {s.canManage && <SharePanel space={s} />}
          {addingBook && <NewBookModal space={s} onClose={() => setAddingBook(false)} />}
        </>
      )}
    </Page>
  );
}
