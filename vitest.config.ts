import { defineConfig } from 'vitest/config';

// Three projects: everything on the embedded database; the integration tests again on a
// real PostgreSQL when TEST_DATABASE_URL is set (.ci/run starts one); and browser journeys.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    root: '.',
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
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
        test: { name: 'e2e', include: ['test/e2e/**/*.e2e.test.ts'], fileParallelism: false, testTimeout: 120_000 },
      },
    ],
  },
});
