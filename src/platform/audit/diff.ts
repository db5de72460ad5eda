import type { AuditChanges } from './schema.js';

const normalize = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

/**
 * The fields that differ between two versions of a record, with their before and after
 * values. A creation diffs against null, a deletion against null after. Secrets never
 * reach the audit log: fields named in `omit` are recorded as changed without values.
 */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  omit: readonly string[] = [],
): AuditChanges {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChanges = {};
  for (const key of keys) {
    const b = normalize(before?.[key]);
    const a = normalize(after?.[key]);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes[key] = omit.includes(key) ? { before: '***', after: '***' } : { before: b, after: a };
  }
  return changes;
}
