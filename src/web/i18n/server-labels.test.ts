import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';

/**
 * The audit page and the outbox show what the server recorded by its code ('invoice.validated',
 * 'dunning_reminder'); a code without a label reaches staff as a raw string. The server's
 * source is read as text (vite's glob) and every code it writes must have a label in both
 * catalogues, so a new action or mail fails here rather than on the screen.
 */
const sources = import.meta.glob<string>(['/src/**/*.ts', '!/src/web/**', '!/src/**/*.test.ts'], { query: '?raw', import: 'default', eager: true });

const AUDIT_CODE = /'([a-z][a-z_]*\.[a-z][a-z_]*)'/g;
const TEMPLATE_CODE = /'([a-z][a-z_.]*[a-z])'/g;
/** The values a property takes: the literal right after it, or a branch of a ternary (not the operand of a test). */
const VALUE = /(?:^|[?:])\s*('[^']*')/g;
const values = (text: string, pattern: RegExp) => [...text.matchAll(VALUE)].flatMap((m) => literals(m[1]!, pattern));
const literals = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);

function serverCodes() {
  const actions = new Set<string>();
  const templates = new Set<string>();
  for (const text of Object.values(sources)) {
    // `action: 'x.y'` or `action: cond ? 'x.y' : 'x.z'` in a recordAudit call.
    for (const m of text.matchAll(/\baction:\s*(.*)$/gm)) values(m[1]!, AUDIT_CODE).forEach((a) => actions.add(a));
    // Actions chosen from a table (`const AUDIT_ACTIONS = { send: 'quote.sent', … }`).
    for (const m of text.matchAll(/const\s+\w*AUDIT\w*\s*=\s*\{([^}]*)\}/g)) literals(m[1]!, AUDIT_CODE).forEach((a) => actions.add(a));
    // Actions passed to a helper that records them (`auditAccountChange(tx, id, 'person.password_reset', …)`).
    for (const m of text.matchAll(/\b\w*[aA]udit\w*\(([^;{]*)\)/g)) literals(m[1]!, AUDIT_CODE).forEach((a) => actions.add(a));
    // `template: 'dunning_reminder'` or `template: cond ? 'invoice.sent' : 'credit_note.sent'` in an enqueueMail call.
    for (const m of text.matchAll(/\btemplate:\s*(.*)$/gm)) values(m[1]!, TEMPLATE_CODE).forEach((t) => templates.add(t));
  }
  return { actions: [...actions].sort(), templates: [...templates].sort() };
}

function labelAt(catalogue: object, path: string[]): unknown {
  let node: unknown = catalogue;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

const missing = (codes: string[], prefix: string[]) =>
  Object.entries({ fr, en }).flatMap(([lang, catalogue]) =>
    codes.filter((code) => typeof labelAt(catalogue, [...prefix, ...code.split('.')]) !== 'string').map((code) => `${lang}: ${code}`),
  );

describe('labels of what the server records', () => {
  const { actions, templates } = serverCodes();

  it('finds the codes in the server source (the scan itself works)', () => {
    expect(actions).toEqual(expect.arrayContaining(['member.created', 'invoice.validated', 'credit_note.issued', 'quote.accepted', 'person.password_reset']));
    expect(templates).toEqual(expect.arrayContaining(['invitation', 'password_reset', 'quote.sent', 'credit_note.sent', 'dunning_reminder']));
  });

  it('gives every audit action the server records a label in French and in English', () => {
    expect(missing(actions, ['audit', 'actions'])).toEqual([]);
  });

  it('gives every mail template the server queues a label in French and in English', () => {
    expect(missing(templates, ['outbox', 'templates'])).toEqual([]);
  });
});
