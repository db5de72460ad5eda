import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable, type ListColumn } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { applyApiError } from '../../lib/forms';
import { useCreateCategory, useSpendingCategories, useUpdateCategory, type SpendingCategoryData } from './use-expenses';

/** The team's list of spending categories: each one's account and whether it is deducted from the contribution base. */
export default function SpendingCategoriesPage() {
  const { t } = useTranslation();
  const categories = useSpendingCategories(true);
  const update = useUpdateCategory();
  const [editing, setEditing] = useState<SpendingCategoryData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const columns: ListColumn<SpendingCategoryData>[] = [
    { key: 'label', header: t('expenses.categories.columns.label'), cell: (c) => c.labelFr, phone: 'title' },
    { key: 'labelEn', header: t('expenses.categories.columns.labelEn'), cell: (c) => c.labelEn },
    { key: 'account', header: t('expenses.categories.columns.account'), cell: (c) => c.account, nowrap: true },
    {
      key: 'inBase',
      header: t('expenses.categories.columns.inBase'),
      cell: (c) => (
        <Badge variant="light" color={c.inContributionBase ? 'violet' : 'gray'}>
          {c.inContributionBase ? t('expenses.categories.inBase') : t('expenses.categories.outOfBase')}
        </Badge>
      ),
      phone: 'badge',
    },
    { key: 'active', header: t('expenses.categories.columns.active'), cell: (c) => (c.active ? t('expenses.categories.activeYes') : t('expenses.categories.activeNo')) },
    {
      key: 'actions',
      header: t('expenses.categories.columns.actions'),
      cell: (c) => (
        <Group gap="xs" wrap="wrap">
          <Button size="xs" variant="light" onClick={() => setEditing(c)}>
            {t('expenses.categories.edit')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => update.mutate({ id: c.id, active: !c.active }, { onError: setError })}>
            {c.active ? t('expenses.categories.deactivate') : t('expenses.categories.activate')}
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <Page
      title={t('expenses.categories.title')}
      actions={
        <Anchor component={Link} to="/expenses" size="sm">
          {t('expenses.report.back')}
        </Anchor>
      }
    >
      <Text size="sm" c="dimmed">
        {t('expenses.categories.intro')}
      </Text>
      <Alert color="violet" variant="light" data-testid="contribution-base-explained">
        {t('expenses.categories.baseExplained')}
      </Alert>
      <ErrorAlert error={error} />
      <ListTable query={categories} columns={columns} rowKey={(c) => c.id} rowTestId={(c) => `category-${c.code}`} empty="—" minWidth={800} />
      <CategoryForm key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(null)} />
    </Page>
  );
}

function CategoryForm({ editing, onDone }: { editing: SpendingCategoryData | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: editing?.code ?? '', labelFr: editing?.labelFr ?? '', labelEn: editing?.labelEn ?? '', account: editing?.account ?? '', inContributionBase: editing?.inContributionBase ?? false },
    validate: { code: isNotEmpty(' '), labelFr: isNotEmpty(' '), labelEn: isNotEmpty(' '), account: isNotEmpty(' ') },
  });
  const onSuccess = () => {
    notifications.show({ color: 'teal', message: t('expenses.categories.saved') });
    form.reset();
    onDone();
  };
  const submit = form.onSubmit((v) => {
    setFormError(null);
    const onError = (error: unknown) => setFormError(applyApiError(form, error));
    if (editing) update.mutate({ id: editing.id, labelFr: v.labelFr, labelEn: v.labelEn, account: v.account, inContributionBase: v.inContributionBase }, { onSuccess, onError });
    else create.mutate(v, { onSuccess, onError });
  });
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {editing ? `${t('expenses.categories.edit')} — ${editing.labelFr}` : t('expenses.categories.add')}
          </Title>
          <ErrorAlert>{formError}</ErrorAlert>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('expenses.categories.code')} required maxLength={40} disabled={editing !== null} {...form.getInputProps('code')} />
            <TextInput label={t('expenses.categories.account')} required maxLength={12} {...form.getInputProps('account')} />
            <TextInput label={t('expenses.categories.labelFr')} required maxLength={100} {...form.getInputProps('labelFr')} />
            <TextInput label={t('expenses.categories.labelEn')} required maxLength={100} {...form.getInputProps('labelEn')} />
          </SimpleGrid>
          <Checkbox label={t('expenses.categories.inBaseField')} {...form.getInputProps('inContributionBase', { type: 'checkbox' })} />
          <Group justify="flex-end">
            {editing && (
              <Button variant="subtle" onClick={onDone}>
                {t('expenses.report.close')}
              </Button>
            )}
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t('expenses.categories.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
