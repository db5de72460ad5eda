import { Anchor, Card, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/Page';
import { PublicPageFrame } from '../../components/PublicPage';
import { ApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { Markdown } from './Markdown';
import { SearchHits } from './SearchHits';
import { SpaceLayout, Toc } from './SpaceToc';
import { usePublicPage, usePublicSearch, usePublicSpace, usePublicSpaces } from './use-knowledge';

// The public pages of a coop's knowledge base, for anyone without an account: only the spaces
// (and books) marked public; the API answers 404 for everything else, and so do these pages,
// without a title.

const root = (coopId: string) => `/savoirs/${coopId}`;
const pageLink = (coopId: string) => (id: string) => `${root(coopId)}/pages/${id}`;
const spaceLink = (coopId: string) => (id: string) => `${root(coopId)}/spaces/${id}`;

function NotFoundOr({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404)
    return (
      <Text c="dimmed" data-testid="kb-public-not-found">
        {t('knowledge.public.notFound')}
      </Text>
    );
  return <ErrorAlert error={error} />;
}

function Search({ coopId }: { coopId: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const search = usePublicSearch(coopId, debounced);
  return (
    <Stack gap="sm">
      <TextInput label={t('knowledge.searchLabel')} placeholder={t('knowledge.searchPlaceholder')} leftSection={<IconSearch size={16} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {debounced.length >= 2 && <SearchHits q={debounced} search={search} linkTo={pageLink(coopId)} />}
    </Stack>
  );
}

function Home({ coopId }: { coopId: string }) {
  const { t } = useTranslation();
  const spaces = usePublicSpaces(coopId);
  const title = spaces.data ? t('knowledge.public.title', { coop: spaces.data.coopName }) : t('knowledge.title');
  usePageTitle(title);
  if (spaces.error) return <NotFoundOr error={spaces.error} />;
  if (!spaces.data) return <Loader size="sm" />;
  return (
    <Stack gap="lg">
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
        {title}
      </Title>
      <Search coopId={coopId} />
      <Title order={2} fz="h4">
        {t('knowledge.public.spaces')}
      </Title>
      {spaces.data.items.length === 0 && <Text c="dimmed">{t('knowledge.public.none')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {spaces.data.items.map((s) => (
          <Card key={s.id} withBorder>
            <Anchor component={Link} to={spaceLink(coopId)(s.id)} fw={600}>
              {s.name}
            </Anchor>
            {s.description && (
              <Text size="sm" c="dimmed">
                {s.description}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function Space({ coopId, spaceId }: { coopId: string; spaceId: string }) {
  const { t } = useTranslation();
  const space = usePublicSpace(coopId, spaceId);
  usePageTitle(space.data?.name ?? t('knowledge.title'));
  if (space.error) return <NotFoundOr error={space.error} />;
  if (!space.data) return <Loader size="sm" />;
  const s = space.data;
  return (
    <Stack gap="md">
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
        {s.name}
      </Title>
      <Text size="sm" c="dimmed">
        {s.coopName}
      </Text>
      {s.description && <Text>{s.description}</Text>}
      <Card withBorder>
        <Toc space={s} linkTo={pageLink(coopId)} />
      </Card>
    </Stack>
  );
}

function PublicPage({ coopId, pageId }: { coopId: string; pageId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const page = usePublicPage(coopId, pageId);
  const space = usePublicSpace(coopId, page.data?.spaceId);
  usePageTitle(page.data?.title ?? t('knowledge.title'));
  if (page.error) return <NotFoundOr error={page.error} />;
  if (!page.data) return <Loader size="sm" />;
  const p = page.data;
  return (
    <SpaceLayout space={space.data} pageId={p.id} spaceLink={spaceLink(coopId)} linkTo={pageLink(coopId)}>
      <Stack gap="md">
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }}>
          {p.title}
        </Title>
        <Text size="sm" c="dimmed">
          {p.spaceName} · {p.bookName}
          {p.chapterName ? ` · ${p.chapterName}` : ''} · {t('knowledge.updatedNoName', { date: format.date(p.updatedAt, { dateStyle: 'long' }) })}
        </Text>
        <Markdown source={p.body} />
      </Stack>
    </SpaceLayout>
  );
}

/** `/savoirs/:coopId`, `/savoirs/:coopId/spaces/:spaceId`, `/savoirs/:coopId/pages/:pageId`. */
export default function PublicKnowledgePage() {
  const { t } = useTranslation();
  const { coopId = '', spaceId, pageId } = useParams();
  // The public frame carries the language switch: a visitor from a partner network may read in English.
  return (
    <PublicPageFrame>
      <Stack gap="md">
        {(spaceId || pageId) && (
          <Group>
            <Anchor component={Link} to={root(coopId)} size="sm">
              ← {t('knowledge.public.back')}
            </Anchor>
          </Group>
        )}
        {pageId ? <PublicPage coopId={coopId} pageId={pageId} /> : spaceId ? <Space coopId={coopId} spaceId={spaceId} /> : <Home coopId={coopId} />}
      </Stack>
    </PublicPageFrame>
  );
}
