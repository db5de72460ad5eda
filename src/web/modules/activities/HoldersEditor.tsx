import { ActionIcon, Button, Group, Input, NumberInput, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FULL_SHARE_BP } from '../../../modules/activities/contract';
import { useLanguage } from '../../i18n';
import { formatShare, type HolderDraft, splitEvenly, totalBp } from './holders';
import { useMemberOptions } from './use-activities';

interface HoldersEditorProps {
  value: HolderDraft[];
  onChange: (next: HolderDraft[]) => void;
  /** The error of the whole list (the API answers on `holders`). */
  error?: ReactNode;
  /** Errors of one row's member picker, by index. */
  rowErrors?: (index: number) => ReactNode;
}

/**
 * Who holds an activity and their share in percent. Adding or removing a holder splits
 * 100 % evenly again (the leftover hundredths go to the first holders); the shares can
 * then be adjusted by hand, the total showing whether they add up to 100 %.
 */
export function HoldersEditor({ value, onChange, error, rowErrors }: HoldersEditorProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const options = useMemberOptions();
  const total = totalBp(value);
  const data = (options.data ?? []).map((m) => ({ value: m.id, label: m.name, disabled: m.status === 'left' }));

  const update = (index: number, patch: Partial<HolderDraft>) => onChange(value.map((h, i) => (i === index ? { ...h, ...patch } : h)));

  return (
    <Input.Wrapper label={t('activities.fields.holders')} error={error} withAsterisk>
      <Stack gap="xs" mt={4}>
        {value.map((holder, index) => {
          const taken = new Set(value.filter((_, i) => i !== index).map((h) => h.memberId));
          return (
            <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
              <Select
                flex={1}
                miw={0}
                searchable
                aria-label={t('activities.holders.member')}
                placeholder={t('activities.holders.pickMember')}
                data={data.filter((o) => !taken.has(o.value))}
                value={holder.memberId || null}
                onChange={(memberId) => update(index, { memberId: memberId ?? '' })}
                error={rowErrors?.(index)}
                nothingFoundMessage="—"
                data-testid={`holder-member-${index}`}
              />
              <NumberInput
                w={110}
                aria-label={t('activities.holders.share')}
                value={holder.percent}
                onChange={(percent) => update(index, { percent })}
                min={0}
                max={100}
                decimalScale={2}
                decimalSeparator={lang === 'fr' ? ',' : '.'}
                suffix=" %"
                hideControls
                data-testid={`holder-share-${index}`}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="input-sm"
                aria-label={t('activities.holders.remove')}
                disabled={value.length === 1}
                onClick={() => onChange(splitEvenly(value.filter((_, i) => i !== index)))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => onChange(splitEvenly([...value, { memberId: '', percent: 0 }]))}
              data-testid="holder-add"
            >
              {t('activities.holders.add')}
            </Button>
            <Button variant="subtle" size="xs" onClick={() => onChange(splitEvenly(value))} disabled={value.length === 0}>
              {t('activities.holders.splitEvenly')}
            </Button>
          </Group>
          <Text size="sm" fw={600} c={total === FULL_SHARE_BP ? 'teal' : 'red'} aria-live="polite">
            {t('activities.holders.total', { total: formatShare(total, lang) })}
          </Text>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
