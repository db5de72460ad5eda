import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIban } from '../../../platform/identifiers/contract';
import { useFormat } from '../../lib/format';
import { useMemberLabels } from './labels';
import type { MemberData } from './use-members';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children || <Text size="sm">—</Text>}</div>
    </Stack>
  );
}

const Tags = ({ values }: { values: string[] }) => (
  <Group gap={4}>
    {values.map((v) => (
      <Badge key={v} variant="default" size="sm" tt="none">
        {v}
      </Badge>
    ))}
  </Group>
);

/** The read-only profile of a member. */
export function MemberProfileCard({ member }: { member: MemberData }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const format = useFormat();
  const address = [member.addressLine1, member.addressLine2, [member.postalCode, member.city].filter(Boolean).join(' ')].filter(Boolean);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
      <Item label={t('members.fields.email')}>
        <Text size="sm">{member.email}</Text>
      </Item>
      <Item label={t('members.fields.phone')}>{member.phone && <Text size="sm">{member.phone}</Text>}</Item>
      <Item label={t('members.fields.membershipType')}>
        <Text size="sm">{labels.type(member.membershipType)}</Text>
      </Item>
      <Item label={t('members.fields.advisor')}>{member.advisorName && <Text size="sm">{member.advisorName}</Text>}</Item>
      {(member.companyName || member.siret) && (
        <Item label={t('members.profile.company')}>
          <Text size="sm">
            {member.companyName}
            {member.siret && ` · SIRET ${member.siret}`}
          </Text>
        </Item>
      )}
      <Item label={t('members.fields.pole')}>{member.pole && <Text size="sm">{labels.pole(member.pole)}</Text>}</Item>
      <Item label={t('members.profile.address')}>
        {address.length > 0 && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {address.join('\n')}
          </Text>
        )}
      </Item>
      <Item label={t('members.bank.title')}>
        {member.iban && (
          <Text size="sm" ff="monospace" data-testid="member-iban-shown">
            {formatIban(member.iban)}
            {member.bic && ` · BIC ${member.bic}`}
          </Text>
        )}
      </Item>
      <Item label={t('members.fields.createdAt')}>
        <Text size="sm">{format.date(member.createdAt)}</Text>
      </Item>
      <Item label={t('members.fields.skills')}>
        {member.skills.length > 0 && <Tags values={member.skills} />}
      </Item>
      <Item label={t('members.fields.trades')}>
        {member.trades.length > 0 && <Tags values={member.trades} />}
      </Item>
      {member.bio && (
        <Item label={t('members.fields.bio')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {member.bio}
          </Text>
        </Item>
      )}
    </SimpleGrid>
  );
}
