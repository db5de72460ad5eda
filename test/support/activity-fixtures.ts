import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../src/platform/db/client.js';
import { members } from '../../src/modules/members/schema.js';

let counter = 0;

/**
 * A member record, inserted directly (the members module owns the real admission flow).
 * Pass `userId` to make it the member record of an account.
 */
export async function insertMember(db: Db, coopId: string, opts: { firstName?: string; lastName?: string; userId?: string } = {}) {
  const n = ++counter;
  const [row] = await db
    .insert(members)
    .values({
      coopId,
      userId: opts.userId ?? null,
      firstName: opts.firstName ?? 'Membre',
      lastName: opts.lastName ?? `Numéro ${n}`,
      email: `member-${n}-${Math.random().toString(36).slice(2, 8)}@fixtures.test`,
      membershipType: 'entrepreneur_salarie',
      status: 'employee',
      statusSince: '2026-01-05',
    })
    .returning();
  return row!;
}

/** How many rows a table holds, to show that a refused request wrote nothing. */
export async function rowCount(db: Db, table: PgTable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}
