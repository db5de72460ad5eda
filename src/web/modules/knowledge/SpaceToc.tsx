import { Anchor, Box, Button, Collapse, Grid, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PHONE_QUERY } from '../../components/ListTable';

type TocLink = { id: string; title: string };
/** What a table of contents needs of a space: the member's detail and the public one both fit. */
export type TocSpace = { id: string; name: string; books: { id: string; name: string; pages: TocLink[]; chapters: { id: string; name: string; pages: TocLink[] }[] }[] };

function TocPages({ pages, pageId, linkTo }: { pages: TocLink[]; pageId?: string | undefined; linkTo: (id: string) => string }) {
  return (
    <Stack gap={2} pl="xs" mt={2}>
      {pages.map((p) => (
        <Anchor key={p.id} component={Link} to={linkTo(p.id)} size="sm" fw={p.id === pageId ? 700 : 400} aria-current={p.id === pageId ? 'page' : undefined}>
          {p.title}
        </Anchor>
      ))}
    </Stack>
  );
}

/** Books, then in each the pages that sit directly in it, then its chapters in order with theirs. */
export function Toc({ space, pageId, linkTo = (id) => `/knowledge/pages/${id}` }: { space: TocSpace; pageId?: string | undefined; linkTo?: ((id: string) => string) | undefined }) {
  const { t } = useTranslation();
  if (space.books.length === 0) return <Text c="dimmed" size="sm">{t('knowledge.noBooks')}</Text>;
  return (
    <Stack gap="sm" component="nav" aria-label={t('knowledge.toc')}>
      {space.books.map((book) => (
        <Box key={book.id}>
          <Text fw={600} size="sm">
            {book.name}
          </Text>
          {book.pages.length === 0 && book.chapters.length === 0 && (
            <Text c="dimmed" size="xs">
              {t('knowledge.noPages')}
            </Text>
          )}
          {book.pages.length > 0 && <TocPages pages={book.pages} pageId={pageId} linkTo={linkTo} />}
          {book.chapters.map((c) => (
            <Box key={c.id} pl="xs" mt={4}>
              <Text size="sm" fs="italic" c="dimmed">
                {c.name}
              </Text>
              <TocPages pages={c.pages} pageId={pageId} linkTo={linkTo} />
            </Box>
          ))}
        </Box>
      ))}
    </Stack>
  );
}

/**
 * A space's table of contents beside the content: a side panel on a wide screen; on a phone a
 * button above the content opens it, so the text keeps the whole width.
 */
export function SpaceLayout({ space, pageId, children, spaceLink = (id) => `/knowledge/spaces/${id}`, linkTo }: { space: TocSpace | undefined; pageId?: string | undefined; children: ReactNode; spaceLink?: ((id: string) => string) | undefined; linkTo?: ((id: string) => string) | undefined }) {
  const { t } = useTranslation();
  const phone = useMediaQuery(PHONE_QUERY);
  const [open, { toggle }] = useDisclosure(false);
  if (!space) return <>{children}</>;
  const title = (
    <Anchor component={Link} to={spaceLink(space.id)} fw={700}>
      {space.name}
    </Anchor>
  );
  if (phone)
    return (
      <Stack gap="sm">
        <Paper withBorder p="xs">
          <Stack gap="xs">
            {title}
            <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={open} data-testid="kb-toc-toggle">
              {open ? t('knowledge.hideToc') : t('knowledge.showToc')}
            </Button>
            <Collapse expanded={open}>
              <Toc space={space} pageId={pageId} linkTo={linkTo} />
            </Collapse>
          </Stack>
        </Paper>
        {children}
      </Stack>
    );
  return (
    <Grid gap="lg">
      <Grid.Col span={3}>
        <Paper withBorder p="sm" style={{ position: 'sticky', top: 16 }}>
          <Stack gap="sm">
            {title}
            <Toc space={space} pageId={pageId} linkTo={linkTo} />
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={9} miw={0}>
        {children}
      </Grid.Col>
    </Grid>
  );
}
