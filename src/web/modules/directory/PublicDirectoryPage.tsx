import { Anchor, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ProfileView } from '../../../modules/directory/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListPager } from '../../components/ListPager';
import { usePageTitle } from '../../components/Page';
import { PublicPageFrame } from '../../components/PublicPage';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';
import { ProfileCard } from './ProfileCard';
import { ProfileDetails } from './ProfileDetails';
import { usePoles, type ProfileData } from './use-directory';

const PAGE_SIZE = 24;

/**
 * The coop's public directory, for anyone without an account: only the members who opted in,
 * only what they made public (the API sends nothing else). An unpublished address is a 404.
 * The public frame carries the brand and the language switch.
 */
export default function PublicDirectoryPage() {
  const { slug = '', memberId } = useParams();
  return (
    <PublicPageFrame>
      {memberId ? <PublicProfile slug={slug} memberId={memberId} /> : <PublicList slug={slug} />}
    </PublicPageFrame>
  );
}

function PublicList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [page, setPage] = useState(1);
  const [pole, setPole] = useState<string | null>(null);
  const poles = usePoles(slug);
  const list = useQuery({
    queryKey: ['public-directory', slug, debounced, pole, page],
    queryFn: ({ signal }) =>
      api.get<{ coopName: string; items: ProfileData[]; total: number; page: number; pageSize: number }>(`/api/directory/public/${encodeURIComponent(slug)}`, { query: { q: debounced || undefined, pole: pole ?? undefined, page, pageSize: PAGE_SIZE }, signal }),
    retry: false,
  });
  usePageTitle(list.data ? `${t('directory.title')} · ${list.data.coopName}` : t('directory.title'));
  return (
    <Stack gap="lg">
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
        {list.data ? `${t('directory.title')} · ${list.data.coopName}` : t('directory.title')}
      </Title>
      {list.error ? (
        <ErrorAlert error={list.error} />
      ) : (
        <>
          <TextInput
            label={t('directory.searchLabel')}
            placeholder={t('directory.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
          />
          {(poles.data?.items.length ?? 0) > 0 && (
            <Select
              label={t('directory.poleFilter')}
              clearable
              data={poles.data?.items ?? []}
              value={pole}
              onChange={(v) => {
                setPole(v);
                setPage(1);
              }}
            />
          )}
          {list.data && (
            <>
              <Text size="sm" c="dimmed">
                {t('directory.count', { count: list.data.total })}
              </Text>
              {list.data.items.length === 0 && <Text>{t('directory.empty')}</Text>}
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                {list.data.items.map((p) => (
                  <ProfileCard key={p.memberId} profile={p} to={`/annuaire/${slug}/${p.memberId}`} />
                ))}
              </SimpleGrid>
              <ListPager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} label={t('directory.pager')} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function PublicProfile({ slug, memberId }: { slug: string; memberId: string }) {
  const { t } = useTranslation();
  const profile = useQuery({
    queryKey: ['public-directory', slug, 'profile', memberId],
    queryFn: ({ signal }) => api.get<Wire<ProfileView>>(`/api/directory/public/${encodeURIComponent(slug)}/${encodeURIComponent(memberId)}`, { signal }),
    retry: false,
  });
  usePageTitle(profile.data?.name ?? t('directory.title'));
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/annuaire/${slug}`} size="sm">
        ← {t('directory.profile.back')}
      </Anchor>
      {profile.error && <ErrorAlert error={profile.error} />}
      {profile.data && <ProfileDetails profile={profile.data} />}
    </Stack>
  );
}
