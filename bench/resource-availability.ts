/**
 * Resource availability and booking throughput at volume: one cooperative, 500 resources on
 * 4 sites, 1,000,000 bookings over 4 years (2024–2027), 5 % of them cancelled.
 *
 *   1. getAvailability (what GET /api/resources/availability answers) for all 500 resources
 *      over one random week, 200 requests after 20 warm-up: p50/p95. Target p95 < 50 ms.
 *   2. bookResource by 8 concurrent clients on random free slots, some deliberately
 *      conflicting (the same slot tried by every client, or a slot over an existing booking):
 *      bookings/s, conflicts refused, and a query checking that no two live bookings overlap.
 *
 *   BENCH_SERVER_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/resource-availability.ts
 *
 * Where it runs: see bench/support/bench-database.ts. Knobs:
 *   BENCH_SCALE=1          multiplies the bookings (0.1: 100,000)
 *   BENCH_REQUESTS=200     measured availability requests
 *   BENCH_ATTEMPTS=400     booking attempts per client (8 clients)
 *
 * How the bookings are loaded: per resource, the 4 years are cut into 2,000 equal slots
 * (~17.5 h each); each slot holds one booking starting within its first 2 h and lasting 1 to
 * 6 h, so bookings of one resource never overlap, and the slot's last ~7 h stay free (where
 * part 2 books). One INSERT … generate_series per 50 resources; the exclusion constraint is
 * checked on every row, as in production.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { openPostgres, type Database, type Db } from '../src/platform/db/client.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import type { Actor } from '../src/platform/http/context.js';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.js';
import { bookResource, createSite, payPerUse } from '../src/modules/resources/index.js';
import { getAvailability } from '../src/modules/resources/get-availability.js';
import { listBookingsInRange } from '../src/modules/resources/index.js';
import { listResources } from '../src/modules/resources/manage-resources.js';
import { busyBookingsInRange } from '../src/modules/resources/busy-bookings-in-range.js';
import { percentile, prepareBenchDatabase } from './support/bench-database.js';
import { loadCoop } from './support/load-coop.js';
import { rows } from './support/bench-sql.js';

const TARGET_P95_MS = 50;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 400);
const WARM_UP = 20;
const RESOURCES = 500;
const SITES = 4;
const SLOTS = Math.round(2_000 * SCALE); // bookings per resource
const CLIENTS = 8;
const START = Date.parse('2024-01-01T00:00:00Z');
const DAYS = 1461; // 2024-01-01 .. 2028-01-01
const SLOT_MIN = (DAYS * 1440) / SLOTS;
const MIN = 60_000;


/** A tiny deterministic generator, so runs are comparable. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function load(db: Db) {
  const started = performance.now();
  const coop = await loadCoop(db, { label: 'bench-resources', seed: 17, size: { members: 40, activities: 40, clients: 20 }, passwordHash: await hashPassword(DEMO_PASSWORD) });
  const [staff] = await rows<{ id: string }>(db, sql`select id from users where email = ${coop.staff.email}`);
  const actor: Actor = { coopId: coop.id, userId: staff!.id, roles: ['staff'], ip: '127.0.0.1', locale: 'fr' };
  const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' }));
  const siteIds: string[] = [];
  for (let s = 0; s < SITES; s++) siteIds.push((await createSite(db, actor, { name: `Site bench ${s + 1}`, timeZone: 'Europe/Paris', openingHours: hours })).id);
  const siteArray = `array[${siteIds.map((id) => `'${id}'::uuid`).join(',')}]`;
  await db.execute(
    sql.raw(`
    insert into resources (coop_id, id, site_id, kind, name, capacity)
    select '${coop.id}', md5('resource-' || g)::uuid, (${siteArray})[1 + g % ${SITES}],
           (array['hot_desk','hot_desk','hot_desk','dedicated_desk','meeting_room','private_office','van','equipment'])[1 + g % 8],
           'Ressource ' || lpad(g::text, 3, '0'), 1
    from generate_series(1, ${RESOURCES}) g`),
  );
  await db.execute(
    sql.raw(`insert into resource_price_rules (coop_id, resource_id, unit, member_price_cents, non_member_price_cents) select coop_id, id, 'hour', 500, 900 from resources where coop_id = '${coop.id}'`),
  );
  // Bookers: members holding an activity (staff books for them).
  const bookers = await rows<{ member_id: string; activity_id: string }>(
    db,
    sql`select am.member_id, am.activity_id from activity_members am join activities a on a.coop_id = am.coop_id and a.id = am.activity_id
        where am.coop_id = ${coop.id} and a.status = 'active' order by am.member_id, am.activity_id limit 16`,
  );
  const memberArray = `array[${bookers.map((b) => `'${b.member_id}'::uuid`).join(',')}]`;
  const activityArray = `array[${bookers.map((b) => `'${b.activity_id}'::uuid`).join(',')}]`;
  const per = 50;
  for (let from = 1; from <= RESOURCES; from += per) {
    const to = Math.min(RESOURCES, from + per - 1);
    const startsAt = `(timestamptz '2024-01-01 00:00:00+00' + (g * ${SLOT_MIN}) * interval '1 minute' + ((abs(hashint4(r * 7919 + g)) % 120) * interval '1 minute'))`;
    const minutes = `(60 * (1 + abs(hashint4(r * 104729 + g)) % 6))`;
    const k = `(1 + (r + g) % ${bookers.length})`;
    await db.execute(
      sql.raw(`
      insert into resource_bookings (coop_id, id, resource_id, starts_at, ends_at, status, member_id, activity_id, booked_by, price_cents, billable_cents, paid_by, cancelled_at, cancelled_by, created_at)
      select '${coop.id}', gen_random_uuid(), md5('resource-' || r)::uuid, ${startsAt}, ${startsAt} + ${minutes} * interval '1 minute',
             case when g % 20 = 0 then 'cancelled' else 'confirmed' end,
             (${memberArray})[${k}], (${activityArray})[${k}], '${actor.userId}', ${minutes} / 60 * 500, ${minutes} / 60 * 500, 'pay_per_use',
             case when g % 20 = 0 then ${startsAt} - interval '1 day' end, case when g % 20 = 0 then '${actor.userId}'::uuid end,
             ${startsAt} - interval '7 days'
      from generate_series(${from}, ${to}) r, generate_series(0, ${SLOTS - 1}) g`),
    );
  }
  await db.execute(sql`vacuum analyze`);
  const [c] = await rows<{ n: number; cancelled: number }>(db, sql`select count(*)::int as n, count(*) filter (where status = 'cancelled')::int as cancelled from resource_bookings where coop_id = ${coop.id}`);
  console.log(`Loaded in ${((performance.now() - started) / 1000).toFixed(0)} s: ${RESOURCES} resources on ${SITES} sites, ${c!.n.toLocaleString('en')} bookings (${c!.cancelled.toLocaleString('en')} cancelled)\n`);
  return { coop, actor, bookers };
}

/** Part 1: the availability of every resource over one random week. */
async function measureAvailability(db: Db, actor: Actor) {
  const rand = rng(42);
  const weeks = Math.floor((DAYS - 7) / 7);
  const durations: number[] = [];
  let error: string | null = null;
  let busyTotal = 0;
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    const from = new Date(START + Math.floor(rand() * weeks) * 7 * 1440 * MIN);
    const to = new Date(from.getTime() + 7 * 1440 * MIN);
    const t = performance.now();
    const a = await getAvailability(db, actor, { from, to });
    const elapsed = performance.now() - t;
    if (i >= WARM_UP) {
      durations.push(elapsed);
      busyTotal += a.resources.reduce((n, r) => n + r.busy.length, 0);
    }
    if (a.resources.length !== RESOURCES) error ??= `${a.resources.length} resources, expected ${RESOURCES}`;
  }
  durations.sort((a, b) => a - b);
  return { n: durations.length, p50: percentile(durations, 50), p95: percentile(durations, 95), max: durations[durations.length - 1]!, busyPerWeek: busyTotal / durations.length, error };
}

/** Part 2: 8 clients booking at once: free slots, slots all clients want, slots over an existing booking. */
async function measureBooking(db: Db, actor: Actor, bookers: { member_id: string; activity_id: string }[]) {
  const resourceIds = (await rows<{ id: string }>(db, sql`select id from resources where coop_id = ${actor.coopId} order by id`)).map((r) => r.id);
  const now = new Date(START - 1440 * MIN);
  // The free window of slot g begins 10 h after its start (a loaded booking ends before 8 h).
  const freeSlot = (r: number, g: number, hour: number) => {
    const s = START + Math.round(g * SLOT_MIN) * MIN + (600 + hour * 60) * MIN;
    return { resourceId: resourceIds[r]!, startsAt: new Date(s).toISOString(), endsAt: new Date(s + 60 * MIN).toISOString() };
  };
  // Over the loaded booking of slot g (g % 20 != 0: not cancelled): [slot start, +3 h) always overlaps it.
  const overExisting = (r: number, g: number) => {
    const s = START + Math.round(g * SLOT_MIN) * MIN;
    return { resourceId: resourceIds[r]!, startsAt: new Date(s).toISOString(), endsAt: new Date(s + 180 * MIN).toISOString() };
  };
  // Slots every client tries, at the same step of its loop.
  const hot = Array.from({ length: ATTEMPTS }, (_, i) => freeSlot((i * 37) % RESOURCES, 1 + ((i * 101) % (SLOTS - 2)), 6));
  const tally = { booked: 0, taken: 0, other: 0, attempts: 0, planned: { free: 0, hot: 0, existing: 0 } };
  const otherErrors = new Map<string, number>();
  const latencies: number[] = [];
  const client = async (c: number) => {
    const rand = rng(1000 + c);
    const who = bookers[c % bookers.length]!;
    for (let i = 0; i < ATTEMPTS; i++) {
      const x = rand();
      const g = 1 + Math.floor(rand() * (SLOTS - 2));
      const r = Math.floor(rand() * RESOURCES);
      let slot;
      if (x < 0.7) {
        slot = freeSlot(r, g, Math.floor(rand() * 5));
        tally.planned.free++;
      } else if (x < 0.9) {
        slot = hot[i]!;
        tally.planned.hot++;
      } else {
        slot = overExisting(r, g % 20 === 0 ? g + 1 : g);
        tally.planned.existing++;
      }
      const t = performance.now();
      try {
        await bookResource(db, payPerUse, actor, { ...slot, memberId: who.member_id, activityId: who.activity_id }, now);
        tally.booked++;
      } catch (err: any) {
        const code = err?.code ?? err?.message ?? String(err);
        if (code === 'SLOT_TAKEN') tally.taken++;
        else {
          tally.other++;
          otherErrors.set(code, (otherErrors.get(code) ?? 0) + 1);
        }
      }
      latencies.push(performance.now() - t);
      tally.attempts++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const [overlaps] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from resource_bookings a join resource_bookings b
        on b.coop_id = a.coop_id and b.resource_id = a.resource_id and b.id > a.id and b.during && a.during
        where a.coop_id = ${actor.coopId} and a.status <> 'cancelled' and b.status <> 'cancelled'`,
  );
  return { seconds, tally, otherErrors, overlaps: overlaps!.n, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

/** Where the time of one availability answer goes: its parts, timed alone over the same random weeks. */
async function breakdown(db: Db, coopId: string) {
  const weeks = Math.floor((DAYS - 7) / 7);
  const parts: [string, (from: Date, to: Date) => Promise<unknown>][] = [
    ['listResources (500, with prices)', () => listResources(db, coopId, {})],
    ['listBookingsInRange (drizzle rows)', (from, to) => listBookingsInRange(db, coopId, { from, to })],
    [
      'same bookings query, raw SQL',
      (from, to) =>
        rows(
          db,
          sql`select b.id, b.resource_id, r.name, r.kind, r.site_id, s.name, s.time_zone, b.starts_at, b.ends_at, b.status, b.member_id, b.activity_id, b.client_id, b.title, b.price_cents, b.billable_cents, b.paid_by, b.recurrence_id, b.created_at
              from resource_bookings b join resources r on r.coop_id = b.coop_id and r.id = b.resource_id join resource_sites s on s.coop_id = r.coop_id and s.id = r.site_id
              where b.coop_id = ${coopId} and b.status <> 'cancelled' and b.during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)') order by b.starts_at, b.id`,
        ),
    ],
    ['busyBookingsInRange (what the grid reads)', (from, to) => busyBookingsInRange(db, coopId, { from, to })],
    [
      'bookings, index scan only (count)',
      (from, to) => rows(db, sql`select count(*) from resource_bookings b where b.coop_id = ${coopId} and b.status <> 'cancelled' and b.during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`),
    ],
  ];
  console.log('\nBreakdown (each part alone, 100 random weeks after 10 warm-up):');
  for (const [name, run] of parts) {
    const rand = rng(7);
    const d: number[] = [];
    for (let i = 0; i < 110; i++) {
      const from = new Date(START + Math.floor(rand() * weeks) * 7 * 1440 * MIN);
      const to = new Date(from.getTime() + 7 * 1440 * MIN);
      const t = performance.now();
      await run(from, to);
      if (i >= 10) d.push(performance.now() - t);
    }
    d.sort((x, y) => x - y);
    console.log(`  ${name.padEnd(44)} p50 ${percentile(d, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(d, 95).toFixed(1).padStart(6)} ms`);
  }
}

async function explain(db: Db, coopId: string) {
  const from = new Date(START + 100 * 7 * 1440 * MIN).toISOString();
  const to = new Date(START + 101 * 7 * 1440 * MIN).toISOString();
  const plan = await rows<{ 'QUERY PLAN': string }>(
    db,
    sql`explain (analyze, buffers) select b.id, b.resource_id, b.member_id, b.client_id, lower(b.during), upper(b.during)
        from resource_bookings b
        where b.coop_id = ${coopId} and b.status <> 'cancelled' and b.during && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')`,
  );
  console.log('\nEXPLAIN ANALYZE of the busy bookings of one week, all resources (busyBookingsInRange):');
  for (const p of plan) console.log(`  ${p['QUERY PLAN']}`);
}

async function main() {
  const target = await prepareBenchDatabase();
  let database: Database | undefined;
  try {
    database = await openPostgres(target.url, CLIENTS + 2);
    const db = database.db;
    const [{ version }] = await rows<{ version: string }>(db, sql`select current_setting('server_version') as version`);
    console.log(`PostgreSQL ${version}, database ${target.where}; ${os.cpus().length} CPUs; ${RESOURCES} resources, ${(RESOURCES * SLOTS).toLocaleString('en')} bookings`);
    await migrateDatabase(database);
    const { actor, bookers } = await load(db);

    const a = await measureAvailability(db, actor);
    const ms = (v: number) => v.toFixed(1).padStart(7);
    console.log(`${'scenario'.padEnd(40)} ${'n'.padStart(4)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)}  target  result`);
    const verdict = a.error ? `WRONG: ${a.error}` : a.p95 < TARGET_P95_MS ? 'ok' : 'SLOW';
    console.log(`${'availability, 500 resources, one week'.padEnd(40)} ${String(a.n).padStart(4)} ${ms(a.p50)} ${ms(a.p95)} ${ms(a.max)}  <${TARGET_P95_MS} ms  ${verdict}`);
    console.log(`  (${a.busyPerWeek.toFixed(0)} busy slots per answer on average)`);
    if (verdict !== 'ok') process.exitCode = 1;
    await breakdown(db, actor.coopId);
    await explain(db, actor.coopId);

    const b = await measureBooking(db, actor, bookers);
    console.log(`\nBooking, ${CLIENTS} concurrent clients, ${b.tally.attempts} attempts (planned: ${b.tally.planned.free} free, ${b.tally.planned.hot} contested by all clients, ${b.tally.planned.existing} over an existing booking) in ${b.seconds.toFixed(1)} s:`);
    console.log(`  ${(b.tally.attempts / b.seconds).toFixed(0)} attempts/s, ${(b.tally.booked / b.seconds).toFixed(0)} bookings/s; per call p50 ${b.p50.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms`);
    console.log(`  booked ${b.tally.booked}, refused as taken ${b.tally.taken}, other errors ${b.tally.other}${b.otherErrors.size ? ` (${[...b.otherErrors].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`);
    console.log(`  overlapping live bookings after the run: ${b.overlaps} ${b.overlaps === 0 ? '(ok)' : '(WRONG)'}`);
    if (b.overlaps !== 0 || b.tally.other > 0) process.exitCode = 1;
  } finally {
    await database?.close();
    await target.drop?.();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
