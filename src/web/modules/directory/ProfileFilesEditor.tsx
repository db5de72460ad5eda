import { ActionIcon, Anchor, Avatar, Button, FileButton, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileUpload, IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTO_TYPES, PORTFOLIO_TYPES, VISIBILITIES, type Visibility } from '../../../modules/directory/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { initialsOf } from './ProfileCard';
import { useAddPortfolioFile, useRemovePhoto, useRemovePortfolioFile, useSetFileVisibility, useUploadPhoto, type ProfileData } from './use-directory';

const messageOf = (e: unknown) => (isApiError(e) ? [e.message, ...e.fields.map((f) => f.message)].join(' ') : String(e));
const kilobytes = (n: number) => `${Math.max(1, Math.round(n / 1024))} Ko`;

/** The photo: sent at once (who sees it is chosen with the other fields, saved with the profile). */
export function PhotoEditor({ profile }: { profile: ProfileData }) {
  const { t } = useTranslation();
  const upload = useUploadPhoto(profile.memberId);
  const remove = useRemovePhoto(profile.memberId);
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('directory.fields.photo')}
      </Text>
      <Group gap="md" wrap="wrap">
        <Avatar size="xl" radius="xl" color="teal" src={profile.photoUrl ?? undefined} alt={profile.photoUrl ? t('directory.files.photoOf', { name: profile.name }) : undefined} data-testid="editor-photo">
          {initialsOf(profile.name)}
        </Avatar>
        <Group gap="xs">
          <FileButton
            accept={PHOTO_TYPES.join(',')}
            onChange={(file) => {
              if (!file) return;
              setError(null);
              upload.mutate(file, { onSuccess: () => notifications.show({ color: 'teal', message: t('directory.files.photoSaved') }), onError: (e) => setError(messageOf(e)) });
            }}
          >
            {(props) => (
              <Button size="xs" variant="light" leftSection={<IconPhotoUp size={14} />} loading={upload.isPending} {...props} data-testid="photo-upload">
                {profile.photoUrl ? t('directory.files.replacePhoto') : t('directory.files.addPhoto')}
              </Button>
            )}
          </FileButton>
          {profile.photoUrl && (
            <Button size="xs" variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate(undefined, { onError: (e) => setError(messageOf(e)) })}>
              {t('directory.files.removePhoto')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('directory.files.photoHint')}
      </Text>
      <ErrorAlert>{error}</ErrorAlert>
    </Stack>
  );
}

/** The portfolio: each file sent at once, each with its own audience (hidden until chosen). */
export function PortfolioEditor({ profile }: { profile: ProfileData }) {
  const { t } = useTranslation();
  const add = useAddPortfolioFile(profile.memberId);
  const setVisibility = useSetFileVisibility(profile.memberId);
  const remove = useRemovePortfolioFile(profile.memberId);
  const [visibility, setNewVisibility] = useState<Visibility>('hidden');
  const [error, setError] = useState<string | null>(null);
  const visibilityData = VISIBILITIES.map((v) => ({ value: v, label: t(`directory.visibility.${v}`) }));
  return (
    <Stack gap="sm">
      <Text size="sm" fw={500}>
        {t('directory.fields.files')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('directory.files.portfolioHint')}
      </Text>
      {(profile.files ?? []).length === 0 && (
        <Text size="sm" c="dimmed">
          {t('directory.files.none')}
        </Text>
      )}
      {(profile.files ?? []).map((f) => (
        <Stack key={f.id} gap={4} data-testid="portfolio-file">
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Anchor href={f.url} size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              {f.fileName}
            </Anchor>
            <Group gap={4} wrap="nowrap">
              <Text size="xs" c="dimmed">
                {kilobytes(f.sizeBytes)}
              </Text>
              <ActionIcon variant="subtle" color="red" aria-label={t('directory.files.remove', { name: f.fileName })} onClick={() => remove.mutate(f.id, { onError: (e) => setError(messageOf(e)) })}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Group>
          <SegmentedControl
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            aria-label={`${t('directory.visibility.legend')} ${f.fileName}`}
            data={visibilityData}
            value={f.visibility}
            onChange={(v) => setVisibility.mutate({ fileId: f.id, visibility: v as Visibility }, { onError: (e) => setError(messageOf(e)) })}
          />
        </Stack>
      ))}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label={t('directory.files.newVisibility')}
          data={visibilityData}
          value={visibility}
          allowDeselect={false}
          onChange={(v) => setNewVisibility((v ?? 'hidden') as Visibility)}
          w={180}
          data-testid="portfolio-visibility"
        />
        <FileButton
          accept={PORTFOLIO_TYPES.join(',')}
          onChange={(file) => {
            if (!file) return;
            setError(null);
            add.mutate({ file, visibility }, { onSuccess: () => notifications.show({ color: 'teal', message: t('directory.files.added') }), onError: (e) => setError(messageOf(e)) });
          }}
        >
          {(props) => (
            <Button variant="light" leftSection={<IconFileUpload size={16} />} loading={add.isPending} {...props} data-testid="portfolio-upload">
              {t('directory.files.add')}
            </Button>
          )}
        </FileButton>
      </Group>
      <ErrorAlert>{error}</ErrorAlert>
    </Stack>
  );
}
