import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { platformErrors } from '../errors.js';
import { actorOf } from '../http/context.js';
import { errorResponses } from '../http/error-shape.js';
import { offsetOf, pageOf, pageQuery } from '../http/pagination.js';
import { MAIL_STATUSES, mailOutbox } from './schema.js';

const mail = z.object({
  id: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  textBody: z.string(),
  template: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

/** Admins read the mails their cooperative sent (the mailbox itself when no SMTP is set). */
export async function outboxRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['mail'],
        summary: 'List the mail outbox',
        querystring: pageQuery.extend({ status: z.enum(MAIL_STATUSES).optional(), to: z.string().max(254).optional() }),
        response: { 200: pageOf(mail), ...errorResponses },
      },
    },
    async (req) => {
      const { coopId } = actorOf(req);
      const filters: SQL[] = [eq(mailOutbox.coopId, coopId)];
      if (req.query.status) filters.push(eq(mailOutbox.status, req.query.status));
      if (req.query.to) filters.push(eq(mailOutbox.toAddress, req.query.to));
      const where = and(...filters);
      const [{ total }] = await db.select({ total: count() }).from(mailOutbox).where(where);
      const items = await db.select().from(mailOutbox).where(where).orderBy(desc(mailOutbox.createdAt)).limit(req.query.pageSize).offset(offsetOf(req.query));
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/:id',
    { config: { access: ['admin'] }, schema: { tags: ['mail'], summary: 'Read one mail', params: z.object({ id: z.string().uuid() }), response: { 200: mail, ...errorResponses } } },
    async (req) => {
      const { coopId } = actorOf(req);
      const [row] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.id, req.params.id), eq(mailOutbox.coopId, coopId)));
      if (!row) throw platformErrors.NOT_FOUND();
      return row;
    },
  );
}
