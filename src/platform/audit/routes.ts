import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { users } from '../auth/schema.js';
import { actorOf } from '../http/context.js';
import { errorResponses } from '../http/error-shape.js';
import { offsetOf, pageOf, pageQuery } from '../http/pagination.js';
import { auditLog } from './schema.js';

const entry = z.object({
  id: z.string(),
  at: z.date(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  ip: z.string().nullable(),
});

/** Admins browse the audit log of their cooperative; there is no route that changes it. */
export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log',
        querystring: pageQuery.extend({
          entityType: z.string().max(64).optional(),
          entityId: z.string().max(100).optional(),
          actorUserId: z.string().uuid().optional(),
          action: z.string().max(64).optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
        }),
        response: { 200: pageOf(entry), ...errorResponses },
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
      return { items: rows.map((r) => ({ ...r.entry, actorName: r.actorName })), total, page: q.page, pageSize: q.pageSize };
    },
  );
}
