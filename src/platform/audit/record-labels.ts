import type { AuditChanges } from './schema.js';

/** A record the audit log names: its kind (the entry's `entityType`) and its id. */
export interface RecordRef {
  kind: string;
  id: string;
}

/** How a person reads a record: its number or name, with its amount and day when they say which one it is. */
export interface RecordLabel {
  label: string;
  amountCents?: number;
  /** A calendar day, "2026-03-31". */
  on?: string;
}

/**
 * Names of the records the audit log points at, provided by the modules that own them: the
 * platform knows kinds and ids only (the composition root hands this in, as it does coop names).
 */
export interface RecordLabeller {
  /** Labels by `refKey(kind, id)`; records it cannot name (unknown kind, deleted row) are left out. */
  labelsOf(coopId: string, refs: RecordRef[]): Promise<Map<string, RecordLabel>>;
  /** The kind of record a changed field holds ids of ('clientId' → 'client'); null when none. */
  kindOfField(field: string): string | null;
}

export const refKey = (kind: string, id: string): string => `${kind}:${id}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only ids shaped like a row id are looked up: a uuid column refuses anything else with an error. */
export const isRowId = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

/**
 * The records an entry's changes point to, through fields the labeller knows ('clientId',
 * 'activityIds', a holder's 'memberId' inside a list), wherever they sit in before or after.
 */
export function referencedRecords(changes: AuditChanges, kindOfField: (field: string) => string | null): RecordRef[] {
  const refs: RecordRef[] = [];
  const visit = (value: unknown, kind: string | null): void => {
    if (Array.isArray(value)) for (const v of value) visit(v, kind);
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, kindOfField(k));
    else if (kind && isRowId(value)) refs.push({ kind, id: value });
  };
  for (const [field, change] of Object.entries(changes)) {
    const kind = kindOfField(field);
    visit(change.before, kind);
    visit(change.after, kind);
  }
  return refs;
}
