import { ActionIcon, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconHeading, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { DEFAULT_EXEMPTION, type VatChoice } from '../invoices/invoice-form';
import { QUOTE_VAT_CHOICES, type QuoteFormValues, type QuoteLineValues } from './quote-form';

/** UN/ECE Rec. 20 units members quote most. */
const UNITS = ['C62', 'HUR', 'DAY', 'MON', 'KGM', 'MTR', 'LS'] as const;

type Typed = 'quantity' | 'unitPrice' | 'discount';
type Chosen = 'unit' | 'discountKind' | 'vat';
type Cell = { field: Typed; unit?: string; disabled?: boolean; testId?: string } | { field: Chosen; options: { value: string; label: string }[]; testId?: string; onChange?: (value: string | null) => void };

interface QuoteLineCardProps {
  form: UseFormReturnType<QuoteFormValues>;
  index: number;
  line: QuoteLineValues;
  /** The line's net amount as the server will compute it; null while it cannot be read. */
  netCents: number | null;
  canRemove: boolean;
  /** The message to show under a field of the line: the form's, or the live check's. */
  errorAt: (path: string) => string | undefined;
}

/** One line of the quote: the section it may open, what is sold, and how it is priced and taxed. */
export function QuoteLineCard({ form, index: i, line, netCents, canRemove, errorAt }: QuoteLineCardProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const path = (field: keyof QuoteLineValues) => `lines.${i}.${field}`;
  // Choosing "no VAT" fills in the usual reason, which the quote must print (CGI art. 242 nonies A I 13°).
  const chooseVat = (value: string | null) => {
    const choice = (value ?? 'S:2000') as VatChoice;
    form.setFieldValue(path('vat'), choice);
    const category = choice.split(':')[0] as keyof typeof DEFAULT_EXEMPTION;
    if (!line.exemptionReason && DEFAULT_EXEMPTION[category]) form.setFieldValue(path('exemptionReason'), DEFAULT_EXEMPTION[category]!);
  };
  const cells: Cell[] = [
    { field: 'quantity', testId: 'quantity' },
    { field: 'unit', options: UNITS.map((u) => ({ value: u, label: t(`quotes.units.${u}`) })) },
    { field: 'unitPrice', unit: '€', testId: 'price' },
    { field: 'discountKind', options: (['none', 'percent', 'amount'] as const).map((k) => ({ value: k, label: t(`quotes.discountKind.${k}`) })) },
    { field: 'discount', unit: line.discountKind === 'percent' ? '%' : '€', disabled: line.discountKind === 'none' },
    { field: 'vat', options: QUOTE_VAT_CHOICES.map((c) => ({ value: c, label: t(`quotes.vat.${c.replace(':', '_') as 'S_2000'}`) })), testId: 'vat', onChange: chooseVat },
  ];
  return (
    <Card withBorder padding="sm" data-testid={`quote-line-${i}`}>
      <Stack gap="xs">
        <TextInput
          label={t('quotes.fields.sectionTitle')}
          placeholder={t('quotes.editor.sectionPlaceholder')}
          leftSection={<IconHeading size={16} aria-hidden />}
          data-testid={`quote-line-section-${i}`}
          {...form.getInputProps(path('sectionTitle'))}
        />
        <Group align="flex-start" wrap="nowrap">
          <TextInput label={t('quotes.fields.description')} required style={{ flex: 1 }} data-testid={`quote-line-description-${i}`} {...form.getInputProps(path('description'))} />
          <ActionIcon variant="subtle" color="red" mt={26} aria-label={t('quotes.editor.removeLine', { n: i + 1 })} disabled={!canRemove} onClick={() => form.removeListItem('lines', i)}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
          {cells.map((cell) => {
            const shared = { label: t(`quotes.fields.${cell.field}`), 'data-testid': cell.testId && `quote-line-${cell.testId}-${i}`, ...form.getInputProps(path(cell.field)), error: errorAt(path(cell.field)) };
            return 'options' in cell ? (
              <Select key={cell.field} {...shared} data={cell.options} allowDeselect={false} {...(cell.onChange ? { onChange: cell.onChange } : {})} />
            ) : (
              <TextInput key={cell.field} {...shared} inputMode="decimal" rightSection={cell.unit} disabled={cell.disabled} />
            );
          })}
        </SimpleGrid>
        {!line.vat.startsWith('S:') && <TextInput label={t('quotes.fields.exemptionReason')} required data-testid={`quote-line-exemption-${i}`} {...form.getInputProps(path('exemptionReason'))} />}
        <Text size="sm" ta="right" c="dimmed" data-testid={`quote-line-net-${i}`}>
          {t('quotes.lineNet')} : {netCents === null ? '—' : fmt.money(netCents)}
        </Text>
      </Stack>
    </Card>
  );
}
