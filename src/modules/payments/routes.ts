import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { pageOf } from '../../platform/http/pagination.js';
import { csvResponse, sendCsv } from '../../platform/http/send-csv.js';
import { openInvoices } from '../invoicing/index.js';
import {
  cancelPaymentBody,
  createRemittanceBody,
  openInvoice,
  openInvoicesQuery,
  payment,
  paymentExportQuery,
  paymentIdParams,
  paymentListPage,
  paymentListQuery,
  recordPaymentBody,
  remittance,
  remittanceListQuery,
} from './contract.js';
import { cancelPayment } from './cancel-payment.js';
import { cancelRemittance } from './cancel-remittance.js';
import { createRemittance } from './create-remittance.js';
import { exportPaymentsCsv } from './export-payments-csv.js';
import { getPayment, listPayments } from './list-payments.js';
import { getRemittance, listRemittances } from './list-remittances.js';
import { recordPayment } from './record-payment.js';

const tags = ['payments'];
const staffOnly = ['admin', 'staff'] as const;

export async function paymentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/',
    {
      config: { access: ['admin', 'staff', 'member', 'accountant'] },
      schema: {
        tags,
        summary: 'Payments received (a member: her part of those settling her activities’ invoices), filtered, sorted by a column, with the sum of the filtered set',
        querystring: paymentListQuery,
        response: { 200: paymentListPage, ...errorResponses },
      },
    },
    async (req) => listPayments(db, actorOf(req), req.query),
  );

  app.get(
    '/export.csv',
    {
      config: { access: ['admin', 'staff', 'member', 'accountant'] },
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
    '/remittances',
    {
      config: { access: staffOnly },
      schema: { tags, summary: 'Remittance slips of cheques, last number first', querystring: remittanceListQuery, response: { 200: pageOf(remittance), ...errorResponses } },
    },
    async (req) => listRemittances(db, actorOf(req), req.query),
  );

  app.post(
    '/remittances',
    {
      config: { access: staffOnly },
      schema: {
        tags,
        summary: 'Group cheques recorded and not yet handed to the bank into a numbered remittance slip',
        body: createRemittanceBody,
        response: { 201: remittance, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await createRemittance(db, actor, req.body);
      return reply.status(201).send(await getRemittance(db, actor, id));
    },
  );

  app.get(
    '/remittances/:id',
    {
      config: { access: staffOnly },
      schema: { tags, summary: 'One remittance slip and its cheques', params: paymentIdParams, response: { 200: remittance, ...errorResponses } },
    },
    async (req) => getRemittance(db, actorOf(req), req.params.id),
  );

  app.post(
    '/remittances/:id/cancel',
    {
      config: { access: staffOnly },
      schema: {
        tags,
        summary: 'Cancel a slip the bank has not credited: its cheques wait for another slip (the number stays used)',
        params: paymentIdParams,
        response: { 200: remittance, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await cancelRemittance(db, actor, req.params.id);
      return getRemittance(db, actor, req.params.id);
    },
  );

  app.post(
    '/:id/cancel',
    {
      config: { access: staffOnly },
      schema: {
        tags,
        summary: 'Cancel a payment by reversal: its entry reversed, its invoices open again, kept as cancelled with the reason',
        description: 'Refused (409 PAYMENT_RECONCILED) while a bank line confirms the payment: unmatch the line first.',
        params: paymentIdParams,
        body: cancelPaymentBody,
        response: { 200: payment, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await cancelPayment(db, actor, req.params.id, req.body, todayFromClock());
      return getPayment(db, actor, req.params.id);
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
