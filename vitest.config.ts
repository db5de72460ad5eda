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
        // One journey at a time, after the other projects: each has its own server, database
        // and browser, so two could run at once, but that was not shown reliable on 2 cores.
        test: { name: 'e2e', include: ['test/e2e/**/*.e2e.test.ts'], fileParallelism: false, testTimeout: 120_000 },
      },
    ],
  },
});
