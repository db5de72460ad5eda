import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { todayFromClock } from '../../platform/calendar/index.js';
import { csvResponse, sendCsv } from '../../platform/http/send-csv.js';
import { openInvoices } from '../invoicing/index.js';
import { openInvoice, openInvoicesQuery, payment, paymentExportQuery, paymentIdParams, paymentListPage, paymentListQuery, recordPaymentBody } from './contract.js';
import { exportPaymentsCsv } from './export-payments-csv.js';
import { getPayment, listPayments } from './list-payments.js';
import { recordPayment } from './record-payment.js';

const tags = ['payments'];

export async function paymentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/',
    {
      config: { access: ['admin', 'staff', 'member'] },
      schema: {
        tags,
        summary: 'Payments received (a member: those settling their activities’ invoices), filtered, sorted by a column, with the sum of the filtered set',
        querystring: paymentListQuery,
        response: { 200: paymentListPage, ...errorResponses },
      },
    },
    async (req) => listPayments(db, actorOf(req), req.query),
  );

  app.get(
    '/export.csv',
    {
      config: { access: ['admin', 'staff', 'member'] },
      schema: { tags, summary: 'The payments I see that pass the filters, as CSV (the whole filtered set; reads only)', querystring: paymentExportQuery, response: { 200: csvResponse, ...errorResponses } },
    },
    async (req, reply) => {
      const { fileName, csv } = await exportPaymentsCsv(db, actorOf(req), req.query, todayFromClock());
      return sendCsv(reply, fileName, csv);
    },
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
      config: { access: ['admin', 'staff', 'member'] },
      schema: { tags, summary: 'One payment and its allocations', params: paymentIdParams, response: { 200: payment, ...errorResponses } },
    },
    async (req) => getPayment(db, actorOf(req), req.params.id),
  );
}
