import { and, asc, desc, eq, ilike, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { clientAddresses, clients } from './schema.js';
import { likeEscape } from '../../platform/db/search.js';

export interface ClientDocumentIdentity {
  id: string;
  kind: 'company' | 'individual';
  name: string;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  electronicAddress: string | null;
  email: string | null;
  archived: boolean;
  /** The default billing address, else any billing address; null when the client has none. */
  address: { line1: string; line2: string | null; postalCode: string; city: string; country: string } | null;
}

/**
 * The identity of a client as an invoice prints it (CGI art. 242 nonies A: name, address,
 * SIREN, VAT number), for the invoicing module to freeze at validation. Null when the
 * client is not one of the cooperative's.
 */
export async function clientIdentityForDocument(db: Executor, coopId: string, clientId: string): Promise<ClientDocumentIdentity | null> {
  const [row] = await db.select().from(clients).where(and(eq(clients.coopId, coopId), eq(clients.id, clientId)));
  if (!row) return null;
  const [address] = await db
    .select()
    .from(clientAddresses)
    .where(and(eq(clientAddresses.coopId, coopId), eq(clientAddresses.clientId, clientId), eq(clientAddresses.kind, 'billing')))
    .orderBy(desc(clientAddresses.isDefault), asc(clientAddresses.id))
    .limit(1);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    siren: row.siren,
    siret: row.siret,
    vatNumber: row.vatNumber,
    electronicAddress: row.electronicAddress,
    email: row.email,
    archived: row.archivedAt !== null,
    address: address ? { line1: address.line1, line2: address.line2, postalCode: address.postalCode, city: address.city, country: address.country } : null,
  };
}

/** Names of clients of the cooperative, by id (for lists of other modules). */
export async function clientNames(db: Executor, coopId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(and(eq(clients.coopId, coopId), inArray(clients.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Ids of the cooperative's clients whose name contains `q` (search boxes of other modules). */
export async function clientIdsNamed(db: Executor, coopId: string, q: string, limit = 200): Promise<string[]> {
  const pattern = `%${likeEscape(q)}%`;
  const rows = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.coopId, coopId), ilike(clients.name, pattern)))
    .limit(limit);
  return rows.map((r) => r.id);
}
