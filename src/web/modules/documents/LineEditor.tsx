import { ActionIcon, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconHeading, IconPlus, IconTrash } from '@tabler/icons-react';
import { useFormat } from '../../lib/format';
import { DEFAULT_EXEMPTION, type DiscountKind, type LineValues, lineNetCents, parseScaled, UNITS, type VatChoice } from './line-form';
import { useUnitLabel } from './use-unit-label';

/** The fields of a line, named as the form names them. */
export type LineField = 'sectionTitle' | 'description' | 'quantity' | 'unit' | 'unitPrice' | 'discountKind' | 'discount' | 'vat' | 'exemptionReason';

type InputProps = ReturnType<UseFormReturnType<Record<string, unknown>>['getInputProps']>;

/** What the editor needs of the page's Mantine form, whatever else the document holds. */
export interface LinesForm {
  getInputProps(path: string): InputProps;
  setFieldValue(path: string, value: string): void;
  insertListItem(path: string, item: unknown): void;
  removeListItem(path: string, index: number): void;
  key(path: string): string;
}

/** The words of one document kind, from its own catalogue. */
export interface LineEditorTexts {
  title: string;
  field: (field: LineField) => string;
  discountKind: (kind: DiscountKind) => string;
  vat: (choice: VatChoice) => string;
  /** "Net: 12,00 €" with the amount given. */
  lineNet: (amount: string) => string;
  removeLine: (n: number) => string;
  addLine: string;
  /** Given when the document's lines may open sections (a quote's lots). */
  section?: { placeholder: string; add: string; newTitle: string };
}

interface LineEditorProps<L extends LineValues> {
  form: LinesForm;
  lines: readonly L[];
  newLine: (sectionTitle?: string) => L;
  vatChoices: readonly VatChoice[];
  texts: LineEditorTexts;
  /** `card`-0, `field`-quantity-0…, and the add button's id. */
  testIds: { card: string; field: string; add: string };
  /** Columns of the pricing row at the small breakpoint. */
  smallCols: number;
  /** A line without VAT must print its reason (CGI art. 242 nonies A I 13°): asked for, or only offered. */
  exemptionRequired?: boolean;
  /** The message to show under a field of a line: the form's, or the live check's. */
  errorAt: (path: string) => string | undefined;
}

type Cell = { field: 'quantity' | 'unitPrice' | 'discount'; unit?: string; disabled?: boolean; testId?: string } | { field: 'unit' | 'discountKind' | 'vat'; options: { value: string; label: string }[]; testId?: string; onChange?: (value: string | null) => void };

/** The lines of a draft document (invoice, quote…): what is sold, how it is priced and taxed, each line's net. */
export function LineEditor<L extends LineValues & { sectionTitle?: string }>({ form, lines, newLine, vatChoices, texts, testIds, smallCols, exemptionRequired, errorAt }: LineEditorProps<L>) {
  const fmt = useFormat();
  const unitLabel = useUnitLabel();
  return (
    <Card padding="lg">
      <Title order={2} fz="h4" mb="md">
        {texts.title}
      </Title>
      <Stack gap="md">
        {lines.map((line, i) => {
          const path = (field: LineField) => `lines.${i}.${field}`;
          const testId = (name: string) => `${testIds.field}-${name}-${i}`;
          // Choosing "no VAT" fills in the usual reason, which the document must print.
          const chooseVat = (value: string | null) => {
            const choice = (value ?? 'S:2000') as VatChoice;
            form.setFieldValue(path('vat'), choice);
            const category = choice.split(':')[0] as keyof typeof DEFAULT_EXEMPTION;
            if (!line.exemptionReason && DEFAULT_EXEMPTION[category]) form.setFieldValue(path('exemptionReason'), DEFAULT_EXEMPTION[category]!);
          };
          const cells: Cell[] = [
            { field: 'quantity', testId: 'quantity' },
            // The units agree with the quantity typed: "3 jours", "1 jour".
            { field: 'unit', options: UNITS.map((u) => ({ value: u, label: unitLabel(u, parseScaled(line.quantity, 3, { allowNegative: true }) ?? 1000) })) },
            { field: 'unitPrice', unit: '€', testId: 'price' },
            { field: 'discountKind', options: (['none', 'percent', 'amount'] as const).map((k) => ({ value: k, label: texts.discountKind(k) })) },
            { field: 'discount', unit: line.discountKind === 'percent' ? '%' : '€', disabled: line.discountKind === 'none' },
            { field: 'vat', options: vatChoices.map((c) => ({ value: c, label: texts.vat(c) })), testId: 'vat', onChange: chooseVat },
          ];
          const net = lineNetCents(line);
          return (
            <Card key={form.key(`lines.${i}`)} withBorder padding="sm" data-testid={`${testIds.card}-${i}`}>
              <Stack gap="xs">
                {texts.section && (
                  <TextInput
                    label={texts.field('sectionTitle')}
                    placeholder={texts.section.placeholder}
                    leftSection={<IconHeading size={16} aria-hidden />}
                    data-testid={testId('section')}
                    {...form.getInputProps(path('sectionTitle'))}
                  />
                )}
                <Group align="flex-start" wrap="nowrap">
                  <TextInput label={texts.field('description')} required style={{ flex: 1 }} data-testid={testId('description')} {...form.getInputProps(path('description'))} />
                  <ActionIcon variant="subtle" color="red" mt={26} aria-label={texts.removeLine(i + 1)} disabled={lines.length === 1} onClick={() => form.removeListItem('lines', i)}>
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
                <SimpleGrid cols={{ base: 2, sm: smallCols, lg: 6 }}>
                  {cells.map((cell) => {
                    const shared = { label: texts.field(cell.field), 'data-testid': cell.testId && testId(cell.testId), ...form.getInputProps(path(cell.field)), error: errorAt(path(cell.field)) };
                    return 'options' in cell ? (
                      <Select key={cell.field} {...shared} data={cell.options} allowDeselect={false} {...(cell.onChange ? { onChange: cell.onChange } : {})} />
                    ) : (
                      <TextInput key={cell.field} {...shared} inputMode="decimal" rightSection={cell.unit} disabled={cell.disabled} />
                    );
                  })}
                </SimpleGrid>
                {!line.vat.startsWith('S:') && (
                  <TextInput label={texts.field('exemptionReason')} required={exemptionRequired} data-testid={testId('exemption')} {...form.getInputProps(path('exemptionReason'))} />
                )}
                <Text size="sm" ta="right" c="dimmed" data-testid={testId('net')}>
                  {texts.lineNet(net === null ? '—' : fmt.money(net))}
                </Text>
              </Stack>
            </Card>
          );
        })}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.insertListItem('lines', newLine())} data-testid={testIds.add}>
            {texts.addLine}
          </Button>
          {texts.section && (
            <Button variant="subtle" leftSection={<IconHeading size={16} aria-hidden />} onClick={() => form.insertListItem('lines', newLine(texts.section!.newTitle))}>
              {texts.section.add}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
