import { Anchor, Card, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { SearchHitData } from './use-knowledge';

/** The snippet with the words found in bold (offsets in characters, as the server cut them). */
function Snippet({ snippet }: { snippet: SearchHitData['snippet'] }) {
  const chars = Array.from(snippet.text);
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const range of snippet.highlights) {
    const [from, to] = range as [number, number];
    if (from > at) parts.push({ text: chars.slice(at, from).join(''), hit: false });
    parts.push({ text: chars.slice(from, to).join(''), hit: true });
    at = to;
  }
  if (at < chars.length) parts.push({ text: chars.slice(at).join(''), hit: false });
  return (
    <Text size="sm" c="dimmed">
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </Text>
  );
}

/** The pages found for `q`, each linked by `linkTo` (the member's page or the public one), naming its space, book and chapter. */
export function SearchHits({ q, search, linkTo }: { q: string; search: UseQueryResult<{ items: SearchHitData[] }>; linkTo: (pageId: string) => string }) {
  const { t } = useTranslation();
  if (q.trim().length < 2) return null;
  if (search.isLoading) return <Loader size="sm" />;
  if (search.error) return <ErrorAlert error={search.error} />;
  const items = search.data?.items ?? [];
  if (items.length === 0) return <Text c="dimmed">{t('knowledge.searchEmpty')}</Text>;
  return (
    <Stack gap="sm" data-testid="kb-search-results">
      {items.map((hit) => (
        <Card key={hit.pageId} withBorder padding="sm">
          <Anchor component={Link} to={linkTo(hit.pageId)} fw={600}>
            {hit.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {hit.chapterName ? t('knowledge.searchInChapter', { space: hit.spaceName, book: hit.bookName, chapter: hit.chapterName }) : t('knowledge.searchIn', { space: hit.spaceName, book: hit.bookName })}
          </Text>
          <Snippet snippet={hit.snippet} />
        </Card>
      ))}
    </Stack>
  );
}
