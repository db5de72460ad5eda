import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../src/platform/db/client.js';
import { createMember, type NewMember } from '../../src/modules/members/index.js';

let counter = 0;

/** A candidate member created through the members service, as the coop's admin would. */
export async function addMember(db: Db, coop: { id: string; admin: { id: string } }, over: Partial<NewMember> = {}): Promise<{ id: string; email: string }> {
  const n = ++counter;
  const email = over.email ?? `member-${n}-${Math.random().toString(36).slice(2, 8)}@members.test`;
  const input: NewMember = { firstName: 'Prénom', lastName: `Nom ${n}`, membershipType: 'entrepreneur_salarie', ...over, email };
  const { id } = await db.transaction((tx) => createMember(tx, { coopId: coop.id, userId: coop.admin.id }, input));
  return { id, email };
}

/** How many rows a table holds, to show that a refused request wrote nothing. */
export async function countRows(db: Db, table: PgTable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}
