import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { pageOf } from '../../platform/http/pagination.js';
import { openInvoices } from '../invoicing/index.js';
import { openInvoice, openInvoicesQuery, payment, paymentIdParams, paymentListQuery, recordPaymentBody } from './contract.js';
import { getPayment, listPayments } from './list-payments.js';
import { recordPayment } from './record-payment.js';

const tags = ['payments'];

export async function paymentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/',
    {
      config: { access: ['admin', 'staff', 'member', 'accountant'] },
      schema: { tags, summary: 'Payments received (a member: those settling their activities’ invoices)', querystring: paymentListQuery, response: { 200: pageOf(payment), ...errorResponses } },
    },
    async (req) => listPayments(db, actorOf(req), req.query),
  );

  app.post(
    '/',
    {
      config: { access: ['admin', 'staff'] },
      schema: { tags, summary: 'Record a payment and allocate it to invoices', body: recordPaymentBody, response: { 201: payment, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await recordPayment(db, actor, req.body);
      return reply.status(201).send(await getPayment(db, actor, id));
    },
  );

  app.get(
    '/open-invoices',
    {
      config: { access: ['admin', 'staff'] },
      schema: {
        tags,
        summary: 'Issued invoices still owed (of one client when asked), oldest due first: what a payment can settle',
        querystring: openInvoicesQuery,
        response: { 200: z.array(openInvoice), ...errorResponses },
      },
    },
    async (req) => {
      const rows = await openInvoices(db, actorOf(req).coopId, { clientId: req.query.clientId });
      return rows.map((r) => ({ id: r.id, number: r.number, clientId: r.clientId, clientName: r.clientName, issueDate: r.issueDate, dueDate: r.dueDate, amountLeftCents: r.amountDueCents }));
    },
  );

  app.get(
    '/:id',
    {
      config: { access: ['admin', 'staff', 'member', 'accountant'] },
      schema: { tags, summary: 'One payment and its allocations', params: paymentIdParams, response: { 200: payment, ...errorResponses } },
    },
    async (req) => getPayment(db, actorOf(req), req.params.id),
  );
}
