import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The app's mark and name. `hideNameOnPhone` keeps only the mark on narrow headers. */
export function Brand({ hideNameOnPhone = false }: { hideNameOnPhone?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={32} radius="md" variant="gradient" gradient={{ from: 'indigo.7', to: 'cyan.6', deg: 135 }}>
        <IconBuildingCommunity size={20} stroke={1.8} aria-hidden />
      </ThemeIcon>
      <Text component="span" fw={700} fz="lg" visibleFrom={hideNameOnPhone ? 'xs' : undefined}>
        {t('common.appName')}
      </Text>
    </Group>
  );
}
