import { Anchor, Badge, Group, Image, Loader, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HandoverView } from '../../../modules/resources/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import type { Wire } from '../../lib/wire';
import { useHandover } from './use-resource-ops';

/** The address of a handover photo: the server checks the booking is the reader's (or they are staff) before sending a byte. */
export const handoverPhotoUrl = (photoId: string) => `/api/resources/handover-photos/${photoId}`;

/**
 * What was recorded when a van or a piece of equipment left and came back: the odometer each
 * way, the kilometres driven, the fuel, the state notes and the photos of damage, each a
 * thumbnail that opens the full photo. Read by the member on their phone and by staff settling
 * a dispute over a scratch.
 */
export function HandoverDetails({ bookingId, timeZone }: { bookingId: string; timeZone: string }) {
  const { t } = useTranslation();
  const handover = useHandover(bookingId, true);
  if (handover.isError) return <ErrorAlert error={handover.error} />;
  if (!handover.data) return <Loader size="sm" />;
  const h = handover.data;
  if (!h.out) return <Text size="sm" c="dimmed">{t('resourceOps.details.notOut')}</Text>;
  return (
    <Stack gap="sm" data-testid={`handover-${bookingId}`}>
      {h.kilometresDriven !== null && (
        <Badge size="lg" color="indigo" variant="light" data-testid="km-driven">
          {t('resourceOps.kmDriven', { km: h.kilometresDriven })}
        </Badge>
      )}
      <Reading title="handedOut" reading={h.out} photos={h.photos.filter((p) => p.direction === 'out')} timeZone={timeZone} />
      {h.in ? <Reading title="returned" reading={h.in} photos={h.photos.filter((p) => p.direction === 'in')} timeZone={timeZone} /> : <Text size="sm" c="dimmed">{t('resourceOps.details.notBack')}</Text>}
    </Stack>
  );
}

function Reading({ title, reading, photos, timeZone }: { title: 'handedOut' | 'returned'; reading: NonNullable<Wire<HandoverView>['out']>; photos: Wire<HandoverView>['photos']; timeZone: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap={4}>
      <Title order={4} fz="sm">
        {t(`resourceOps.${title}`, { date: fmt.date(reading.at, { dateStyle: 'short', timeStyle: 'short', timeZone }) })}
      </Title>
      <Group gap="md" wrap="wrap">
        {reading.mileageKm !== null && <Text size="sm">{t('resourceOps.details.mileage', { km: new Intl.NumberFormat(fmt.lang === 'en' ? 'en-GB' : 'fr-FR').format(reading.mileageKm) })}</Text>}
        {reading.fuelPercent !== null && <Text size="sm">{t('resourceOps.details.fuel', { percent: reading.fuelPercent })}</Text>}
      </Group>
      {reading.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {reading.notes}
        </Text>
      )}
      {photos.length > 0 && (
        <SimpleGrid cols={{ base: 3, xs: 4 }} spacing="xs">
          {photos.map((p) => (
            <Anchor key={p.id} href={handoverPhotoUrl(p.id)} target="_blank" rel="noopener" aria-label={t('resourceOps.details.openPhoto', { name: p.fileName })} data-testid="handover-photo">
              <Image src={handoverPhotoUrl(p.id)} alt={p.fileName} h={80} radius="sm" fit="cover" fallbackSrc="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='80' height='80'%3E%3Crect width='80' height='80' fill='%23e9ecef'/%3E%3C/svg%3E" />
            </Anchor>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** Staff open a van or equipment booking from the calendar: its check-out and check-in. */
export function HandoverDialog({ bookingId, title, timeZone, onClose }: { bookingId: string; title: string; timeZone: string; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={title}>
      <HandoverDetails bookingId={bookingId} timeZone={timeZone} />
    </Modal>
  );
}
