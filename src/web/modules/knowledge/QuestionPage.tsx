import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { QuestionStatusBadge } from './QuestionsPage';
import { useAcceptAnswer, useAnswerQuestion, useQuestion } from './use-knowledge';

/** A question, its answers (the accepted one first) and the form to answer. */
export default function QuestionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { questionId } = useParams();
  const question = useQuestion(questionId);
  const answer = useAnswerQuestion();
  const accept = useAcceptAnswer();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { body: '' } });
  const q = question.data;
  return (
    <Page title={q?.title ?? t('knowledge.qa.title')}>
      <Anchor component={Link} to="/knowledge/questions" size="sm">
        ← {t('knowledge.qa.title')}
      </Anchor>
      <ErrorAlert error={question.error ?? accept.error} />
      {q && (
        <>
          <Group gap="xs">
            <QuestionStatusBadge status={q.status} />
            <Text size="sm" c="dimmed">
              {q.spaceName} · {t('knowledge.qa.askedBy', { name: q.authorName, date: format.date(q.createdAt) })}
            </Text>
          </Group>
          {q.body && <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{q.body}</Text>}
          <Stack gap="sm">
            {q.answers.length === 0 && <Text c="dimmed">{t('knowledge.qa.noAnswers')}</Text>}
            {q.answers.map((a) => (
              <Card key={a.id} withBorder padding="sm" data-testid="kb-answer" style={a.accepted ? { borderColor: 'var(--mantine-color-green-6)' } : undefined}>
                <Stack gap={6}>
                  {a.accepted && (
                    <Badge color="green" leftSection={<IconCheck size={12} />} data-testid="kb-accepted">
                      {t('knowledge.qa.accepted')}
                    </Badge>
                  )}
                  <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{a.body}</Text>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text size="xs" c="dimmed">
                      {t('knowledge.qa.answerBy', { name: a.authorName, date: format.date(a.createdAt) })}
                    </Text>
                    {q.canAccept && (
                      <Button size="compact-sm" variant="light" color="green" loading={accept.isPending} onClick={() => accept.mutate(a.id)}>
                        {t('knowledge.qa.accept')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Card>
            ))}
          </Stack>
          {q.canAnswer && (
            <form
              onSubmit={form.onSubmit(async (values) => {
                setError(null);
                try {
                  await answer.mutateAsync({ id: q.id, body: values.body });
                  form.reset();
                } catch (err) {
                  setError(applyApiError(form, err));
                }
              })}
            >
              <Stack>
                <ErrorAlert>{error}</ErrorAlert>
                <Textarea label={t('knowledge.qa.yourAnswer')} autosize minRows={3} required {...form.getInputProps('body')} />
                <Group justify="flex-end">
                  <Button type="submit" loading={answer.isPending}>
                    {t('knowledge.qa.answer')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </>
      )}
    </Page>
  );
}
