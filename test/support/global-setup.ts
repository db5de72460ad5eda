import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/platform/db/client.js';
import { migrateDatabase } from '../../src/platform/db/migrate.js';
import { seedDemo } from '../../src/demo/seed-demo.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
    /** The demo cooperative seeded on the PGlite template, dumped; '' outside the e2e project. */
    pgliteDemo: string;
    /** The UTC day (YYYY-MM-DD) the demo dump was seeded for: its dates are relative to it. */
    pgliteDemoDay: string;
    /** On PostgreSQL, the database holding the seeded demo that each journey clones; '' otherwise. */
    postgresDemo: string;
    /** The UTC day the PostgreSQL demo was seeded for. */
    postgresDemoDay: string;
  }
}

const TMP = path.resolve('.tmp');

/**
 * What the run builds once, whichever projects ask for it. Vitest calls this setup once per
 * project (and once for the root config), all in the main process: the promises live on
 * globalThis so the migrations run once per run, not once per project, and only for the
 * projects that run (a developer's `vitest run some.test.ts` pays for its engine alone).
 */
interface RunTemplates {
  pglite?: Promise<string>;
  postgres?: Promise<string>;
  demo?: Promise<{ file: string; day: string }>;
  postgresDemo?: Promise<{ database: string; day: string }>;
  files: string[];
  databases: string[];
  tornDown: boolean;
}
const run: RunTemplates = ((globalThis as { __mutualiseTemplates?: RunTemplates }).__mutualiseTemplates ??= { files: [], databases: [], tornDown: false });

/**
 * Migrates the schema once per run: a PGlite data dir dumped to a file (loading it is cheaper
 * than migrating a fresh one), and on PostgreSQL a template database that each test file clones.
 * For the browser journeys, the demo cooperative is seeded once on that template and dumped
 * too: every journey starts on the same demo, without seeding it again (~6 s each under load).
 */
export default async function setup(project: TestProject) {
  const name = project.name;
  const url = process.env.TEST_DATABASE_URL;
  // The journeys run on the engine their project names (vitest.config.ts): PostgreSQL when the
  // run has one, the embedded database otherwise.
  const journeysOnPostgres = name === 'e2e' && project.config.env?.TEST_DB === 'postgres' && Boolean(url);
  const wantsPglite = name === 'pglite' || (name === 'e2e' && !journeysOnPostgres);

  project.provide('pgliteTemplate', wantsPglite ? await pgliteTemplate() : '');
  project.provide('postgresTemplate', (name === 'postgres' || journeysOnPostgres) && url ? await postgresTemplate(url) : '');
  const demo = name === 'e2e' && !journeysOnPostgres ? await demoTemplate() : { file: '', day: '' };
  project.provide('pgliteDemo', demo.file);
  project.provide('pgliteDemoDay', demo.day);
  const pgDemo = journeysOnPostgres && url ? await postgresDemoTemplate(url) : { database: '', day: '' };
  project.provide('postgresDemo', pgDemo.database);
  project.provide('postgresDemoDay', pgDemo.day);

  return teardown;
}

function pgliteTemplate(): Promise<string> {
  return (run.pglite ??= (async () => {
    await fs.mkdir(TMP, { recursive: true });
    const pglite = await openPglite(undefined);
    await migrateDatabase(pglite);
    // Every test file unpacks this dump into memory: without the two template databases no
    // test uses (none creates a database on PGlite) it is 49 MB → 34 MB to copy and start.
    for (const template of ['template0', 'template1']) {
      // Two calls: a multi-statement exec is one transaction, and DROP DATABASE refuses that.
      await pglite.pglite!.exec(`update pg_database set datistemplate = false where datname = '${template}'`);
      await pglite.pglite!.exec(`drop database ${template}`);
    }
    const dump = await pglite.pglite!.dumpDataDir('none');
    const file = path.join(TMP, `pglite-template-${process.pid}.tar`);
    run.files.push(file);
    await fs.writeFile(file, Buffer.from(await dump.arrayBuffer()));
    await pglite.close();
    return file;
  })());
}

function postgresTemplate(url: string): Promise<string> {
  return (run.postgres ??= (async () => {
    const template = `mutualise_tpl_${process.pid}`;
    run.databases.push(template);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    await admin.end();
    const db = await openPostgres(withDatabase(url, template), 2);
    await migrateDatabase(db);
    await db.close();
    return template;
  })());
}

/**
 * `seedDemo(db, now)` gives the same cooperative for the same day ("the same `now` gives the
 * same cooperative"): the day is handed to the journeys, and `startE2E()` seeds afresh instead
 * of loading this dump if the run has crossed midnight (UTC, as the seed's days are) since.
 */
function demoTemplate(): Promise<{ file: string; day: string }> {
  return (run.demo ??= (async () => {
    const template = await pgliteTemplate();
    const now = new Date();
    const pglite = await openPglite(undefined, new Blob([await fs.readFile(template)]));
    await seedDemo(pglite.db, now);
    const dump = await pglite.pglite!.dumpDataDir('none');
    const file = path.join(TMP, `pglite-demo-${process.pid}.tar`);
    run.files.push(file);
    await fs.writeFile(file, Buffer.from(await dump.arrayBuffer()));
    await pglite.close();
    return { file, day: now.toISOString().slice(0, 10) };
  })());
}

/** The demo seeded once on PostgreSQL, in a database the journeys clone as a template. */
function postgresDemoTemplate(url: string): Promise<{ database: string; day: string }> {
  return (run.postgresDemo ??= (async () => {
    const template = await postgresTemplate(url);
    const database = `mutualise_demo_${process.pid}`;
    run.databases.push(database);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database} template ${template}`);
    await admin.end();
    const now = new Date();
    const db = await openPostgres(withDatabase(url, database), 2);
    await seedDemo(db.db, now);
    await db.close();
    return { database, day: now.toISOString().slice(0, 10) };
  })());
}

async function teardown() {
  if (run.tornDown) return;
  run.tornDown = true;
  for (const file of run.files) await fs.rm(file, { force: true });
  const url = process.env.TEST_DATABASE_URL;
  if (url && run.databases.length > 0) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rows } = await admin.query(`select datname from pg_database where datname like 'mutualise_t%_${process.pid}%' or datname = any($1)`, [run.databases]);
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
