import { Alert, Anchor, Button, Grid, Group, Paper, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PHONE_QUERY } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { isApiError } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { Markdown } from './Markdown';
import { useCreatePage, useEditPage, usePage } from './use-knowledge';

/**
 * Writes a new page (route /knowledge/books/:bookId/new) or edits one (/knowledge/pages/:pageId/edit).
 * The edit names the revision it started from: if someone saved meanwhile the server refuses
 * it, and the text typed stays in the editor to be carried over.
 */
export default function PageEditorPage() {
  const { t } = useTranslation();
  const { pageId, bookId } = useParams();
  const navigate = useNavigate();
  const phone = useMediaQuery(PHONE_QUERY);
  const page = usePage(pageId);
  const edit = useEditPage();
  const create = useCreatePage();
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm({ initialValues: { title: '', body: '' } });
  const [base, setBase] = useState<number | null>(null);
  useEffect(() => {
    if (page.data && base === null) {
      form.setValues({ title: page.data.title, body: page.data.body });
      setBase(page.data.currentRevision);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page.data]);
  const editing = Boolean(pageId);
  const preview = (
    <Paper withBorder p="sm" mih={200} data-testid="kb-preview">
      <Markdown source={form.values.body} />
    </Paper>
  );
  const textarea = <Textarea label={t('knowledge.fields.body')} autosize minRows={14} maxRows={40} description={t('knowledge.editor.help')} {...form.getInputProps('body')} />;
  return (
    <Page title={editing ? (page.data?.title ?? t('knowledge.edit')) : t('knowledge.newPage')}>
      {page.error && <ErrorAlert error={page.error} />}
      <form
        onSubmit={form.onSubmit(async (values) => {
          setError(null);
          setConflict(false);
          try {
            const saved = editing ? await edit.mutateAsync({ id: pageId!, title: values.title, body: values.body, expectedRevision: base ?? 1 }) : await create.mutateAsync({ bookId: bookId!, title: values.title, body: values.body });
            notifications.show({ color: 'green', message: t('knowledge.editor.saved', { n: saved.currentRevision }) });
            void navigate(`/knowledge/pages/${saved.id}`);
          } catch (err) {
            if (isApiError(err, 'EDIT_CONFLICT')) setConflict(true);
            else setError(applyApiError(form, err));
          }
        })}
      >
        <Stack>
          <ErrorAlert>{error}</ErrorAlert>
          {conflict && (
            <Alert color="orange" role="alert" data-testid="kb-conflict">
              <Stack gap="xs">
                <Text size="sm">{t('knowledge.editor.conflict')}</Text>
                <Group>
                  <Button size="compact-sm" variant="default" onClick={() => void page.refetch().then((r) => r.data && setBase(r.data.currentRevision)).then(() => setConflict(false))}>
                    {t('knowledge.editor.reload')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <TextInput label={t('knowledge.fields.title')} required {...form.getInputProps('title')} />
          {phone ? (
            <>
              <SegmentedControl
                value={mode}
                onChange={(v) => setMode(v as 'write' | 'preview')}
                data={[
                  { value: 'write', label: t('knowledge.editor.write') },
                  { value: 'preview', label: t('knowledge.editor.preview') },
                ]}
              />
              {mode === 'write' ? textarea : preview}
            </>
          ) : (
            <Grid>
              <Grid.Col span={6}>{textarea}</Grid.Col>
              <Grid.Col span={6}>
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {t('knowledge.editor.preview')}
                  </Text>
                  {preview}
                </Stack>
              </Grid.Col>
            </Grid>
          )}
          <Group justify="flex-end">
            <Anchor component={Link} to={editing ? `/knowledge/pages/${pageId}` : '/knowledge'} size="sm">
              {t('knowledge.cancel')}
            </Anchor>
            <Button type="submit" loading={edit.isPending || create.isPending} disabled={editing && base === null}>
              {t('knowledge.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
