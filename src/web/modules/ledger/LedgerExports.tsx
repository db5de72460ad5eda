import { Button, Card, Select, SimpleGrid, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';
import { fecUrl, hledgerUrl, type Period, useFiscalYears } from './use-ledger';

/**
 * The legal and tool exports of the books, for the accountant and the management (the API
 * refuses the others): the FEC of a fiscal year, and the period's journal for hledger.
 */
export function LedgerExports({ period, valid }: { period: Period; valid: boolean }) {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const allowed = hasRole('admin', 'accountant');
  const years = useFiscalYears(allowed);
  const [chosen, setChosen] = useState<string | null>(null);
  const [separator, setSeparator] = useState<'tab' | 'pipe'>('tab');
  if (!allowed) return null;
  const list = years.data ?? [];
  // The year holding the period's start, unless one was picked.
  const yearId = chosen ?? list.find((y) => y.startDate <= period.from && period.from <= y.endDate)?.id ?? list.at(-1)?.id ?? null;
  return (
    <Card padding="md" data-testid="ledger-exports">
      <Text fw={600} mb="xs">
        {t('ledger.exports.title')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" style={{ alignItems: 'end' }}>
        <Select
          label={t('ledger.exports.fiscalYear')}
          data={list.map((y) => ({ value: y.id, label: t('ledger.exports.yearLabel', { from: y.startDate, to: y.endDate }) }))}
          value={yearId}
          onChange={setChosen}
          allowDeselect={false}
          data-testid="ledger-fec-year"
        />
        <Select
          label={t('ledger.exports.separator')}
          data={[
            { value: 'tab', label: t('ledger.exports.tab') },
            { value: 'pipe', label: t('ledger.exports.pipe') },
          ]}
          value={separator}
          onChange={(value) => setSeparator(value === 'pipe' ? 'pipe' : 'tab')}
          allowDeselect={false}
          data-testid="ledger-fec-separator"
        />
        <Button
          component="a"
          href={yearId ? fecUrl(yearId, separator) : undefined}
          download
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
          disabled={!yearId}
          data-testid="ledger-fec-download"
        >
          {t('ledger.exports.fec')}
        </Button>
        <Button
          component="a"
          href={valid ? hledgerUrl(period) : undefined}
          download
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
          disabled={!valid}
          data-testid="ledger-hledger-download"
        >
          {t('ledger.exports.hledger')}
        </Button>
      </SimpleGrid>
    </Card>
  );
}
