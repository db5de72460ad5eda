import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from './platform/config.js';
import { openDatabase, type Database } from './platform/db/client.js';
import { migrateDatabase } from './platform/db/migrate.js';
import { dispatchOutbox, smtpTransport } from './platform/mail/outbox.js';
import { localDiskStorage } from './platform/files/local-disk-storage.js';
import { hashPassword } from './platform/auth/passwords.js';
import { assertPasswordPolicy } from './platform/auth/password-messages.js';
import { ensureUser, grantRole, setPasswordHash } from './platform/auth/service.js';
import { AppError } from './platform/errors.js';
import { allCoopIds, getCoop } from './modules/coops/index.js';
import { scheduleDunning } from './modules/dunning/index.js';
import { scheduleIndependents } from './modules/independents/index.js';
import { scheduleResourceBilling } from './modules/plans/index.js';
import { scheduleFees } from './modules/fees/index.js';
import { DEMO_PASSWORD, seedDemo, type DemoLogin } from './demo/seed-demo.js';
import { createServer } from './server.js';

const config = loadConfig();

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function isEmpty(database: Database) {
  return (await allCoopIds(database.db)).length === 0;
}

/** The files of the app (what createServer would build), also where the demo's sales chain stores its quote PDFs. */
const fileStorage = () => localDiskStorage(path.join(config.dataDir, 'files'));

function printLogins(logins: DemoLogin[]) {
  console.log(`\n  Comptes de démonstration (mot de passe : ${DEMO_PASSWORD})`);
  for (const l of logins) console.log(`    ${l.role.padEnd(7)} ${l.email}`);
}

const program = new Command('mutualise').description('Mutualise — the pooled services of a shared enterprise');

program
  .command('start')
  .description('apply migrations, seed the demo cooperative on first start, serve the app and the API')
  .option('--no-demo', 'do not seed the demo cooperative on an empty database')
  .action(async (opts: { demo: boolean }) => {
    const database = await openDatabase(config);
    await migrateDatabase(database);
    const storage = fileStorage();
    let logins: DemoLogin[] = [];
    if (opts.demo && (await isEmpty(database))) logins = (await seedDemo(database.db, new Date(), { storage, publicUrl: config.publicUrl })).logins;
    const app = await createServer({ config, database, storage });
    await app.listen({ port: config.port, host: config.host });
    // Background jobs start after listen and are stopped by `stop` below (Fastify takes no hook once listening).
    // The queued work first: what a crash left after a commit (an issued invoice's files) runs now.
    const stopJobs = app.deps.jobs.start(config.jobsPollMs);
    let stopOutbox = () => {};
    if (config.smtpUrl) {
      const transport = smtpTransport(config.smtpUrl);
      const timer = setInterval(() => {
        dispatchOutbox(database.db, transport, app.deps.storage, config.mailFrom, app.log).catch((err) => app.log.error({ err }, 'outbox dispatch failed'));
      }, 10_000);
      stopOutbox = () => clearInterval(timer);
    }
    const stopDunning = config.dunningScheduler ? scheduleDunning({ database, storage: app.deps.storage, log: app.log }) : () => {};
    // The daily runs (independence thresholds) are queued as durable jobs, one per coop and day.
    const stopIndependents = config.dunningScheduler ? scheduleIndependents({ db: database.db, log: app.log }) : () => {};
    // The monthly fee run, queued once per coop and month as a durable job.
    const stopFees = config.dunningScheduler ? scheduleFees({ db: database.db, log: app.log }) : () => {};
    // Last month's resource billing (plan fees, pay-per-use bookings), queued once per coop and month.
    const stopResourceBilling = config.dunningScheduler ? scheduleResourceBilling({ db: database.db, log: app.log }) : () => {};
    const where = database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
    console.log(`\n  Mutualise is running on ${config.publicUrl}  (database: ${where})`);
    console.log(`  API: ${config.publicUrl}/api  ·  OpenAPI: ${config.publicUrl}/api/openapi.json  ·  docs: ${config.publicUrl}/api/docs`);
    if (logins.length) printLogins(logins);
    else console.log(`\n  Demo accounts, if seeded: admin@demo.mutualise.coop / ${DEMO_PASSWORD}`);
    const stop = async () => {
      stopOutbox();
      stopDunning();
      stopIndependents();
      stopFees();
      stopResourceBilling();
      await stopJobs();
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() => withDatabase(async () => console.log('migrations applied')));

program
  .command('seed-demo')
  .description('seed the demo cooperative (only on an empty database)')
  .action(() =>
    withDatabase(async (database) => {
      if (!(await isEmpty(database))) {
        console.log('the database already holds a cooperative: nothing seeded');
        return;
      }
      printLogins((await seedDemo(database.db, new Date(), { storage: fileStorage(), publicUrl: config.publicUrl })).logins);
    }),
  );

program
  .command('create-admin')
  .description('give a person the admin role in a cooperative, creating their account if needed')
  .requiredOption('--email <email>')
  .requiredOption('--name <displayName>')
  .option('--coop <siren>', 'SIREN of the cooperative (default: the only one)')
  .option('--password <password>', 'password (or MUTUALISE_ADMIN_PASSWORD)')
  .action((opts: { email: string; name: string; coop?: string; password?: string }) =>
    withDatabase(async (database) => {
      const password = opts.password ?? process.env.MUTUALISE_ADMIN_PASSWORD;
      if (!password) throw new Error('--password or MUTUALISE_ADMIN_PASSWORD is required');
      assertPasswordPolicy('password', password, { email: opts.email, displayName: opts.name });
      const all = await Promise.all((await allCoopIds(database.db)).map((id) => getCoop(database.db, id)));
      const coop = opts.coop ? all.find((c) => c.siren === opts.coop) : all.length === 1 ? all[0] : undefined;
      if (!coop) throw new Error(opts.coop ? `no cooperative with SIREN ${opts.coop}` : 'several cooperatives: name one with --coop <siren>');
      const passwordHash = await hashPassword(password);
      await database.db.transaction(async (tx) => {
        const { user } = await ensureUser(tx, { email: opts.email, displayName: opts.name });
        await setPasswordHash(tx, user.id, passwordHash);
        await grantRole(tx, coop.id, user.id, 'admin');
      });
      console.log(`${opts.email} is admin of ${coop.name}`);
    }),
  );

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof AppError ? `${err.code}: ${err.text.en}${err.fields.length ? ' ' + JSON.stringify(err.fields) : ''}` : err);
  process.exit(1);
});
