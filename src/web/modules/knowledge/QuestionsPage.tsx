import { Anchor, Badge, Button, Card, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { useAskQuestion, useQuestions, useSpaces } from './use-knowledge';

export function QuestionStatusBadge({ status }: { status: 'open' | 'answered' }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'answered' ? 'green' : 'yellow'} variant="light">
      {t(`knowledge.qa.${status}`)}
    </Badge>
  );
}

function AskModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const spaces = useSpaces();
  const ask = useAskQuestion();
  const [error, setError] = useState<string | null>(null);
  // Questions are asked in one's own coop's spaces (a shared space is read-only).
  const own = (spaces.data?.items ?? []).filter((s) => !s.fromOtherCoop);
  const form = useForm({ initialValues: { spaceId: '', title: '', body: '' } });
  return (
    <Modal opened onClose={onClose} title={t('knowledge.qa.ask')}>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const q = await ask.mutateAsync(values);
            onClose();
            void navigate(`/knowledge/questions/${q.id}`);
          } catch (err) {
            setError(applyApiError(form, err));
          }
        })}
      >
        <Stack>
          <ErrorAlert>{error}</ErrorAlert>
          <Select label={t('knowledge.qa.space')} required data={own.map((s) => ({ value: s.id, label: s.name }))} {...form.getInputProps('spaceId')} />
          <TextInput label={t('knowledge.qa.question')} required {...form.getInputProps('title')} />
          <Textarea label={t('knowledge.qa.details')} autosize minRows={3} {...form.getInputProps('body')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('knowledge.cancel')}
            </Button>
            <Button type="submit" loading={ask.isPending}>
              {t('knowledge.qa.ask')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The questions of the spaces the person reads, the open ones to answer first in the eye. */
export default function QuestionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<'all' | 'open' | 'answered'>('all');
  const questions = useQuestions(status === 'all' ? undefined : status);
  const [asking, setAsking] = useState(false);
  return (
    <Page title={t('knowledge.qa.title')} actions={<Button onClick={() => setAsking(true)}>{t('knowledge.qa.ask')}</Button>}>
      <Anchor component={Link} to="/knowledge" size="sm">
        ← {t('knowledge.title')}
      </Anchor>
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        data={[
          { value: 'all', label: t('knowledge.qa.all') },
          { value: 'open', label: t('knowledge.qa.open') },
          { value: 'answered', label: t('knowledge.qa.answered') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <ErrorAlert error={questions.error} />
      {questions.data?.items.length === 0 && <Text c="dimmed">{t('knowledge.qa.empty')}</Text>}
      <Stack gap="sm">
        {questions.data?.items.map((q) => (
          <Card key={q.id} withBorder padding="sm" data-testid="kb-question">
            <Stack gap={4}>
              <Anchor component={Link} to={`/knowledge/questions/${q.id}`} fw={600}>
                {q.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {q.spaceName} · {t('knowledge.qa.askedBy', { name: q.authorName, date: format.date(q.createdAt) })}
              </Text>
              <Group gap="xs">
                <QuestionStatusBadge status={q.status} />
                <Badge variant="outline" color="gray">
                  {t('knowledge.qa.answers', { count: q.answerCount })}
                </Badge>
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
      {asking && <AskModal onClose={() => setAsking(false)} />}
    </Page>
  );
}
