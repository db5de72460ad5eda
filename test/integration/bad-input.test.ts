import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';
import { DEMO_PASSWORD } from '../support/fixtures.js';
import { createPaymentsCoop } from '../support/payments-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

/** A JSON text whose `field` holds arrays nested `depth` levels. */
const nestedBody = (field: string, depth: number) => `{"${field}":${'['.repeat(depth)}${']'.repeat(depth)}}`;
const json = { 'content-type': 'application/json' };

describe('a request body nested absurdly deep', () => {
  it('is refused with a 400 naming the reason on the anonymous login, not a 500', async () => {
    const c = t.client();
    const res = await c.request('POST', '/api/auth/login', nestedBody('email', 10_000) as never, json);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].message).toMatch(/imbriquées trop profondément/);
  });

  it('is refused with a 400 on a staff route, and a body of ordinary depth still goes through to its schema', async () => {
    const f = await createPaymentsCoop(t.database.db, 'deep');
    const staff = await loggedIn(f.coop.staff.email);
    const deep = await staff.request('POST', '/api/clients', nestedBody('name', 10_000) as never, json);
    expect(deep.status).toBe(400);
    expect(deep.body.error.fields[0].path).toMatch(/^name/);
    const shallow = await staff.request('POST', '/api/clients', nestedBody('name', 3) as never, json);
    expect(shallow.status).toBe(400);
    expect(shallow.body.error.fields.some((e: { message: string }) => /imbriquées/.test(e.message))).toBe(false);
  });
});
