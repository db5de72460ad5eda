import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { sha256Of } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { purchasesErrors } from './errors.js';
import { purchasesApiTokens } from './schema.js';

type TokenRow = typeof purchasesApiTokens.$inferSelect;
const view = (r: TokenRow) => ({ id: r.id, label: r.label, scope: r.scope, createdAt: r.createdAt.toISOString(), lastUsedAt: r.lastUsedAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null });

/**
 * A token carries its coop's id before the secret (`<coopId>.<secret>`) so the lookup stays
 * inside one coop's rows; only the secret's SHA-256 is stored, so the database cannot give it back.
 */
export async function createApiToken(db: Db, actor: Actor, label: string) {
  const secret = randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(purchasesApiTokens).values({ coopId: actor.coopId, label, secretSha256: sha256Of(Buffer.from(secret)), createdBy: actor.userId }).returning();
    await recordAudit(tx, actor, { action: 'api_token.created', entityType: 'api_token', entityId: row!.id, after: { label, scope: row!.scope } });
    return { ...view(row!), token: `${actor.coopId}.${secret}` };
  });
}

export async function listApiTokens(db: Executor, coopId: string) {
  const rows = await db.select().from(purchasesApiTokens).where(eq(purchasesApiTokens.coopId, coopId)).orderBy(asc(purchasesApiTokens.createdAt));
  return { items: rows.map(view) };
}

export async function revokeApiToken(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(purchasesApiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(purchasesApiTokens.coopId, actor.coopId), eq(purchasesApiTokens.id, id), isNull(purchasesApiTokens.revokedAt)))
      .returning();
    if (!row) throw purchasesErrors.API_TOKEN_NOT_FOUND();
    await recordAudit(tx, actor, { action: 'api_token.revoked', entityType: 'api_token', entityId: id, before: { revokedAt: null }, after: { revokedAt: row.revokedAt!.toISOString() } });
    return view(row);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The coop and token behind an `Authorization: Bearer` header with the inbound-invoices scope; 401 otherwise. */
export async function authenticateInboundToken(db: Executor, header: string | undefined): Promise<{ coopId: string; tokenId: string }> {
  const m = /^Bearer\s+([^\s.]+)\.(\S+)$/i.exec(header ?? '');
  if (!m || !UUID.test(m[1]!)) throw purchasesErrors.API_TOKEN_INVALID();
  const [row] = await db
    .select({ id: purchasesApiTokens.id, coopId: purchasesApiTokens.coopId })
    .from(purchasesApiTokens)
    .where(and(eq(purchasesApiTokens.coopId, m[1]!), eq(purchasesApiTokens.secretSha256, sha256Of(Buffer.from(m[2]!))), eq(purchasesApiTokens.scope, 'inbound_invoices'), isNull(purchasesApiTokens.revokedAt)));
  if (!row) throw purchasesErrors.API_TOKEN_INVALID();
  await db.update(purchasesApiTokens).set({ lastUsedAt: new Date() }).where(and(eq(purchasesApiTokens.coopId, row.coopId), eq(purchasesApiTokens.id, row.id)));
  return { coopId: row.coopId, tokenId: row.id };
}
