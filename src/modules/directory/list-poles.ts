import { and, eq, not, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { memberHasLeft } from '../members/index.js';
import type { Audience } from './domain/visible-profile.js';
import { directoryProfiles as p } from './schema.js';

/**
 * The poles the pole filter offers a viewer: those written on profiles whose poles that viewer
 * may read (a pole only a hidden field holds would reveal who is in it by the filter's answer).
 */
export async function listPoles(db: Executor, coopId: string, audience: Audience): Promise<string[]> {
  const where: (SQL | undefined)[] = [eq(p.coopId, coopId)];
  if (audience === 'members') where.push(sql`${p.visibility}->>'poles' in ('members', 'public')`);
  if (audience === 'public') where.push(eq(p.listed, true), sql`${p.visibility}->>'poles' = 'public'`);
  if (audience !== 'staff') where.push(not(memberHasLeft(p.coopId, p.memberId)));
  const rows = await db.selectDistinct({ pole: sql<string>`unnest(${p.poles})` }).from(p).where(and(...where));
  return rows.map((r) => r.pole).sort((x, y) => x.localeCompare(y, 'fr'));
}
