import { and, asc, count, eq, exists, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { amongMatches, FEW_MATCHES, likeEscape } from '../../platform/db/search.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { normalizeDigits } from '../../platform/identifiers/siren.js';
import { activityScopeOf, type Viewer } from '../activities/index.js';
import { linkedTo, visibleClients } from './client-access.js';
import { linkedActivitiesOf } from './client-activities-view.js';
import type { ClientSummary, ListClientsQuery } from './contract.js';
import { clientAddresses, clients } from './schema.js';

/**
 * Search by name whatever the accents ("Etienne" finds "Étienne"), by SIREN however it
 * is spaced, or by e-mail. Each condition is one that a trigram index of 0006_search_indexes.sql
 * answers (f_unaccent, not unaccent, for the accents).
 */
function matching(q: string): SQL {
  const pattern = `%${likeEscape(q)}%`;
  const conditions: SQL[] = [sql`f_unaccent(${clients.name}) ilike f_unaccent(${pattern})`, ilike(clients.email, pattern)];
  const digits = normalizeDigits(q);
  if (/^\d{3,14}$/.test(digits)) conditions.push(sql`${clients.siren} like ${`%${digits.slice(0, 9)}%`}`);
  return or(...conditions)!;
}

/** The clients a person may see, a page at a time, in alphabetical order as a French reader expects it (É with E), whatever the database collation. */
export async function listClients(db: Executor, viewer: Viewer, q: ListClientsQuery): Promise<Page<ClientSummary>> {
  const scope = await activityScopeOf(db, viewer);
  const visible = visibleClients(db, viewer.coopId, scope);
  if (!visible) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const filters: SQL[] = [visible, q.archived ? isNotNull(clients.archivedAt) : isNull(clients.archivedAt)];
  if (q.kind) filters.push(eq(clients.kind, q.kind));
  if (q.activityId) filters.push(exists(linkedTo(db, viewer.coopId, [q.activityId])));
  if (q.q) filters.push(matching(q.q));
  const where = and(...filters);
  const [{ total }] = await db.select({ total: count() }).from(clients).where(where);
  // A search with few matches finds them first, then sorts them (see amongMatches).
  const page = q.q && total <= FEW_MATCHES ? and(eq(clients.coopId, viewer.coopId), amongMatches(clients.id, db.select({ id: clients.id }).from(clients).where(where))) : where;
  const city = db
    .select({ city: clientAddresses.city })
    .from(clientAddresses)
    .where(and(eq(clientAddresses.coopId, clients.coopId), eq(clientAddresses.clientId, clients.id), eq(clientAddresses.kind, 'billing'), eq(clientAddresses.isDefault, true)))
    .limit(1);
  const rows = await db
    .select({
      id: clients.id,
      kind: clients.kind,
      name: clients.name,
      siren: clients.siren,
      vatNumber: clients.vatNumber,
      email: clients.email,
      phone: clients.phone,
      archivedAt: clients.archivedAt,
      city: sql<string | null>`(${city})`,
    })
    .from(clients)
    .where(page)
    // The order of clients_coop_sort_idx, so a page is read from the index, not sorted.
    .orderBy(sql`lower(f_unaccent(${clients.name}))`, asc(clients.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const activities = await linkedActivitiesOf(db, viewer.coopId, rows.map((r) => r.id), scope);
  return { items: rows.map((r) => ({ ...r, activities: activities.get(r.id) ?? [] })), total, page: q.page, pageSize: q.pageSize };
}
