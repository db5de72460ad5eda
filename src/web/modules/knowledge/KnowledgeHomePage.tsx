import { Anchor, Badge, Button, Card, Checkbox, Group, Loader, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { applyApiError } from '../../lib/forms';
import { useSession } from '../../lib/session';
import { SearchHits } from './SearchHits';
import { useCreateSpace, useSearch, useSpaces } from './use-knowledge';
import { VisibilityBadge } from './VisibilityBadge';

function SearchResults({ q }: { q: string }) {
  const search = useSearch(q);
  return <SearchHits q={q} search={search} linkTo={(id) => `/knowledge/pages/${id}`} />;
}

function NewSpaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSpace();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '', description: '', visibility: 'members' as 'staff' | 'members' | 'public', membersCanEdit: false, sharedWithNetwork: false } });
  return (
    <Modal opened={opened} onClose={onClose} title={t('knowledge.newSpace')}>
      <form
        onSubmit={form.onSubmit(async (values) => {
          setError(null);
          try {
            const space = await create.mutateAsync(values);
            onClose();
            void navigate(`/knowledge/spaces/${space.id}`);
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
            label={t('knowledge.visibility.label')}
            data={(['members', 'staff', 'public'] as const).map((v) => ({ value: v, label: t(`knowledge.visibility.${v}`) }))}
            allowDeselect={false}
            {...form.getInputProps('visibility')}
          />
          <Checkbox label={t('knowledge.fields.membersCanEdit')} {...form.getInputProps('membersCanEdit', { type: 'checkbox' })} />
          <Checkbox label={t('knowledge.fields.sharedWithNetwork')} {...form.getInputProps('sharedWithNetwork', { type: 'checkbox' })} />
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

/** The knowledge base's front page: a search box over every page the person reads, and the spaces as cards. */
export default function KnowledgeHomePage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff');
  const spaces = useSpaces();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('knowledge.title')}
      actions={
        <>
          <Button component={Link} to="/knowledge/questions" variant="default">
            {t('knowledge.qaNav')}
          </Button>
          {team && <Button onClick={() => setCreating(true)}>{t('knowledge.newSpace')}</Button>}
        </>
      }
    >
      <TextInput
        type="search"
        leftSection={<IconSearch size={16} aria-hidden />}
        label={t('knowledge.searchLabel')}
        placeholder={t('knowledge.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid="kb-search"
      />
      <SearchResults q={debounced} />
      <Title order={2} fz="h4">
        {t('knowledge.spaces')}
      </Title>
      {spaces.error && <ErrorAlert error={spaces.error} />}
      {spaces.data && spaces.data.items.length === 0 && <Text c="dimmed">{t('knowledge.noSpaces')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {spaces.data?.items.map((space) => (
          <Card key={space.id} withBorder padding="md" component={Link} to={`/knowledge/spaces/${space.id}`} data-testid="kb-space-card">
            <Stack gap={6}>
              <Text fw={700}>{space.name}</Text>
              {space.description && (
                <Text size="sm" c="dimmed" lineClamp={3}>
                  {space.description}
                </Text>
              )}
              <Group gap={6}>
                <VisibilityBadge visibility={space.visibility} />
                {space.fromOtherCoop && <Badge variant="outline">{t('knowledge.sharedBy', { coop: space.ownerCoopName })}</Badge>}
                {space.membersCanEdit && !space.fromOtherCoop && (
                  <Badge variant="light" color="gray">
                    {t('knowledge.membersEdit')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {t('knowledge.counts', { books: space.bookCount, pages: space.pageCount })}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {team && <NewSpaceModal opened={creating} onClose={() => setCreating(false)} />}
    </Page>
  );
}
