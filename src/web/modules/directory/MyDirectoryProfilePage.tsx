import { ActionIcon, Alert, Button, Card, Checkbox, Group, Select, SegmentedControl, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconEye, IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileField, SaveProfileBody, Visibility } from '../../../modules/directory/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { isApiError } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { PhotoEditor, PortfolioEditor } from './ProfileFilesEditor';
import { useDirectorySettings, useMyDirectoryProfile, useSaveMyProfile, useSkillVocabulary, type ProfileData } from './use-directory';

type Values = Omit<SaveProfileBody, 'trade' | 'pitch' | 'city' | 'availabilityNote' | 'email' | 'phone' | 'availability'> & {
  trade: string;
  pitch: string;
  city: string;
  availability: string;
  availabilityNote: string;
  email: string;
  phone: string;
};

/** Hidden reads grey, members blue, public green: the choice shows at a glance down the form. */
const VISIBILITY_COLOR: Record<Visibility, string> = { hidden: 'gray', members: 'blue', public: 'teal' };

const valuesOf = (p: ProfileData): Values => ({
  listed: p.listed ?? false,
  visibility: p.visibility!,
  trade: p.trade ?? '',
  skills: p.skills ?? [],
  poles: p.poles ?? [],
  sectors: p.sectors ?? [],
  pitch: p.pitch ?? '',
  links: p.links ?? [],
  city: p.city ?? '',
  availability: p.availability ?? '',
  availabilityNote: p.availabilityNote ?? '',
  languages: p.languages ?? [],
  email: p.email ?? '',
  phone: p.phone ?? '',
});

/** The member writes her public face and chooses, next to each field, who sees it. */
export default function MyDirectoryProfilePage() {
  const { t } = useTranslation();
  const mine = useMyDirectoryProfile();
  if (mine.error) {
    return (
      <Page title={t('directory.editor.title')}>
        {isApiError(mine.error, 'NOT_A_MEMBER') ? <Alert color="gray">{t('directory.editor.notMember')}</Alert> : <ErrorAlert error={mine.error} />}
      </Page>
    );
  }
  if (!mine.data) return <FullPageLoader />;
  return <Editor profile={mine.data} />;
}

function Editor({ profile }: { profile: ProfileData }) {
  const { t } = useTranslation();
  const vocabulary = useSkillVocabulary();
  const settings = useDirectorySettings();
  const save = useSaveMyProfile();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: valuesOf(profile) });
  useEffect(() => {
    form.setValues(valuesOf(profile));
    form.resetDirty();
  }, [profile.updatedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const visibilityOf = (field: ProfileField) => (
    <SegmentedControl
      size="xs"
      color={VISIBILITY_COLOR[form.values.visibility[field]]}
      aria-label={`${t('directory.visibility.legend')} ${t(`directory.fields.${field}`)}`}
      data-testid={`visibility-${field}`}
      data={(['hidden', 'members', 'public'] as const).map((v) => ({ value: v, label: t(`directory.visibility.${v}`) }))}
      value={form.values.visibility[field]}
      onChange={(v) => form.setFieldValue(`visibility.${field}`, v as Visibility)}
    />
  );
  const row = (field: ProfileField, input: ReactNode) => (
    <Stack gap={4}>
      {input}
      <Group gap={6} wrap="nowrap">
        <IconEye size={14} aria-hidden />
        {visibilityOf(field)}
      </Group>
    </Stack>
  );

  const submit = form.onSubmit((v) => {
    setError(null);
    const body: SaveProfileBody = {
      ...v,
      trade: v.trade,
      pitch: v.pitch,
      city: v.city,
      availabilityNote: v.availabilityNote,
      availability: (v.availability || null) as SaveProfileBody['availability'],
      email: v.email.trim() || null,
      phone: v.phone,
    };
    save.mutate(body, {
      onSuccess: () => notifications.show({ message: t('directory.editor.saved'), color: 'green' }),
      onError: (e) => setError(applyApiError(form, e)),
    });
  });

  return (
    <Page title={t('directory.editor.title')}>
      <Text>{t('directory.editor.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('directory.visibility.help')}
      </Text>
      <form onSubmit={submit}>
        <Stack gap="lg">
          <ErrorAlert>{error}</ErrorAlert>
          <Card withBorder>
            <Stack gap="md">
              {row('photo', <PhotoEditor profile={profile} />)}
              {row('trade', <TextInput label={t('directory.fields.trade')} {...form.getInputProps('trade')} />)}
              {row(
                'skills',
                <TagsInput
                  label={t('directory.fields.skills')}
                  description={t('directory.editor.skillsHint')}
                  data={(vocabulary.data?.items ?? []).map((s) => s.label)}
                  maxTags={30}
                  clearable
                  {...form.getInputProps('skills')}
                  data-testid="skills-input"
                />,
              )}
              {row(
                'poles',
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TagsInput label={t('directory.fields.polesOnly')} description={t('directory.editor.tagsHint')} maxTags={10} {...form.getInputProps('poles')} />
                  <TagsInput label={t('directory.fields.sectors')} description={t('directory.editor.tagsHint')} maxTags={10} {...form.getInputProps('sectors')} />
                </SimpleGrid>,
              )}
              {row('pitch', <Textarea label={t('directory.fields.pitch')} autosize minRows={3} maxLength={600} {...form.getInputProps('pitch')} />)}
              {row('city', <TextInput label={t('directory.fields.city')} {...form.getInputProps('city')} />)}
              {row(
                'availability',
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Select
                    label={t('directory.fields.availability')}
                    clearable
                    data={(['available', 'partly', 'unavailable'] as const).map((a) => ({ value: a, label: t(`directory.availability.${a}`) }))}
                    {...form.getInputProps('availability')}
                    value={form.values.availability || null}
                    onChange={(v) => form.setFieldValue('availability', v ?? '')}
                  />
                  <TextInput label={t('directory.fields.availabilityNote')} {...form.getInputProps('availabilityNote')} />
                </SimpleGrid>,
              )}
              {row('languages', <TagsInput label={t('directory.fields.languages')} description={t('directory.editor.tagsHint')} maxTags={10} {...form.getInputProps('languages')} />)}
              {row(
                'links',
                <Stack gap="xs">
                  <Text size="sm" fw={500}>
                    {t('directory.fields.links')}
                  </Text>
                  {form.values.links.map((_, i) => (
                    <Group key={i} gap="xs" align="flex-start" wrap="wrap">
                      <TextInput aria-label={t('directory.editor.linkLabel')} placeholder={t('directory.editor.linkLabel')} style={{ flex: '1 1 120px' }} {...form.getInputProps(`links.${i}.label`)} />
                      <TextInput aria-label={t('directory.editor.linkUrl')} placeholder={t('directory.editor.linkUrl')} style={{ flex: '2 1 180px' }} {...form.getInputProps(`links.${i}.url`)} />
                      <ActionIcon variant="subtle" color="red" aria-label={t('directory.editor.removeLink')} onClick={() => form.removeListItem('links', i)} mt={6}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  ))}
                  {form.values.links.length < 10 && (
                    <Group>
                      <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('links', { label: '', url: '' })}>
                        {t('directory.editor.addLink')}
                      </Button>
                    </Group>
                  )}
                </Stack>,
              )}
              {row('email', <TextInput type="email" label={t('directory.fields.email')} {...form.getInputProps('email')} />)}
              {row('phone', <TextInput type="tel" label={t('directory.fields.phone')} {...form.getInputProps('phone')} data-testid="phone-input" />)}
            </Stack>
          </Card>
          <Card withBorder>
            <PortfolioEditor profile={profile} />
          </Card>
          <Stack gap={4}>
            <Checkbox label={t('directory.editor.listed')} {...form.getInputProps('listed', { type: 'checkbox' })} />
            {settings.data && !settings.data.publicDirectory && (
              <Text size="sm" c="dimmed">
                {t('directory.editor.listedOff')}
              </Text>
            )}
          </Stack>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('directory.editor.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
