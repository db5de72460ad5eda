import type { MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentKind, MembershipType, MemberStatus } from '../../../modules/members/contract';

/** Colours of the path: grey before, blue shades on the way, violet for associates, orange to red on the way out. */
export const STATUS_COLORS: Record<MemberStatus, MantineColor> = {
  candidate: 'gray',
  in_support: 'cyan',
  employee: 'blue',
  associate: 'grape',
  active: 'teal',
  leaving: 'orange',
  left: 'dark',
};

/** Translated names of statuses, membership types, poles and document kinds. */
export function useMemberLabels() {
  const { t } = useTranslation();
  return {
    status: (s: MemberStatus) => t(`members.statuses.${s}`),
    type: (m: MembershipType) => t(`members.types.${m}`),
    // A coop may name its own poles; the standard ones are translated.
    pole: (p: string) => t(`members.poles.${p}` as 'members.poles.technical', { defaultValue: p }),
    kind: (k: DocumentKind) => t(`members.documents.kinds.${k}`),
  };
}
