/**
 * The knowledge base's search at the size of a large network's base: 10,000 pages (half in a
 * staff-only space) with their first revision, each body about 120 words of French guide text.
 * Measured through the real HTTP app (createServer, app.inject) with logged-in sessions, so each
 * figure includes the session, the access filter, the ranking and the snippets.
 * Target: p95 < 100 ms (DESIGN.md's bound for every list page).
 *
 *   BENCH_SERVER_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/knowledge-search.ts
 *
 * Knobs: BENCH_PAGES=10000, BENCH_REQUESTS=200 (after 20 warm-up requests). Where it runs: see
 * bench/support/bench-database.ts. Pages are loaded as bench/treasury.ts loads invoices: one
 * written through the operations, then cloned in SQL with its own ids, title and text.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { loadConfig } from '../src/platform/config.js';
import { openPostgres, type Database, type Db } from '../src/platform/db/client.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { localDiskStorage } from '../src/platform/files/local-disk-storage.js';
import type { Actor } from '../src/platform/http/context.js';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.js';
import { createBook, createPage, createSpace } from '../src/modules/knowledge/index.js';
import { createServer } from '../src/server.js';
import { TestClient } from '../test/support/app.js';
import { percentile, prepareBenchDatabase } from './support/bench-database.js';
import { loadCoop } from './support/load-coop.js';
import { rows, columnsOf } from './support/bench-sql.js';

const TARGET_P95_MS = 100;
const PAGES = Number(process.env.BENCH_PAGES ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;

const WORDS = (
  'facture devis client contribution coopérative trésorerie activité salaire frais déplacement repas justificatif remboursement ' +
  'assurance contrat mission acompte échéance relance paiement virement prélèvement mandat TVA déclaration comptabilité bilan ' +
  'accompagnement conseiller entrepreneur associé assemblée statuts formation atelier réunion planning salle matériel véhicule ' +
  'chantier prospect partenaire réseau marché appel offre signature délai livraison qualité sécurité hygiène archivage'
).split(' ');
const QUERIES = ['frais deplacement', 'tresorerie', 'remboursement justificatif', 'appel offre', 'cooperative contribution', 'vehicule', 'echeance relance', 'formation atelier'];



/**
 * A SQL expression of `n` words picked by hash of the series number: each page its own text.
 * One word in eight comes from the guide vocabulary, the others are pseudo-words, so a word
 * is found in a fraction of the pages, as in a real base (not in every page).
 */
function wordsOf(n: number, salt: string): string {
  const vocab = `array[${WORDS.map((w) => `'${w}'`).join(',')}]`;
  return Array.from({ length: n }, (_, i) => {
    const h = `hashtext(g::text || '${salt}${i}')`;
    return `(case when abs(${h}) % 8 = 0 then (${vocab})[1 + abs(${h} / 8) % ${WORDS.length}] else substr(md5(${h}::text), 1, 7) end)`;
  }).join(` || ' ' || `);
}

async function load(db: Db) {
  const coop = await loadCoop(db, { label: 'bench-knowledge', seed: 16, size: { members: 20, activities: 20, clients: 5 }, passwordHash: await hashPassword(DEMO_PASSWORD) });
  const [staff] = await rows<{ id: string }>(db, sql`select id from users where email = ${coop.staff.email}`);
  const actor: Actor = { coopId: coop.id, userId: staff!.id, roles: ['staff'], ip: '127.0.0.1', locale: 'fr' };
  const guide = await createSpace(db, actor, { name: 'Guide', description: '', visibility: 'members', membersCanEdit: true, sharedWithNetwork: false });
  const internal = await createSpace(db, actor, { name: 'Interne', description: '', visibility: 'staff', membersCanEdit: false, sharedWithNetwork: false });
  const books = [(await createBook(db, actor, guide.id, { name: 'Livre', description: '', visibility: null })).books[0]!.id, (await createBook(db, actor, internal.id, { name: 'Livre', description: '', visibility: null })).books[0]!.id];
  const template = await createPage(db, actor, books[0]!, { title: 'Modèle', body: 'Texte du modèle.' });
  const pageCols = await columnsOf(db, 'kb_pages');
  const revisionCols = await columnsOf(db, 'kb_page_revisions');
  const pageId = `md5('kb-page-' || g)::uuid`;
  const title = `initcap(${wordsOf(4, 't')})`;
  const body = Array.from({ length: 12 }, (_, i) => wordsOf(10, `b${i}`)).join(` || E'.\\n' || `);
  const started = performance.now();
  const clone = (table: string, cols: string[], overrides: Record<string, string>, where: string) =>
    `insert into ${table} (${cols.join(', ')}) select ${cols.map((c) => overrides[c] ?? `t.${c}`).join(', ')} from ${table} t, generate_series(1, ${PAGES}) g where ${where}`;
  await db.execute(sql.raw(clone('kb_pages', pageCols, { id: pageId, book_id: `(array['${books[0]}'::uuid, '${books[1]}'::uuid])[1 + g % 2]`, slug: `'p-' || g`, title, body }, `t.coop_id = '${coop.id}' and t.id = '${template.id}'`)));
  await db.execute(
    sql.raw(
      `insert into kb_page_revisions (${revisionCols.filter((c) => c !== 'id').join(', ')}) select ${revisionCols
        .filter((c) => c !== 'id')
        .map((c) => ({ page_id: 'p.id', title: 'p.title', body: 'p.body' })[c] ?? `r.${c}`)
        .join(', ')} from kb_pages p, kb_page_revisions r where p.coop_id = '${coop.id}' and p.id <> '${template.id}' and r.coop_id = p.coop_id and r.page_id = '${template.id}'`,
    ),
  );
  await db.execute(sql`analyze kb_pages`);
  console.log(`loaded ${PAGES.toLocaleString('en')} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return coop;
}

async function main() {
  const target = await prepareBenchDatabase();
  let database: Database | undefined;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mutualise-bench-'));
  try {
    database = await openPostgres(target.url);
    const db = database.db;
    const [{ version }] = await rows<{ version: string }>(db, sql`select current_setting('server_version') as version`);
    console.log(`PostgreSQL ${version}, database ${target.where}; ${os.cpus().length} CPUs; ${PAGES.toLocaleString('en')} pages`);
    await migrateDatabase(database);
    const coop = await load(db);
    const config = loadConfig({ DATA_DIR: dataDir, WEB_DIR: path.join(dataDir, 'no-web'), PUBLIC_URL: 'http://mutualise.bench', LOG_LEVEL: 'warn' });
    const app = await createServer({ config, database, storage: localDiskStorage(path.join(dataDir, 'files')), logger: false });
    await app.ready();
    const sessions = { staff: new TestClient(app), member: new TestClient(app) };
    await sessions.staff.login(coop.staff.email, DEMO_PASSWORD);
    await sessions.member.login(coop.member.email, DEMO_PASSWORD);
    const header = `${'scenario'.padEnd(28)} ${'n'.padStart(4)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)}  target  result`;
    console.log(header);
    let failed = 0;
    for (const as of ['staff', 'member'] as const) {
      const durations: number[] = [];
      let error: string | null = null;
      for (let i = 0; i < WARM_UP + REQUESTS; i++) {
        const t0 = performance.now();
        const res = await sessions[as].get(`/api/knowledge/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}`);
        const ms = performance.now() - t0;
        if (res.status !== 200) error = `status ${res.status}`;
        else if (res.body.items.length === 0) error = `no hit for ${QUERIES[i % QUERIES.length]}`;
        if (i >= WARM_UP) durations.push(ms);
      }
      durations.sort((x, y) => x - y);
      const p95 = percentile(durations, 95);
      const verdict = error ? `WRONG: ${error}` : p95 < TARGET_P95_MS ? 'ok' : 'SLOW';
      if (verdict !== 'ok') failed++;
      console.log(`${`search as ${as}`.padEnd(28)} ${String(durations.length).padStart(4)} ${percentile(durations, 50).toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(7)} ${durations.at(-1)!.toFixed(1).padStart(7)}  <${TARGET_P95_MS} ms  ${verdict}`);
    }
    await app.close();
    if (failed) process.exitCode = 1;
  } finally {
    await database?.close();
    await target.drop?.();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
