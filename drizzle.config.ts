import { defineConfig } from 'drizzle-kit';

// One schema, one migrations folder, for PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/*/schema.ts', './src/modules/*/schema.ts'],
  out: './drizzle',
  casing: 'snake_case',
});
