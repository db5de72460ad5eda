import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database.js';
import type { Database } from './client.js';
import { distributionKeyViolations } from './distribution-keys.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('distribution by cooperative', () => {
  it('holds on the whole migrated schema: every coop table is keyed by coop_id, or listed as global', async () => {
    expect(await distributionKeyViolations(database.db)).toEqual([]);
  });

  it('reports each kind of breach on a deliberately broken schema', async () => {
    // A schema of its own in the test's database, so the real one stays as it is.
    const statements = [
      `create schema broken`,
      `create table broken.people (id uuid primary key, email text unique)`,
      `create table broken.parents (coop_id uuid not null, id uuid primary key, code text, unique (coop_id, code))`,
      `create table broken.children (coop_id uuid not null, id uuid not null, parent_id uuid references broken.parents (id), label text, primary key (coop_id, id))`,
      `create unique index children_label_key on broken.children (label)`,
      `create table broken.nullable (coop_id uuid, id uuid, primary key (id))`,
      `create table broken.forgotten (id uuid primary key)`,
      `create table broken.good (coop_id uuid not null, id uuid not null, parent_code text, primary key (coop_id, id), foreign key (coop_id, parent_code) references broken.parents (coop_id, code))`,
      `alter table broken.people add column parent_id uuid references broken.parents (id)`,
    ];
    for (const statement of statements) await database.db.execute(sql.raw(statement));
    const problems = await distributionKeyViolations(database.db, { schema: 'broken', globalTables: { people: 'persons are global', vanished: 'a table since removed' } });
    expect(problems.sort()).toEqual(
      [
        'children: foreign key children_parent_id_fkey to parents does not match coop_id with coop_id',
        'children: unique key children_label_key lacks coop_id',
        'forgotten: no coop_id column and not listed in GLOBAL_TABLES',
        'nullable: coop_id may be null',
        'nullable: primary key nullable_pkey lacks coop_id',
        'parents: primary key parents_pkey lacks coop_id',
        'people: global table with foreign key people_parent_id_fkey to the coop table parents',
        'vanished: listed in GLOBAL_TABLES but no such table',
      ].sort(),
    );
    await database.db.execute(sql`drop schema broken cascade`);
  });
});
