import { ActionIcon, Box, FileButton, Group, Image, ScrollArea, Stack, Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhotoPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { resourcePhotoUrl, useAddResourcePhoto, useRemoveResourcePhoto, useResourcePhotos } from './use-resource-photos';

/**
 * A resource's photos in a strip that scrolls inside its own box (a phone never scrolls the
 * page sideways). The team adds (JPEG, PNG, WebP) and deletes them; members only see them.
 * `count` (from the catalogue) spares the request when a resource has none and nobody manages.
 */
export function ResourcePhotos({ resourceId, count, manage = false }: { resourceId: string; count?: number; manage?: boolean }) {
  const { t } = useTranslation();
  const photos = useResourcePhotos(resourceId, manage || count === undefined || count > 0);
  const add = useAddResourcePhoto();
  const remove = useRemoveResourcePhoto();
  const items = photos.data?.items ?? [];
  if (!manage && items.length === 0) return null;
  return (
    <Stack gap={6} mt="xs" data-testid="resource-photos">
      {items.length > 0 && (
        <ScrollArea type="auto" offsetScrollbars>
          <Group gap={6} wrap="nowrap">
            {items.map((p) => (
              <Box key={p.id} pos="relative" style={{ flexShrink: 0 }}>
                <Image src={resourcePhotoUrl(resourceId, p.id)} alt={t('resources.photos.alt', { name: p.fileName })} w={112} h={80} radius="sm" fit="cover" loading="lazy" />
                {manage && (
                  <ActionIcon
                    pos="absolute"
                    top={4}
                    right={4}
                    size="sm"
                    color="red"
                    variant="filled"
                    aria-label={t('resources.photos.remove')}
                    loading={remove.isPending && remove.variables?.photoId === p.id}
                    onClick={() => remove.mutate({ resourceId, photoId: p.id }, { onSuccess: () => notifications.show({ message: t('resources.photos.removed') }) })}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                )}
              </Box>
            ))}
          </Group>
        </ScrollArea>
      )}
      {manage && (
        <Group gap="xs" wrap="wrap">
          <FileButton accept="image/jpeg,image/png,image/webp" onChange={(file) => file && add.mutate({ resourceId, file }, { onSuccess: () => notifications.show({ color: 'green', message: t('resources.photos.added') }) })}>
            {(props) => (
              <Button {...props} variant="light" size="xs" leftSection={<IconPhotoPlus size={14} />} loading={add.isPending}>
                {t('resources.photos.add')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('resources.photos.hint')}
          </Text>
        </Group>
      )}
      <ErrorAlert error={add.error ?? remove.error} />
    </Stack>
  );
}
