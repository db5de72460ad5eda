import { Anchor, Badge, Button, Card, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { Markdown } from './Markdown';
import { usePage, useRestoreRevision, useRevision, useRevisions } from './use-knowledge';

/** A page's revisions, newest first: who changed what, how much, and a way back to any of them. */
export default function PageHistoryPage() {
  const { t } = useTranslation();
  const { pageId } = useParams();
  const page = usePage(pageId);
  const revisions = useRevisions(pageId);
  const restore = useRestoreRevision();
  const format = useFormat();
  const [viewing, setViewing] = useState<number | null>(null);
  const revision = useRevision(pageId, viewing);
  const p = page.data;
  return (
    <Page title={p ? t('knowledge.historyTitle', { title: p.title }) : t('knowledge.history')}>
      {p && (
        <Anchor component={Link} to={`/knowledge/pages/${p.id}`} size="sm">
          ← {p.title}
        </Anchor>
      )}
      <ErrorAlert error={page.error ?? revisions.error ?? restore.error} />
      <Stack gap="sm" data-testid="kb-history">
        {revisions.data?.items.map((r) => (
          <Card key={r.number} withBorder padding="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text fw={600}>{t('knowledge.revision', { n: r.number })}</Text>
                  {p && r.number === p.currentRevision && (
                    <Badge size="sm" variant="light">
                      {t('knowledge.current')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {format.dateTime(r.createdAt)}
                  {r.authorName ? ` · ${r.authorName}` : ''}
                </Text>
                <Text size="sm">
                  {t('knowledge.change', { added: r.linesAdded, removed: r.linesRemoved, chars: r.chars })}
                  {r.restoredFrom !== null ? ` · ${t('knowledge.restoredFrom', { n: r.restoredFrom })}` : ''}
                </Text>
              </Stack>
              <Group gap="xs">
                <Button size="compact-sm" variant="default" onClick={() => setViewing(r.number)}>
                  {t('knowledge.view')}
                </Button>
                {p?.canEdit && r.number !== p.currentRevision && (
                  <Button
                    size="compact-sm"
                    loading={restore.isPending && restore.variables?.number === r.number}
                    onClick={() =>
                      restore.mutate(
                        { id: p.id, number: r.number, expectedRevision: p.currentRevision },
                        { onSuccess: (saved) => notifications.show({ color: 'green', message: t('knowledge.restored', { n: r.number, m: saved.currentRevision }) }) },
                      )
                    }
                  >
                    {t('knowledge.restore')}
                  </Button>
                )}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      <Modal opened={viewing !== null} onClose={() => setViewing(null)} title={viewing !== null ? t('knowledge.revision', { n: viewing }) : ''} size="xl">
        {revision.data && (
          <Stack>
            <Text fw={700}>{revision.data.title}</Text>
            <Paper withBorder p="sm">
              <Markdown source={revision.data.body} />
            </Paper>
          </Stack>
        )}
      </Modal>
    </Page>
  );
}
