import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createInvoicingCoop, draftOf } from '../../../test/support/invoicing-db-fixtures.js';
import { quoteOf } from '../../../test/support/quotes-fixtures.js';
import { createClient } from '../clients/index.js';

/**
 * A quote or an invoice prints its client's address and SIREN: a member may name on hers only
 * the clients the client pages show her (see `visibleClients`), or she could read through a PDF
 * a client that `GET /api/clients/:id` hides from her.
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof createInvoicingCoop>>;
let member: TestClient;
let staff: TestClient;
let othersClientId: string;

beforeAll(async () => {
  t = await createTestApp();
  f = await createInvoicingCoop(t.database.db, 'doc-client-scope');
  othersClientId = (
    await createClient(t.database.db, { coopId: f.coop.id, userId: f.coop.admin.id }, {
      kind: 'company',
      name: 'Client d’Oscar',
      siren: '732829320',
      activityId: f.otherActivityId,
      addresses: [{ kind: 'billing', line1: '1 quai Secret', postalCode: '69002', city: 'Lyon', country: 'FR', isDefault: true }],
    })
  ).id;
  member = t.client();
  await member.login(f.coop.member.email, DEMO_PASSWORD);
  staff = t.client();
  await staff.login(f.coop.staff.email, DEMO_PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

const refusedOnClient = (res: { status: number; body: any }) => {
  expect(res.status).toBe(400);
  expect(res.body.error.fields.map((e: { path: string }) => e.path)).toEqual(['clientId']);
};

describe("a member cannot name on her documents a client linked only to another member's activity", () => {
  it('the client itself is hidden from her', async () => {
    expect((await member.get(`/api/clients/${othersClientId}`)).status).toBe(404);
  });

  it('drafting an invoice for that client answers as for an unknown client', async () => {
    const refused = await member.post('/api/invoices', draftOf(f.activityId, othersClientId));
    refusedOnClient(refused);
    expect(refused.body.error.fields[0].message).toEqual((await member.post('/api/invoices', draftOf(f.activityId, crypto.randomUUID()))).body.error.fields[0].message);
  });

  it('moving her invoice draft to that client is refused and the draft keeps its client', async () => {
    const draft = await member.post('/api/invoices', draftOf(f.activityId, f.clientId));
    expect(draft.status).toBe(201);
    refusedOnClient(await member.patch(`/api/invoices/${draft.body.id}`, { clientId: othersClientId }));
    expect((await member.get(`/api/invoices/${draft.body.id}`)).body.clientId).toBe(f.clientId);
  });

  it('drafting a quote for that client is refused', async () => {
    refusedOnClient(await member.post('/api/quotes', quoteOf(f.activityId, othersClientId)));
  });

  it('moving her quote draft to that client is refused and the draft keeps its client', async () => {
    const draft = await member.post('/api/quotes', quoteOf(f.activityId, f.clientId));
    expect(draft.status).toBe(201);
    refusedOnClient(await member.patch(`/api/quotes/${draft.body.id}`, { clientId: othersClientId }));
    expect((await member.get(`/api/quotes/${draft.body.id}`)).body.clientId).toBe(f.clientId);
  });

  it('staff may put any client of the coop on a member’s document', async () => {
    expect((await staff.post('/api/invoices', draftOf(f.activityId, othersClientId))).status).toBe(201);
    expect((await staff.post('/api/quotes', quoteOf(f.activityId, othersClientId))).status).toBe(201);
  });
});
