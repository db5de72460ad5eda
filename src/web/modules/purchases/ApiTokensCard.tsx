import { Alert, Button, Card, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './use-purchases';

/** Settings: the tokens an approved platform uses to push received invoices; each shown once, revocable. */
export function ApiTokensCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [label, setLabel] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('purchases.tokens.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('purchases.tokens.help')}
        </Text>
        <ErrorAlert error={error ?? tokens.error} />
        {shown && (
          <Alert color="yellow" title={t('purchases.tokens.once')} data-testid="api-token-shown">
            <Code block style={{ wordBreak: 'break-all' }}>
              {shown}
            </Code>
          </Alert>
        )}
        <Group align="end" wrap="wrap">
          <TextInput label={t('purchases.tokens.label')} maxLength={100} value={label} onChange={(e) => setLabel(e.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
          <Button
            disabled={!label.trim()}
            loading={create.isPending}
            onClick={() => {
              setError(null);
              create.mutate(label, { onSuccess: (r) => { setShown(r.token); setLabel(''); }, onError: setError });
            }}
          >
            {t('purchases.tokens.create')}
          </Button>
        </Group>
        {(tokens.data?.items ?? []).map((tok) => (
          <Group key={tok.id} justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              {tok.label} — {t('purchases.tokens.created', { date: format.date(tok.createdAt) })}
              {tok.lastUsedAt ? ` — ${t('purchases.tokens.used', { date: format.dateTime(tok.lastUsedAt) })}` : ''}
            </Text>
            {tok.revokedAt ? (
              <Text size="sm" c="dimmed">
                {t('purchases.tokens.revoked')}
              </Text>
            ) : (
              <Button size="xs" variant="light" color="red" loading={revoke.isPending && revoke.variables === tok.id} onClick={() => revoke.mutate(tok.id, { onError: setError })}>
                {t('purchases.tokens.revoke')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
