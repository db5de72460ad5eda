import { Anchor, Box, Button, Collapse, Grid, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PHONE_QUERY } from '../../components/ListTable';
import type { SpaceDetailData } from './use-knowledge';

function Toc({ space, pageId }: { space: SpaceDetailData; pageId?: string | undefined }) {
  const { t } = useTranslation();
  if (space.books.length === 0) return <Text c="dimmed" size="sm">{t('knowledge.noBooks')}</Text>;
  return (
    <Stack gap="sm" component="nav" aria-label={t('knowledge.toc')}>
      {space.books.map((book) => (
        <Box key={book.id}>
          <Text fw={600} size="sm">
            {book.name}
          </Text>
          {book.pages.length === 0 ? (
            <Text c="dimmed" size="xs">
              {t('knowledge.noPages')}
            </Text>
          ) : (
            <Stack gap={2} pl="xs" mt={2}>
              {book.pages.map((p) => (
                <Anchor key={p.id} component={Link} to={`/knowledge/pages/${p.id}`} size="sm" fw={p.id === pageId ? 700 : 400} aria-current={p.id === pageId ? 'page' : undefined}>
                  {p.title}
                </Anchor>
              ))}
            </Stack>
          )}
        </Box>
      ))}
    </Stack>
  );
}

/**
 * A space's table of contents beside the content: a side panel on a wide screen; on a phone a
 * button above the content opens it, so the text keeps the whole width.
 */
export function SpaceLayout({ space, pageId, children }: { space: SpaceDetailData | undefined; pageId?: string | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const phone = useMediaQuery(PHONE_QUERY);
  const [open, { toggle }] = useDisclosure(false);
  if (!space) return <>{children}</>;
  const title = (
    <Anchor component={Link} to={`/knowledge/spaces/${space.id}`} fw={700}>
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
              <Toc space={space} pageId={pageId} />
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
            <Toc space={space} pageId={pageId} />
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={9} miw={0}>
        {children}
      </Grid.Col>
    </Grid>
  );
}
