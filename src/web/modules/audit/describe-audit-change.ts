// How a recorded change reads: field names from the catalogue, money and dates through the
// app's formatters, ids by the labels the server found for them. Pure: React and i18n come in
// through `ChangeLabels`, so node tests run it as it is.

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

export interface ChangeLabels {
  /** The catalogue's name of a field ("amountCents" → "Montant"), null when it has none. */
  field: (key: string) => string | null;
  /** The catalogue's word for a coded value ("status" "paid" → "Payée"), null when it has none. */
  value: (key: string, value: string) => string | null;
  money: (cents: number) => string;
  /** A calendar day "2026-03-31". */
  date: (iso: string) => string;
  /** An instant "2026-03-31T14:05:00.000Z". */
  dateTime: (iso: string) => string;
  /** Basis points, 1150 → "11,5 %". */
  percent: (bp: number) => string;
  /** Thousandths of a unit, 2500 → "2,5". */
  quantity: (milli: number) => string;
  /** A field and its value inside a list: "Montant : 50,00 €" (French spacing) or "Amount: €50.00". */
  pair: (label: string, value: string) => string;
  yes: string;
  no: string;
  /** What a missing value reads as. */
  none: string;
  /** What a secret kept out of the log reads as. */
  hidden: string;
  /** Labels of the records the entry names, by id. */
  records: Record<string, string>;
}

export interface DescribedChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A field name the catalogue does not know, made readable: "paymentTermsDays" → "Payment terms days". */
export function humaniseKey(key: string): string {
  const words = key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(key: string, labels: ChangeLabels): string {
  return labels.field(key) ?? humaniseKey(key);
}

/** One recorded value as a person reads it; `key` is the field it sits in, which says its unit. */
export function describeValue(key: string, value: unknown, labels: ChangeLabels): string {
  if (value === null || value === undefined || value === '') return labels.none;
  if (typeof value === 'boolean') return value ? labels.yes : labels.no;
  if (typeof value === 'number') {
    if (/Cents$/.test(key)) return labels.money(value);
    if (/Bp$/.test(key)) return labels.percent(value);
    if (/Milli$/.test(key)) return labels.quantity(value);
    return String(value);
  }
  if (typeof value === 'string') {
    if (value === '***') return labels.hidden;
    if (UUID.test(value)) return labels.records[value] ?? `#${value.slice(0, 8)}`;
    if (DAY.test(value)) return labels.date(value);
    if (INSTANT.test(value)) return labels.dateTime(value);
    return labels.value(key, value) ?? value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return labels.none;
    return value.map((item) => describeValue(key, item, labels)).join(' ; ');
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => labels.pair(fieldLabel(k, labels), describeValue(k, v, labels)));
    return parts.length ? parts.join(', ') : labels.none;
  }
  return String(value);
}

/** The record's own id and its coop: the entry already says which record, in which coop. */
const SAID_BY_THE_ENTRY = new Set(['id', 'coopId']);

/** The changes of an audit entry, field by field, before and after as they read on screen. */
export function describeAuditChange(changes: AuditChanges, labels: ChangeLabels): DescribedChange[] {
  return Object.entries(changes)
    .filter(([key]) => !SAID_BY_THE_ENTRY.has(key))
    .map(([key, change]) => ({
    key,
    label: fieldLabel(key, labels),
    before: describeValue(key, change.before, labels),
    after: describeValue(key, change.after, labels),
  }));
}
