import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { actorOf } from '../../platform/http/context.js';
import { csvResponse, sendCsv } from '../../platform/http/send-csv.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { readUpload } from '../../platform/http/upload.js';
import { authenticateInboundToken, createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import {
  apiToken,
  apiTokenBody,
  apiTokenList,
  createdApiToken,
  enterSupplierInvoiceBody,
  idParams,
  markPaidBody,
  reasonBody,
  receiveFields,
  supplier,
  supplierBody,
  supplierDetail,
  supplierListQuery,
  supplierInvoice,
  supplierInvoiceListQuery,
  supplierInvoicePage,
  supplierList,
  updateSupplierInvoiceBody,
} from './contract.js';
import { approveSupplierInvoice, setSupplierInvoiceDecision, updateSupplierInvoice } from './decide-supplier-invoice.js';
import type { LifecycleConnector } from './lifecycle-connector.js';
import { getSupplierInvoice, listSupplierInvoices, openSupplierInvoiceFile, supplierInvoiceView } from './list-supplier-invoices.js';
import { createSupplier, exportSuppliersCsv, getSupplierDetail, listSuppliers, updateSupplier } from './manage-suppliers.js';
import { receiveSupplierInvoice } from './receive-supplier-invoice.js';
import { enterSupplierInvoice } from './enter-supplier-invoice.js';
import { markSupplierInvoicePaid } from './supplier-invoice-payables.js';

const tags = ['purchases'];
/** A member reads the purchases of their activities; the team and the accountant read all. */
const readers = ['admin', 'staff', 'accountant', 'member'] as const;
/** Receiving, approving and paying a supplier invoice moves the coop's money: its team and its accountant. */
const money = ['admin', 'staff', 'accountant'] as const;

export interface PurchasesRoutesOptions {
  /** Where lifecycle statuses go, said on the page. */
  lifecycleDestination?: string;
}

export async function purchasesRoutes(fastify: FastifyInstance, opts: PurchasesRoutesOptions = {}): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, storage, config } = app.deps;
  const db = database.db;

  app.get(
    '/suppliers',
    { config: { access: money }, schema: { tags, summary: "The coop's suppliers (search on name, SIREN, VAT number; sort)", querystring: supplierListQuery, response: { 200: supplierList, ...errorResponses } } },
    async (req) => listSuppliers(db, actorOf(req).coopId, req.query),
  );

  app.get(
    '/suppliers/export.csv',
    { config: { access: money }, schema: { tags, summary: 'The suppliers passing the search, as CSV', querystring: supplierListQuery, response: { 200: csvResponse, ...errorResponses } } },
    async (req, reply) => {
      const { fileName, csv } = await exportSuppliersCsv(db, actorOf(req).coopId, req.query, todayFromClock());
      return sendCsv(reply, fileName, csv);
    },
  );

  app.get(
    '/suppliers/:id',
    { config: { access: money }, schema: { tags, summary: 'A supplier, its 401 auxiliary account and balance', params: idParams, response: { 200: supplierDetail, ...errorResponses } } },
    async (req) => getSupplierDetail(db, actorOf(req).coopId, req.params.id),
  );

  app.post(
    '/suppliers',
    { config: { access: money }, schema: { tags, summary: 'Record a supplier (SIREN/SIRET Luhn, VAT key, IBAN mod 97 checked)', body: supplierBody, response: { 201: supplier, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await createSupplier(db, actorOf(req), req.body)),
  );

  app.put(
    '/suppliers/:id',
    { config: { access: money }, schema: { tags, summary: 'Change a supplier', params: idParams, body: supplierBody, response: { 200: supplier, ...errorResponses } } },
    async (req) => updateSupplier(db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/invoices',
    { config: { access: readers }, schema: { tags, summary: 'Supplier invoices (a member sees those of their activities)', querystring: supplierInvoiceListQuery, response: { 200: supplierInvoicePage, ...errorResponses } } },
    async (req) => listSupplierInvoices(db, actorOf(req), req.query),
  );

  app.get('/lifecycle', { config: { access: readers }, schema: { tags, summary: 'Where the lifecycle statuses are sent', response: { 200: z.object({ connected: z.boolean(), destination: z.string() }), ...errorResponses } } }, async () => ({
    connected: false,
    destination: opts.lifecycleDestination ?? 'files: purchases/lifecycle/',
  }));

  app.post(
    '/invoices',
    { config: { access: money }, schema: { tags, summary: 'Enter a supplier invoice by hand (lines with account, VAT; totals checked)', body: enterSupplierInvoiceBody, response: { 201: supplierInvoice, ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.status(201).send(await supplierInvoiceView(db, actor, await enterSupplierInvoice(db, actor, req.body)));
    },
  );

  app.post(
    '/invoices/upload',
    {
      config: { access: money },
      schema: { tags, summary: 'Receive a supplier e-invoice (multipart: file = Factur-X PDF, CII or UBL XML; activityId?)', consumes: ['multipart/form-data'], response: { 201: supplierInvoice, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { fields, file } = await readUpload(req, { maxBytes: config.maxUploadBytes, schema: receiveFields, defaultFileName: 'facture' });
      const row = await receiveSupplierInvoice(db, storage, actor, { fileName: file.fileName, bytes: file.bytes }, { origin: 'upload', activityId: fields.activityId ?? null });
      return reply.status(201).send(await supplierInvoiceView(db, actor, row));
    },
  );

  app.post(
    '/inbound',
    {
      // Public to the session guard: the Bearer token of a platform authenticates the call.
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A platform pushes a received e-invoice (Authorization: Bearer <token with the inbound-invoices scope>; multipart: file)',
        consumes: ['multipart/form-data'],
        response: { 201: supplierInvoice, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { coopId } = await authenticateInboundToken(db, req.headers.authorization);
      const { file } = await readUpload(req, { maxBytes: config.maxUploadBytes, schema: receiveFields.pick({}), defaultFileName: 'facture' });
      const actor = { coopId, userId: null, ip: req.ip };
      const row = await receiveSupplierInvoice(db, storage, actor, { fileName: file.fileName, bytes: file.bytes }, { origin: 'api' });
      return reply.status(201).send(await supplierInvoiceView(db, actor, row));
    },
  );

  app.get(
    '/invoices/:id',
    { config: { access: readers }, schema: { tags, summary: 'A supplier invoice, what was read from it and its lifecycle', params: idParams, response: { 200: supplierInvoice, ...errorResponses } } },
    async (req) => getSupplierInvoice(db, actorOf(req), req.params.id),
  );

  app.get(
    '/invoices/:id/file',
    { config: { access: readers }, schema: { tags, summary: 'The received file (PDF or XML)', params: idParams, response: { 200: z.unknown().describe('The file'), ...errorResponses } } },
    async (req, reply) => {
      const { fileName, mediaType, content } = await openSupplierInvoiceFile(db, storage, actorOf(req), req.params.id);
      return reply
        .header('content-type', mediaType === 'application/pdf' ? 'application/pdf' : 'text/plain; charset=utf-8')
        .header('content-disposition', contentDisposition(fileName, 'inline'))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        // Shown beside what was read, in a frame of the app's own page: only this origin may frame it.
        .header('x-frame-options', 'SAMEORIGIN')
        .header('content-security-policy', "default-src 'none'; frame-ancestors 'self'")
        .send(content);
    },
  );

  app.patch(
    '/invoices/:id',
    { config: { access: money }, schema: { tags, summary: "Set a received invoice's activity and each line's spending category", params: idParams, body: updateSupplierInvoiceBody, response: { 200: supplierInvoice, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return supplierInvoiceView(db, actor, await updateSupplierInvoice(db, actor, req.params.id, req.body));
    },
  );

  app.post(
    '/invoices/:id/approve',
    { config: { access: money }, schema: { tags, summary: 'Approve (205): purchase entry D 6xx + 44566 / C 401 (supplier auxiliary), journal AC', params: idParams, response: { 200: supplierInvoice, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return supplierInvoiceView(db, actor, await approveSupplierInvoice(db, actor, req.params.id, todayFromClock()));
    },
  );

  app.post(
    '/invoices/:id/refuse',
    { config: { access: money }, schema: { tags, summary: 'Refuse (210) with a reason: nothing is booked', params: idParams, body: reasonBody, response: { 200: supplierInvoice, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return supplierInvoiceView(db, actor, await setSupplierInvoiceDecision(db, actor, req.params.id, 'refused', req.body.reason));
    },
  );

  app.post(
    '/invoices/:id/dispute',
    { config: { access: money }, schema: { tags, summary: 'Put in dispute (207) with a reason', params: idParams, body: reasonBody, response: { 200: supplierInvoice, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return supplierInvoiceView(db, actor, await setSupplierInvoiceDecision(db, actor, req.params.id, 'disputed', req.body.reason));
    },
  );

  app.post(
    '/invoices/:id/pay',
    { config: { access: money }, schema: { tags, summary: 'Record a payment made outside a SEPA batch: D 401 / C 512 (211 Paiement transmis)', params: idParams, body: markPaidBody, response: { 200: supplierInvoice, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return supplierInvoiceView(db, actor, await markSupplierInvoicePaid(db, actor, req.params.id, req.body, todayFromClock()));
    },
  );

  app.get('/api-tokens', { config: { access: ['admin'] }, schema: { tags, summary: 'Tokens platforms use to push received invoices', response: { 200: apiTokenList, ...errorResponses } } }, async (req) => listApiTokens(db, actorOf(req).coopId));

  app.post(
    '/api-tokens',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Create a token with the inbound-invoices scope (shown once)', body: apiTokenBody, response: { 201: createdApiToken, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await createApiToken(db, actorOf(req), req.body.label)),
  );

  app.post(
    '/api-tokens/:id/revoke',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Revoke a token', params: idParams, response: { 200: apiToken, ...errorResponses } } },
    async (req) => revokeApiToken(db, actorOf(req), req.params.id),
  );
}
