import { defineConfig } from 'vitest/config';

// Three projects: everything on the embedded database; the integration tests again on a
// real PostgreSQL when TEST_DATABASE_URL is set (.ci/run starts one); and browser journeys.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

// Vitest's default is one worker less than the cores: on the 2-core CI machine that is ONE
// worker, every file one after the other. The test files wait on their database (PGlite in
// the worker, PostgreSQL in its own processes) and the browser, so two workers keep both
// cores busy. VITEST_MAX_WORKERS (read by vitest) still overrides it.
const WORKERS = 2;

export default defineConfig({
  test: {
    root: '.',
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: WORKERS,
    // A test file's worker keeps the modules it imported for the next file. Isolated, every
    // file imported the whole server again: ~3 s of CPU each (measured with process.cpuUsage),
    // for ~250 files on two cores. It is safe here because no test mocks a module, fakes the
    // clock or stubs a global, and every file builds its own database, app and server.
    isolate: false,
    projects: [
      {
        extends: true as const,
        test: { name: 'pglite', include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/architecture/**/*.test.ts'], env: { TEST_DB: 'pglite' } },
      },
      ...(onPostgres
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', include: ['src/**/*.int.test.ts', 'test/integration/**/*.test.ts'], env: { TEST_DB: 'postgres' } },
            },
          ]
        : []),
      {
        extends: true as const,
        // One journey at a time, after the other projects (groupOrder): each has its own server, database
        // and browser, so two could run at once, but that was not shown reliable on 2 cores.
        // With a PostgreSQL server at hand (CI), the journeys run on it, as a production install
        // does: each clones the demo seeded once (CREATE DATABASE … TEMPLATE, under a second)
        // instead of unpacking it into an embedded database in the test's own process, whose
        // queries then competed with the browser and the test for the same core. Without one,
        // they run on the embedded database, as `npm start` does. Every integration test still
        // runs on both engines.
        test: { name: 'e2e', include: ['test/e2e/**/*.e2e.test.ts'], fileParallelism: false, sequence: { groupOrder: 1 }, testTimeout: 120_000, env: { TEST_DB: onPostgres ? 'postgres' : 'pglite' } },
      },
    ],
  },
});
