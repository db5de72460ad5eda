import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_EMPLOYEE_RATE_BP, MAX_EMPLOYER_RATE_BP } from '../../../modules/salaries/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { useSalaryFormat } from './salary-format';
import { useSalarySettings, useUpdateSalarySettings } from './use-salaries';

/** Admins: the flat employer and employee rates of the salary simulator and the salary entries. */
export function SalarySettingsCard() {
  const { t } = useTranslation();
  const { lang } = useSalaryFormat();
  const settings = useSalarySettings();
  const update = useUpdateSalarySettings();
  const [employer, setEmployer] = useState<number | string>('');
  const [employee, setEmployee] = useState<number | string>('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (settings.data) {
      setEmployer(settings.data.employerRateBp / 100);
      setEmployee(settings.data.employeeRateBp / 100);
    }
  }, [settings.data]);
  const bp = (v: number | string) => Math.round(Number(v) * 100);
  const fieldMessage = (path: string) => (isApiError(error) ? error.fields.find((f) => f.path === path)?.message : undefined);
  const save = () => {
    setError(null);
    update.mutate(
      { employerRateBp: bp(employer), employeeRateBp: bp(employee) },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('salaries.settings.saved') }), onError: setError },
    );
  };
  const percent = { decimalScale: 2, min: 0, suffix: ' %', decimalSeparator: lang === 'fr' ? ',' : '.', step: 0.5 } as const;
  return (
    <Card padding="lg" id="salaries" component="section" aria-labelledby="salary-settings-title">
      <Title order={2} fz="h4" mb="xs" id="salary-settings-title">
        {t('salaries.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('salaries.settings.intro')}
      </Text>
      {settings.isError ? (
        <ErrorAlert error={settings.error} />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('salaries.settings.employerRate')} value={employer} onChange={setEmployer} max={MAX_EMPLOYER_RATE_BP / 100} error={fieldMessage('employerRateBp')} {...percent} data-testid="salary-employer-rate" />
            <NumberInput label={t('salaries.settings.employeeRate')} value={employee} onChange={setEmployee} max={MAX_EMPLOYEE_RATE_BP / 100} error={fieldMessage('employeeRateBp')} {...percent} data-testid="salary-employee-rate" />
          </SimpleGrid>
          {!fieldMessage('employerRateBp') && !fieldMessage('employeeRateBp') && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button onClick={save} loading={update.isPending} disabled={employer === '' || employee === ''} leftSection={<IconDeviceFloppy size={18} aria-hidden />} data-testid="salary-settings-save">
              {t('salaries.settings.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
