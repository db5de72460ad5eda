import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { platformErrors } from '../errors.js';
import { contentDisposition } from '../http/content-disposition.js';
import { actorOf } from '../http/context.js';
import { errorResponses } from '../http/error-shape.js';
import { offsetOf } from '../http/pagination.js';
import { outboxAttachmentParams, outboxMail, outboxPage, outboxQuery } from './contract.js';
import { mailOutbox } from './schema.js';
import { unreadableFile } from '../files/file-errors.js';

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
        querystring: outboxQuery,
        response: { 200: outboxPage, ...errorResponses },
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
    { config: { access: ['admin'] }, schema: { tags: ['mail'], summary: 'Read one mail', params: z.object({ id: z.string().uuid() }), response: { 200: outboxMail, ...errorResponses } } },
    async (req) => {
      const { coopId } = actorOf(req);
      const [row] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.id, req.params.id), eq(mailOutbox.coopId, coopId)));
      if (!row) throw platformErrors.NOT_FOUND();
      return row;
    },
  );

  app.get(
    '/:id/attachments/:index',
    {
      config: { access: ['admin'] },
      schema: { tags: ['mail'], summary: 'Download a file joined to a mail', params: outboxAttachmentParams, response: { 200: z.unknown().describe('The file, as an attachment'), ...errorResponses } },
    },
    async (req, reply) => {
      const { coopId } = actorOf(req);
      const [row] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.id, req.params.id), eq(mailOutbox.coopId, coopId)));
      const attachment = row?.attachments[req.params.index];
      if (!attachment) throw platformErrors.NOT_FOUND();
      const read = await app.deps.storage.read(attachment.storageKey, attachment);
      if (!read.ok) throw unreadableFile(read.problem);
      return reply
        .type(attachment.contentType)
        .header('content-disposition', contentDisposition(attachment.filename))
        .send(read.bytes);
    },
  );
}
