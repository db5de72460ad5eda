import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { DEMO_PASSWORD } from '../support/fixtures.js';
import { createPaymentsCoop } from '../support/payments-fixtures.js';
import { changedTables, tableFingerprints } from '../support/row-counts.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

/** Bodies no form sends: wrong types, numbers past 2^53, deep nesting, NUL, nothing at all. */
const CORPUS: { name: string; raw: string }[] = [
  { name: 'empty', raw: '' },
  { name: 'empty object', raw: '{}' },
  { name: 'an array', raw: '[1,2,3]' },
  { name: 'a string', raw: '"x"' },
  { name: 'null', raw: 'null' },
  { name: 'wrong types', raw: JSON.stringify({ name: 1, email: true, lines: 'x', amountCents: 'ten', id: {}, date: [] }) },
  { name: 'huge numbers', raw: JSON.stringify({ amountCents: 1e300, quantityMilli: 2 ** 60, unitPriceCents: Number.MAX_SAFE_INTEGER, lines: [{ quantityMilli: 1e9, unitPriceCents: 1e15 }] }) },
  { name: 'deep nesting', raw: `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}` },
  { name: 'NUL', raw: JSON.stringify({ name: 'a\u0000b', email: 'x\u0000@y.fr', description: '\u0000' }) },
  { name: 'not JSON', raw: '{"a":' },
];

type Operation = { method: string; url: string };

/**
 * Tables a refused request may still write, each with the reason; every other table must be
 * exactly as it was after the whole corpus (rows and values, not just counts). None today:
 * a login attempt is counted only once its body passed the schema, a session row is not
 * touched by the requests it serves, and the reset form queues a request only for a valid
 * address. A table added here needs its reason.
 */
const WRITTEN_BY_ANY_REQUEST: Record<string, string> = {};

describe('bad bodies on every mutating route of the OpenAPI', () => {
  it('never answer a 5xx and write nothing', async () => {
    const f = await createPaymentsCoop(t.database.db, 'corpus');
    const staff = t.client();
    await staff.login(f.coop.staff.email, DEMO_PASSWORD);
    const spec = (await staff.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations: Operation[] = [];
    for (const [route, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        // Logging out or deleting the session would end the staff session mid-corpus.
        if (route.startsWith('/api/auth/logout')) continue;
        operations.push({ method: method.toUpperCase(), url: route.replace(/\{[^}]+\}/g, () => randomUUID()) });
      }
    }
    expect(operations.length).toBeGreaterThan(20);
    const before = await tableFingerprints(t.database.db);
    const failures: string[] = [];
    const seen: Record<number, number> = {};
    for (const op of operations) {
      for (const body of CORPUS) {
        const res = await staff.request(op.method as 'POST', op.url, (body.raw === '' ? undefined : body.raw) as never, body.raw === '' ? {} : { 'content-type': 'application/json' });
        seen[res.status] = (seen[res.status] ?? 0) + 1;
        if (res.status >= 500) failures.push(`${op.method} ${op.url} (${body.name}): ${res.status}`);
      }
    }
    // The bodies reached the routes: most are refused by their schemas, not by the session or CSRF.
    expect(seen[400] ?? 0).toBeGreaterThan(operations.length * 5);
    expect(failures).toEqual([]);
    const after = await tableFingerprints(t.database.db);
    expect(changedTables(before, after).filter((name) => !(name in WRITTEN_BY_ANY_REQUEST))).toEqual([]);
    // The fingerprints do see a write: one good request afterwards shows.
    expect((await staff.post('/api/clients', { kind: 'individual', name: 'Témoin du corpus' })).status).toBe(201);
    expect(changedTables(after, await tableFingerprints(t.database.db))).toEqual(expect.arrayContaining(['audit_log', 'clients']));
  }, 240_000);
});
