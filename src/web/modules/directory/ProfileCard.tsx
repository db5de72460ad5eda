import { Anchor, Avatar, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/format';
import type { ProfileData } from './use-directory';

/** "Camille Martin" → "CM": the card's avatar when the member shows no photo. */
export const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

const AVAILABILITY_COLOR = { available: 'green', partly: 'yellow', unavailable: 'gray' } as const;

export function AvailabilityBadge({ value }: { value: NonNullable<ProfileData['availability']> }) {
  const { t } = useTranslation();
  return (
    <Badge color={AVAILABILITY_COLOR[value]} variant="light">
      {t(`directory.availability.${value}`)}
    </Badge>
  );
}

/** "Parti(e) le 31/01/2026": a member who left, as only the staff still see her. */
export function LeftBadge({ label }: { leftOn: string; label: string }) {
  return (
    <Badge color="gray" variant="filled" tt="none" data-testid="left-badge">
      {label}
    </Badge>
  );
}

/** One member in the directory: only what the API let through (absent fields are simply not drawn). */
export function ProfileCard({ profile, to }: { profile: ProfileData; to: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="md" radius="md" data-testid="directory-card">
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Avatar color="teal" radius="xl" size="lg" src={profile.photoUrl ?? undefined} alt="" data-testid="card-photo">
            {initialsOf(profile.name)}
          </Avatar>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={to} fw={600}>
              {profile.name}
            </Anchor>
            {profile.trade && (
              <Text size="sm" c="dimmed">
                {profile.trade}
              </Text>
            )}
            {profile.leftOn && <LeftBadge leftOn={profile.leftOn} label={t('directory.left', { date: format.date(profile.leftOn) })} />}
          </Stack>
        </Group>
        {(profile.availability || profile.city) && (
          <Group gap="xs">
            {profile.availability && <AvailabilityBadge value={profile.availability} />}
            {profile.city && (
              <Group gap={4} wrap="nowrap">
                <IconMapPin size={14} aria-hidden />
                <Text size="sm">{profile.city}</Text>
              </Group>
            )}
          </Group>
        )}
        {profile.skills && profile.skills.length > 0 && (
          <Group gap={4}>
            {profile.skills.slice(0, 6).map((s) => (
              <Badge key={s} variant="outline" color="gray" tt="none">
                {s}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
