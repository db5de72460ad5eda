import { Anchor, Badge, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { todayInFrance } from '../../../platform/calendar/contract';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useCochallenges, useCreateCochallenge } from './use-cochallenge';

/** The coop's cochallenges: staff open and organise them; everyone reaches their day and the live counter. */
export default function CochallengesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { hasRole } = useSession();
  const manages = hasRole('admin', 'staff');
  const list = useCochallenges();
  return (
    <Page title={t('cochallenge.title')}>
      <Text size="sm" c="dimmed">
        {t('cochallenge.intro')}
      </Text>
      {list.error && <ErrorAlert error={list.error} />}
      {list.data?.items.length === 0 && <Text>{t('cochallenge.none')}</Text>}
      {list.data?.items.map((c) => (
        <Card withBorder key={c.id} data-testid="cochallenge-card">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={2}>
              <Title order={4}>{c.name}</Title>
              <Text size="sm">{format.date(c.day, { dateStyle: 'full' })}</Text>
            </Stack>
            <Badge variant="light">{t(`cochallenge.status.${c.status}`)}</Badge>
          </Group>
          <Group mt="sm" gap="md" wrap="wrap">
            {manages && (
              <Anchor component={Link} to={`/cochallenge/${c.id}`} data-testid="cochallenge-open">
                {t('cochallenge.open')}
              </Anchor>
            )}
            <Anchor component={Link} to={`/cochallenge/${c.id}/day`} data-testid="cochallenge-my-day">
              {t('cochallenge.myDay')}
            </Anchor>
            <Anchor component={Link} to={`/cochallenge/${c.id}/counter`} data-testid="cochallenge-counter">
              {t('cochallenge.counter')}
            </Anchor>
          </Group>
        </Card>
      ))}
      {manages && <CreateCard />}
    </Page>
  );
}

function CreateCard() {
  const { t } = useTranslation();
  const create = useCreateCochallenge();
  const [name, setName] = useState('');
  const [day, setDay] = useState(todayInFrance(new Date()));
  const [goal, setGoal] = useState<number | string>(100);
  const submit = () =>
    create.mutate(
      { name: name.trim(), day, goalPromises: Number(goal) },
      {
        onSuccess: () => {
          setName('');
          notifications.show({ color: 'teal', message: t('cochallenge.created') });
        },
      },
    );
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('cochallenge.create')}</Title>
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('cochallenge.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="cochallenge-name" />
          <DateField label={t('cochallenge.dayField')} value={day} onChange={setDay} data-testid="cochallenge-day" />
          <NumberInput label={t('cochallenge.goal')} value={goal} onChange={setGoal} min={1} max={100000} allowDecimal={false} data-testid="cochallenge-goal" />
          <Button onClick={submit} loading={create.isPending} disabled={!name.trim()} data-testid="cochallenge-create">
            {t('cochallenge.create')}
          </Button>
        </Group>
        {create.error && <ErrorAlert error={create.error} />}
      </Stack>
    </Card>
  );
}
