import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { users } from '../auth/schema.js';
import { actorOf } from '../http/context.js';
import { errorResponses } from '../http/error-shape.js';
import { offsetOf } from '../http/pagination.js';
import { auditPage, auditQuery } from './contract.js';
import { isRowId, referencedRecords, refKey, type RecordRef } from './record-labels.js';
import { auditLog } from './schema.js';

/** Admins browse the audit log of their cooperative; there is no route that changes it. */
export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;
  const records = app.deps.records;

  app.get(
    '/',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log',
        querystring: auditQuery,
        response: { 200: auditPage, ...errorResponses },
      },
    },
    async (req) => {
      const { coopId } = actorOf(req);
      const q = req.query;
      const filters: SQL[] = [eq(auditLog.coopId, coopId)];
      if (q.entityType) filters.push(eq(auditLog.entityType, q.entityType));
      if (q.entityId) filters.push(eq(auditLog.entityId, q.entityId));
      if (q.actorUserId) filters.push(eq(auditLog.actorUserId, q.actorUserId));
      if (q.action) filters.push(eq(auditLog.action, q.action));
      if (q.from) filters.push(gte(auditLog.at, q.from));
      if (q.to) filters.push(lte(auditLog.at, q.to));
      const where = and(...filters);
      const [{ total }] = await db.select({ total: count() }).from(auditLog).where(where);
      const rows = await db
        .select({ entry: auditLog, actorName: users.displayName })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(where)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(q.pageSize)
        .offset(offsetOf(q));
      // One lookup for the whole page: the labeller batches by kind, so a page costs a few
      // queries whatever its length (never one per entry).
      const fieldRefs = rows.map((r) => referencedRecords(r.entry.changes, records.kindOfField));
      const refs: RecordRef[] = [...rows.filter((r) => isRowId(r.entry.entityId)).map((r) => ({ kind: r.entry.entityType, id: r.entry.entityId })), ...fieldRefs.flat()];
      const labels = await records.labelsOf(coopId, refs);
      const items = rows.map((r, i) => {
        const target = labels.get(refKey(r.entry.entityType, r.entry.entityId));
        const named = fieldRefs[i]!.flatMap((ref) => {
          const found = labels.get(refKey(ref.kind, ref.id));
          return found ? [[ref.id, found.label] as const] : [];
        });
        return {
          ...r.entry,
          actorName: r.actorName,
          targetLabel: target?.label ?? null,
          targetAmountCents: target?.amountCents ?? null,
          targetDate: target?.on ?? null,
          labels: Object.fromEntries(named),
        };
      });
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );
}
