import { Anchor, Avatar, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { AvailabilityBadge, initialsOf, LeftBadge } from './ProfileCard';
import type { ProfileData } from './use-directory';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** A profile as the API let it through: a section is drawn only for a key that arrived. */
export function ProfileDetails({ profile }: { profile: ProfileData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = Object.keys(profile).filter((k) => !['memberId', 'name', 'listed', 'visibility', 'updatedAt', 'leftOn'].includes(k) && !(k === 'photoUrl' && !profile.photoUrl));
  return (
    <Card withBorder padding="lg" data-testid="directory-profile">
      <Stack gap="md">
        <Group gap="md" wrap="nowrap">
          <Avatar size="xl" color="teal" radius="xl" src={profile.photoUrl ?? undefined} alt={profile.photoUrl ? t('directory.files.photoOf', { name: profile.name }) : undefined} data-testid="profile-photo">
            {initialsOf(profile.name)}
          </Avatar>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={2} fz="h3">
              {profile.name}
            </Title>
            {profile.trade && <Text c="dimmed">{profile.trade}</Text>}
            {profile.leftOn && <LeftBadge leftOn={profile.leftOn} label={t('directory.left', { date: format.date(profile.leftOn) })} />}
          </Stack>
        </Group>
        {shown.length === 0 && <Text c="dimmed">{t('directory.profile.nothingShown')}</Text>}
        {profile.pitch && <Text style={{ whiteSpace: 'pre-line' }}>{profile.pitch}</Text>}
        {profile.availability && (
          <Item label={t('directory.fields.availability')}>
            <Group gap="xs">
              <AvailabilityBadge value={profile.availability} />
              {profile.availabilityNote && <Text size="sm">{profile.availabilityNote}</Text>}
            </Group>
          </Item>
        )}
        {profile.skills && profile.skills.length > 0 && (
          <Item label={t('directory.fields.skills')}>
            <Group gap={4}>
              {profile.skills.map((s) => (
                <Badge key={s} variant="outline" color="gray" tt="none">
                  {s}
                </Badge>
              ))}
            </Group>
          </Item>
        )}
        {((profile.poles?.length ?? 0) > 0 || (profile.sectors?.length ?? 0) > 0) && (
          <Item label={t('directory.fields.poles')}>
            <Text size="sm">{[...(profile.poles ?? []), ...(profile.sectors ?? [])].join(' · ')}</Text>
          </Item>
        )}
        {profile.city && (
          <Item label={t('directory.fields.city')}>
            <Text size="sm">{profile.city}</Text>
          </Item>
        )}
        {profile.languages && profile.languages.length > 0 && (
          <Item label={t('directory.fields.languages')}>
            <Text size="sm">{profile.languages.join(', ')}</Text>
          </Item>
        )}
        {profile.links && profile.links.length > 0 && (
          <Item label={t('directory.fields.links')}>
            <Stack gap={2}>
              {profile.links.map((l) => (
                <Anchor key={l.url} href={l.url} target="_blank" rel="noopener noreferrer nofollow" size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {l.label}
                </Anchor>
              ))}
            </Stack>
          </Item>
        )}
        {profile.files && profile.files.length > 0 && (
          <Item label={t('directory.fields.files')}>
            <Stack gap={4}>
              {profile.files.map((f) => (
                <Anchor key={f.id} href={f.url} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="profile-file">
                  <Group gap={4} wrap="nowrap" component="span">
                    <IconDownload size={14} aria-hidden />
                    {f.fileName}
                  </Group>
                </Anchor>
              ))}
            </Stack>
          </Item>
        )}
        {(profile.email || profile.phone) && (
          <Item label={t('directory.profile.contact')}>
            {profile.email && (
              <Anchor href={`mailto:${profile.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {profile.email}
              </Anchor>
            )}
            {profile.phone && (
              <Anchor href={`tel:${profile.phone.replace(/[^+0-9]/g, '')}`} size="sm" data-testid="directory-phone">
                {profile.phone}
              </Anchor>
            )}
          </Item>
        )}
      </Stack>
    </Card>
  );
}
