import { ActionIcon, Badge, Button, Card, Chip, Collapse, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAdjustments, IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListPager } from '../../components/ListPager';
import { Page } from '../../components/Page';
import { isApiError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { ProfileCard } from './ProfileCard';
import { useAddSkill, useDirectory, useDirectorySettings, useFreeSkills, usePoles, useRemoveSkill, useSaveDirectorySettings, useSkillVocabulary } from './use-directory';

const PAGE_SIZE = 24;
const AVAILABILITIES = ['available', 'partly', 'unavailable'] as const;

/** The member directory: search and filters kept in the address (a search can be shared), cards of what each member shows. */
export default function DirectoryPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [city, setCity] = useState(params.get('city') ?? '');
  const [debouncedCity] = useDebouncedValue(city, 250);
  const skill = params.get('skill') ?? '';
  const availability = params.get('availability') ?? '';
  const pole = params.get('pole') ?? '';
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const activeFilters = [skill, pole, params.get('city') ?? '', availability].filter(Boolean).length;
  const page = Number(params.get('page') ?? '1') || 1;

  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );
  useEffect(() => set('q', debouncedQ.trim()), [debouncedQ]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => set('city', debouncedCity.trim()), [debouncedCity]); // eslint-disable-line react-hooks/exhaustive-deps

  const list = useDirectory({ q: params.get('q') || undefined, skill: skill || undefined, pole: pole || undefined, city: params.get('city') || undefined, availability: availability || undefined, page, pageSize: PAGE_SIZE });
  const vocabulary = useSkillVocabulary();
  const poles = usePoles();

  return (
    <Page
      title={t('directory.title')}
      actions={
        hasRole('member') && (
          <Button component={Link} to="/directory/me" variant="light">
            {t('directory.editMine')}
          </Button>
        )
      }
    >
      <Stack gap="sm">
        <TextInput
          label={t('directory.searchLabel')}
          placeholder={t('directory.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="directory-search"
        />
        {phone && (
          <Button variant="light" leftSection={<IconAdjustments size={16} />} onClick={toggleFilters} aria-expanded={filtersOpen} data-testid="directory-filters-toggle">
            {activeFilters > 0 ? t('directory.filtersActive', { count: activeFilters }) : t('directory.filters')}
          </Button>
        )}
        {/* On a phone the filters fold under one button, so the list shows under the search. */}
        <Collapse expanded={!phone || filtersOpen}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t('directory.skillFilter')}
                searchable
                clearable
                data={(vocabulary.data?.items ?? []).map((s) => s.label)}
                value={skill || null}
                onChange={(v) => set('skill', v ?? '')}
              />
              <Select label={t('directory.poleFilter')} searchable clearable data={poles.data?.items ?? []} value={pole || null} onChange={(v) => set('pole', v ?? '')} data-testid="directory-pole" />
              <TextInput label={t('directory.cityFilter')} value={city} onChange={(e) => setCity(e.currentTarget.value)} />
            </SimpleGrid>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('directory.availabilityFilter')}
              </Text>
              <Chip.Group multiple={false} value={availability || 'any'} onChange={(v) => set('availability', v === 'any' ? '' : v)}>
                <Group gap="xs">
                  <Chip value="any" size="sm">
                    {t('directory.anyAvailability')}
                  </Chip>
                  {AVAILABILITIES.map((a) => (
                    <Chip key={a} value={a} size="sm">
                      {t(`directory.availability.${a}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Stack>
          </Stack>
        </Collapse>
      </Stack>

      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" data-testid="directory-count">
            {t('directory.count', { count: list.data.total })}
          </Text>
          {list.data.items.length === 0 ? (
            <Text>{t('directory.empty')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {list.data.items.map((p) => (
                <ProfileCard key={p.memberId} profile={p} to={`/directory/${p.memberId}`} />
              ))}
            </SimpleGrid>
          )}
          <ListPager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => set('page', String(p))} label={t('directory.pager')} />
        </Stack>
      )}

      {hasRole('admin', 'staff') && <VocabularyCard />}
      {hasRole('admin') && <PublicDirectoryCard />}
    </Page>
  );
}

/** Staff keep the vocabulary: add a word, remove one, promote the words members wrote. */
function VocabularyCard() {
  const { t } = useTranslation();
  const vocabulary = useSkillVocabulary();
  const free = useFreeSkills(true);
  const add = useAddSkill();
  const remove = useRemoveSkill();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (value: string) =>
    add.mutate(value, {
      onSuccess: () => {
        setLabel('');
        setError(null);
      },
      onError: (e) => setError(isApiError(e) ? [e.message, ...e.fields.map((f) => f.message)].join(' ') : String(e)),
    });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('directory.staff.vocabulary')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('directory.staff.vocabularyHint')}
        </Text>
        <Group gap={6}>
          {(vocabulary.data?.items ?? []).map((s) => (
            <Badge
              key={s.id}
              variant="light"
              tt="none"
              rightSection={
                <ActionIcon size="xs" variant="transparent" aria-label={t('directory.staff.remove', { label: s.label })} onClick={() => remove.mutate(s.id)}>
                  <IconX size={12} />
                </ActionIcon>
              }
            >
              {s.label}
            </Badge>
          ))}
        </Group>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (label.trim()) submit(label.trim());
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput label={t('directory.staff.newSkill')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={error} style={{ flex: 1, minWidth: 160 }} />
            <Button type="submit" loading={add.isPending}>
              {t('directory.staff.add')}
            </Button>
          </Group>
        </form>
        <Title order={3} fz="h5">
          {t('directory.staff.free')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('directory.staff.freeHint')}
        </Text>
        {(free.data?.items ?? []).length === 0 && <Text size="sm">{t('directory.staff.noFree')}</Text>}
        <Stack gap={4}>
          {(free.data?.items ?? []).slice(0, 15).map((s) => (
            <Group key={s.label} justify="space-between" wrap="wrap" gap={4}>
              <Text size="sm">
                {s.label} · {t('directory.staff.profiles', { count: s.profiles })}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => submit(s.label)}>
                {t('directory.staff.promote')}
              </Button>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

/** The coop's management publishes the directory (or not) at an address of its choosing. */
function PublicDirectoryCard() {
  const { t } = useTranslation();
  const settings = useDirectorySettings();
  const save = useSaveDirectorySettings();
  const [publish, setPublish] = useState(false);
  const [slug, setSlug] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) {
      setPublish(settings.data.publicDirectory);
      setSlug(settings.data.publicSlug ?? '');
    }
  }, [settings.data]);
  const url = settings.data?.publicDirectory && settings.data.publicSlug ? `${window.location.origin}/annuaire/${settings.data.publicSlug}` : null;
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { publicDirectory: publish, publicSlug: slug.trim() || null },
            {
              onSuccess: () => {
                setError(null);
                notifications.show({ message: t('directory.settings.saved'), color: 'green' });
              },
              onError: (err) => setError(isApiError(err) ? [err.message, ...err.fields.map((f) => f.message)].join(' ') : String(err)),
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('directory.settings.title')}
          </Title>
          <Switch label={t('directory.settings.publish')} checked={publish} onChange={(e) => setPublish(e.currentTarget.checked)} />
          <TextInput label={t('directory.settings.slug')} description={t('directory.settings.slugHint')} value={slug} onChange={(e) => setSlug(e.currentTarget.value)} error={error} />
          {url && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('directory.settings.address', { url })}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
