import { Anchor, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { Markdown } from './Markdown';
import { SpaceLayout } from './SpaceToc';
import { useArchivePage, usePage, usePlacePage, useSpace, type PageData, type SpaceDetailData } from './use-knowledge';

/** Where the page sits in its book: directly in it, or in one of its chapters (whoever may edit it moves it). */
function ChapterPicker({ page, space }: { page: PageData; space: SpaceDetailData }) {
  const { t } = useTranslation();
  const place = usePlacePage();
  const book = space.books.find((b) => b.id === page.bookId);
  if (!book || book.chapters.length === 0) return null;
  return (
    <Stack gap={4} maw={360}>
      <Select
        label={t('knowledge.chapters.label')}
        data={[{ value: '', label: t('knowledge.chapters.none') }, ...book.chapters.map((c) => ({ value: c.id, label: c.name }))]}
        value={page.chapterId ?? ''}
        allowDeselect={false}
        disabled={place.isPending}
        onChange={(v) => place.mutate({ id: page.id, chapterId: v ? v : null })}
      />
      <ErrorAlert error={place.error} />
    </Stack>
  );
}

/** A page as its readers see it, with the space's table of contents beside it. */
export default function KbPagePage() {
  const { t } = useTranslation();
  const { pageId } = useParams();
  const page = usePage(pageId);
  const space = useSpace(page.data?.spaceId);
  const archive = useArchivePage();
  const navigate = useNavigate();
  const format = useFormat();
  const [confirming, setConfirming] = useState(false);
  const p = page.data;
  return (
    <Page
      title={p?.title ?? t('knowledge.title')}
      actions={
        p && (
          <>
            <Button variant="default" component={Link} to={`/knowledge/pages/${p.id}/history`} leftSection={<IconHistory size={16} />}>
              {t('knowledge.history')}
            </Button>
            {p.canEdit && (
              <Button component={Link} to={`/knowledge/pages/${p.id}/edit`} leftSection={<IconEdit size={16} />}>
                {t('knowledge.edit')}
              </Button>
            )}
          </>
        )
      }
    >
      {page.error && <ErrorAlert error={page.error} />}
      {p && (
        <SpaceLayout space={space.data} pageId={p.id}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              <Anchor component={Link} to={`/knowledge/spaces/${p.spaceId}`} size="sm">
                {p.spaceName}
              </Anchor>{' '}
              · {p.bookName}
              {p.chapterName ? ` · ${p.chapterName}` : ''} · {t('knowledge.revision', { n: p.currentRevision })} ·{' '}
              {p.updatedByName ? t('knowledge.updated', { date: format.date(p.updatedAt, { dateStyle: 'long' }), name: p.updatedByName }) : t('knowledge.updatedNoName', { date: format.date(p.updatedAt, { dateStyle: 'long' }) })}
            </Text>
            <Markdown source={p.body} />
            {p.canEdit && space.data && <ChapterPicker page={p} space={space.data} />}
            {p.canManage && (
              <Group>
                <Button variant="subtle" color="red" size="compact-sm" onClick={() => setConfirming(true)}>
                  {t('knowledge.archive')}
                </Button>
                <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('knowledge.archive')}>
                  <Stack>
                    <Text size="sm">{t('knowledge.archiveConfirm')}</Text>
                    <ErrorAlert error={archive.error} />
                    <Group justify="flex-end">
                      <Button variant="default" onClick={() => setConfirming(false)}>
                        {t('knowledge.cancel')}
                      </Button>
                      <Button
                        color="red"
                        loading={archive.isPending}
                        onClick={() =>
                          archive.mutate(p.id, {
                            onSuccess: () => {
                              notifications.show({ message: t('knowledge.archived') });
                              void navigate(`/knowledge/spaces/${p.spaceId}`);
                            },
                          })
                        }
                      >
                        {t('knowledge.archive')}
                      </Button>
                    </Group>
                  </Stack>
                </Modal>
              </Group>
            )}
          </Stack>
        </SpaceLayout>
      )}
    </Page>
  );
}
