import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityMembers } from '../../src/modules/activities/schema.js';
import { DEFAULT_FUND_SETTINGS } from '../../src/modules/advances/domain/fund-settings.js';
import { updateFundSettings } from '../../src/modules/advances/fund-settings.js';
import { endowFund, requestAdvance } from '../../src/modules/advances/index.js';
import { todayFromClock } from '../../src/platform/calendar/index.js';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';
import { DEMO_PASSWORD } from '../support/fixtures.js';
import { actorFor } from '../support/invoicing-db-fixtures.js';
import { createPaymentsCoop } from '../support/payments-fixtures.js';
import { changedTables, tableFingerprints } from '../support/row-counts.js';

/**
 * Every route of issue 13's modules, read from the OpenAPI (a route added later is walked
 * too, or fails this test until it is described here), called by a member on what another
 * member's activity owns: its treasury, salaries, advances, jobs, contribution, independence.
 * Each call is refused with 403 or 404 and writes nothing (every table's rows compared); the
 * few routes a member may call (their own lists, their own settings) answer without any id of
 * the other activity's data. On PGlite and PostgreSQL.
 */
const PREFIXES = ['/api/contribution', '/api/jobs', '/api/independents', '/api/treasury', '/api/salaries', '/api/advances', '/api/notifications'];

/** Routes a member may call on their own: they answer, and what they answer names nothing of the other activity. */
const OWN_READS = new Set([
  'GET /api/jobs',
  'GET /api/advances',
  'GET /api/advances/loans',
  'GET /api/salaries/requests',
  'GET /api/salaries/settings',
  'GET /api/contribution/settings',
  'GET /api/independents/member-invoices',
  'GET /api/independents/member-invoices/job-shares',
  'GET /api/independents/me/independence',
  'GET /api/treasury/mine',
  'GET /api/notifications',
  'GET /api/notifications/unread-count',
  'GET /api/notifications/preferences',
]);

/** Query strings a route requires, so that its schema lets the request through to the scope check. */
const QUERIES: Record<string, string> = { 'GET /api/treasury/activities/{activityId}/lines': '?group=receivables' };

/**
 * Refusals that are a 400 naming the other activity's field: the route treats an activity out
 * of the member's reach as unknown (it says nothing of it). Creations of the member's own
 * documents that name no one else's data are refused by their schema here (empty body).
 */
const REFUSED_AS_UNKNOWN = new Set(['POST /api/jobs', 'POST /api/independents/member-invoices', 'POST /api/independents/member-invoices/upload']);

/** A member's writes on their own rows only (their reading marks, their preferences): not sent, they name no one else's data. */
const OWN_WRITES = new Set(['POST /api/notifications/read-all', 'PUT /api/notifications/preferences']);

let t: TestApp;
let f: Awaited<ReturnType<typeof createPaymentsCoop>>;
let intruder: TestClient;
/** The other activity's data, by the name its routes give the parameter or field. */
const theirs: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  f = await createPaymentsCoop(db, 'scope-13');
  const staff = t.client();
  await staff.login(f.coop.staff.email, DEMO_PASSWORD);
  intruder = t.client();
  await intruder.login(f.coop.member.email, DEMO_PASSWORD);
  // The other activity (not the intruder's): an invoice, an advance on it (the fund endowed
  // first, its ceiling the whole revenue), a shared job.
  const admin = actorFor(f.coop.id, f.coop.admin.id, ['admin']);
  await endowFund(db, admin, { amountCents: 1_000_000, date: todayFromClock(), source: 'reserves' });
  await db.transaction((tx) => updateFundSettings(tx, admin, { ...DEFAULT_FUND_SETTINGS, ceilingRevenueShareBp: 10_000, ceilingMaxCents: 100_000_000 }));
  const invoice = await f.issueInvoice({ netCents: 20_000, activityId: f.otherActivityId });
  const advance = await requestAdvance(db, f.staff, { invoiceId: invoice.id, amountCents: 1_000 }, todayFromClock());
  const job = await staff.post('/api/jobs', { clientId: f.clientId, title: 'Affaire voisine', participants: [{ activityId: f.otherActivityId, shareBp: 10_000 }] });
  expect(job.status).toBe(201);
  const [holder] = await db
    .select({ memberId: activityMembers.memberId })
    .from(activityMembers)
    .where(and(eq(activityMembers.coopId, f.coop.id), eq(activityMembers.activityId, f.otherActivityId)));
  Object.assign(theirs, { activityId: f.otherActivityId, invoiceId: invoice.id, advanceId: advance.id, jobId: job.body.id as string, memberId: holder!.memberId });
}, 240_000);
afterAll(() => t?.close());

/** The other activity's id for a path parameter of a route, or a fresh id where it owns nothing of that kind here. */
function paramFor(route: string, name: string): string {
  if (name === 'activityId' || (name === 'id' && route.startsWith('/api/contribution/activities'))) return theirs.activityId!;
  if (name === 'invoiceId') return theirs.invoiceId!;
  if (name === 'memberId') return theirs.memberId!;
  if (name === 'id' && route.startsWith('/api/jobs')) return theirs.jobId!;
  if (name === 'id' && route.startsWith('/api/advances/') && !route.includes('/loans/')) return theirs.advanceId!;
  return randomUUID();
}

/** A body the route's schema takes, aimed at the other activity, so that what refuses it is the scope and not the schema. */
function bodyFor(key: string): unknown {
  const month = todayFromClock().slice(0, 7);
  const bodies: Record<string, unknown> = {
    'POST /api/jobs': { clientId: f.clientId, title: 'Intrusion', participants: [{ activityId: theirs.activityId, shareBp: 10_000 }] },
    'PATCH /api/jobs/{id}': { title: 'Intrusion' },
    'POST /api/salaries/requests/{id}/cancel': { reason: 'Intrusion' },
    'POST /api/salaries/requests': { activityId: theirs.activityId, month, grossCents: 100_00 },
    'POST /api/advances': { invoiceId: theirs.invoiceId, amountCents: 1_000 },
    'PUT /api/contribution/activities/{id}/settings': { rateBp: 800, boundsOverridden: false, floorCents: null, ceilingCents: null, boundPeriod: 'invoice' },
  };
  return bodies[key] ?? {};
}

describe("issue 13's routes, called by a member on another member's activity", () => {
  it('are refused (403 or 404) and write nothing; the member’s own lists show none of it', async () => {
    const spec = (await intruder.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(spec.paths)
      .filter(([route]) => PREFIXES.some((p) => route === p || route.startsWith(`${p}/`)))
      .flatMap(([route, methods]) => Object.keys(methods).map((m) => ({ route, method: m.toUpperCase(), key: `${m.toUpperCase()} ${route}` })));
    expect(operations.length).toBeGreaterThan(50);
    const before = await tableFingerprints(t.database.db);
    const problems: string[] = [];
    const leaks = Object.values(theirs);
    let walked = 0;
    for (const op of operations) {
      if (OWN_WRITES.has(op.key)) continue;
      const url = op.route.replace(/\{([^}]+)\}/g, (_, name: string) => paramFor(op.route, name)) + (QUERIES[op.key] ?? '');
      const res = op.method === 'GET' ? await intruder.get(url) : await intruder.request(op.method as 'POST', url, bodyFor(op.key) as never);
      walked++;
      if (OWN_READS.has(op.key)) {
        if (res.status !== 200) problems.push(`${op.key}: ${res.status} for the member's own read`);
        const leaked = leaks.filter((id) => res.raw.includes(id));
        if (leaked.length) problems.push(`${op.key}: shows ${leaked.join(', ')}`);
      } else if (res.status !== 403 && res.status !== 404 && !(res.status === 400 && REFUSED_AS_UNKNOWN.has(op.key))) {
        problems.push(`${op.key} → ${url}: ${res.status} ${res.raw.slice(0, 160)}`);
      }
    }
    expect(walked).toBe(operations.length - OWN_WRITES.size);
    expect(problems).toEqual([]);
    expect(changedTables(before, await tableFingerprints(t.database.db))).toEqual([]);
  }, 240_000);
});
