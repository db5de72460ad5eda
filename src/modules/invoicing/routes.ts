import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { actorOf } from '../../platform/http/context.js';
import { empty, errorResponses } from '../../platform/http/error-shape.js';
import { csvResponse, sendCsv } from '../../platform/http/send-csv.js';
import {
  createInvoiceBody,
  creditNoteBody,
  documentMailPreview,
  exportInvoicesQuery,
  invoiceDetail,
  invoiceListPage,
  invoiceParams,
  invoiceSend,
  invoicingSettingsView,
  listInvoicesQuery,
  nextInvoiceSequence as nextSequenceView,
  sendBackBody,
  sendDocumentBody,
  sendInvoiceResult,
  updateInvoiceBody,
} from './contract.js';
import { listInvoiceSends } from './list-invoice-sends.js';
import { sendBackInvoice } from './send-back-invoice.js';
import { withdrawInvoice } from './withdraw-invoice.js';
import { createCreditNote } from './create-credit-note.js';
import { exportInvoicesCsv } from './export-invoices-csv.js';
import { createDraftInvoice, deleteDraftInvoice, updateDraftInvoice } from './draft-invoices.js';
import { getInvoice } from './get-invoice.js';
import { listInvoices } from './list-invoices.js';
import { openInvoiceFile } from './issue-invoice-files.js';
import { getInvoicingSettings, updateInvoicingSettings } from './invoicing-settings.js';
import { nextInvoiceSequence } from './next-invoice-sequence.js';
import { fileNameOf, previewInvoiceMail, sendInvoice } from './send-invoice.js';
import { submitInvoice } from './submit-invoice.js';
import { validateInvoice } from './validate-invoice.js';

const EVERYONE = ['admin', 'staff', 'member'] as const;
/** Who reads: those who act, and the accountant, who reads the coop's money without changing it. */
const READERS = [...EVERYONE, 'accountant'] as const;
const STAFF = ['admin', 'staff'] as const;
const tags = ['invoices'];

/** Invoices and credit notes; a member reaches only those of their own activities. */
export async function invoiceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;
  const storage = app.deps.storage;

  app.get(
    '/',
    {
      config: { access: READERS },
      schema: { tags, summary: 'Invoices and credit notes I may see, sorted by a column, with the totals of the filtered set', querystring: listInvoicesQuery, response: { 200: invoiceListPage, ...errorResponses } },
    },
    async (req) => listInvoices(db, actorOf(req), req.query, todayFromClock()),
  );

  app.get(
    '/export.csv',
    {
      config: { access: READERS },
      schema: { tags, summary: 'The invoices I may see that pass the filters, as CSV (the whole filtered set; reads only)', querystring: exportInvoicesQuery, response: { 200: csvResponse, ...errorResponses } },
    },
    async (req, reply) => {
      const { fileName, csv } = await exportInvoicesCsv(db, actorOf(req), req.query, todayFromClock());
      return sendCsv(reply, fileName, csv);
    },
  );

  app.get(
    '/settings',
    { config: { access: READERS }, schema: { tags, summary: "The coop's invoicing settings (who may validate)", response: { 200: invoicingSettingsView, ...errorResponses } } },
    async (req) => getInvoicingSettings(db, actorOf(req).coopId),
  );

  app.put(
    '/settings',
    { config: { access: ['admin'] }, schema: { tags, summary: "Change the coop's invoicing settings", body: invoicingSettingsView, response: { 200: invoicingSettingsView, ...errorResponses } } },
    async (req) => updateInvoicingSettings(db, actorOf(req), req.body),
  );

  app.get(
    '/next-sequence',
    {
      config: { access: ['admin', 'staff'] },
      schema: { tags, summary: 'The sequence the next invoice validated today would take (settings preview)', response: { 200: nextSequenceView, ...errorResponses } },
    },
    async (req) => nextInvoiceSequence(db, actorOf(req).coopId, todayFromClock()),
  );

  app.get(
    '/:id',
    { config: { access: READERS }, schema: { tags, summary: 'An invoice with its lines and totals', params: invoiceParams, response: { 200: invoiceDetail, ...errorResponses } } },
    async (req) => getInvoice(db, actorOf(req), req.params.id),
  );

  app.post(
    '/',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Draft an invoice', body: createInvoiceBody, response: { 201: invoiceDetail, ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await createDraftInvoice(db, actor, req.body);
      return reply.status(201).send(await getInvoice(db, actor, id));
    },
  );

  app.patch(
    '/:id',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Change a draft (lines given replace all lines)', params: invoiceParams, body: updateInvoiceBody, response: { 200: invoiceDetail, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await updateDraftInvoice(db, actor, req.params.id, req.body);
      return getInvoice(db, actor, req.params.id);
    },
  );

  app.delete(
    '/:id',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Delete a draft', params: invoiceParams, response: { 204: empty, ...errorResponses } } },
    async (req, reply) => {
      await deleteDraftInvoice(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/validate',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Issue a draft: number, sales entry, frozen', params: invoiceParams, response: { 200: invoiceDetail, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      // The files are rendered by the job the validation queued, after the commit.
      await validateInvoice(db, actor, req.params.id, todayFromClock());
      return getInvoice(db, actor, req.params.id);
    },
  );

  app.post(
    '/:id/submit',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Hand a draft to the team for validation', params: invoiceParams, response: { 200: invoiceDetail, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await submitInvoice(db, actor, req.params.id);
      return getInvoice(db, actor, req.params.id);
    },
  );

  app.post(
    '/:id/withdraw',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Take a submitted draft back from the team to fix it (before it is issued)', params: invoiceParams, response: { 200: invoiceDetail, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await withdrawInvoice(db, actor, req.params.id);
      return getInvoice(db, actor, req.params.id);
    },
  );

  app.post(
    '/:id/send-back',
    { config: { access: STAFF }, schema: { tags, summary: 'Return a submitted draft to its author for changes, with a comment', params: invoiceParams, body: sendBackBody, response: { 200: invoiceDetail, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await sendBackInvoice(db, actor, req.params.id, req.body.comment || null);
      return getInvoice(db, actor, req.params.id);
    },
  );

  app.get(
    '/:id/send-preview',
    { config: { access: EVERYONE }, schema: { tags, summary: 'The mail a send would queue now (recipient, subject, text, attachment), to confirm it; writes nothing', params: invoiceParams, response: { 200: documentMailPreview, ...errorResponses } } },
    async (req) => {
      const { template: _template, ...preview } = await previewInvoiceMail(db, actorOf(req), req.params.id, todayFromClock());
      return preview;
    },
  );

  app.get(
    '/:id/sends',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Each time the invoice was mailed, with whether the mail left', params: invoiceParams, response: { 200: z.array(invoiceSend), ...errorResponses } } },
    async (req) => listInvoiceSends(db, actorOf(req), req.params.id),
  );

  app.post(
    '/:id/send',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: 'Mail an issued invoice or credit note to the client, Factur-X PDF attached, with an optional copy to the member',
        params: invoiceParams,
        body: sendDocumentBody,
        response: { 200: sendInvoiceResult, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { mailId, to, cc } = await sendInvoice(db, storage, actor, req.params.id, todayFromClock(), req.log, { copyToMember: req.body?.copyToMember ?? false });
      return { mailId, to, cc, invoice: await getInvoice(db, actor, req.params.id) };
    },
  );

  app.post(
    '/:id/credit-notes',
    {
      config: { access: EVERYONE },
      schema: { tags, summary: 'Correct an issued invoice by a credit note (all of it or some lines)', params: invoiceParams, body: creditNoteBody, response: { 201: invoiceDetail, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await createCreditNote(db, actor, req.params.id, req.body, todayFromClock());
      return reply.status(201).send(await getInvoice(db, actor, id));
    },
  );

  app.get(
    '/:id/pdf',
    {
      config: { access: READERS },
      schema: { tags, summary: 'The issued document as PDF/A-3 Factur-X, the bytes stored at issue', params: invoiceParams, response: { 200: z.unknown().describe('application/pdf'), ...errorResponses } },
    },
    async (req, reply) => {
      const { number, file } = await openInvoiceFile(db, storage, actorOf(req), req.params.id, 'factur_x_pdf', req.log);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileNameOf(number)}.pdf"`)
        .header('x-content-sha256', file.sha256)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );

  app.get(
    '/:id/factur-x.xml',
    {
      config: { access: READERS },
      schema: { tags, summary: 'The EN 16931 CII XML of the issued document (the one inside its PDF)', params: invoiceParams, response: { 200: z.unknown().describe('application/xml'), ...errorResponses } },
    },
    async (req, reply) => {
      const { number, file } = await openInvoiceFile(db, storage, actorOf(req), req.params.id, 'xml', req.log);
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', `inline; filename="${fileNameOf(number)}-factur-x.xml"`)
        .header('x-content-sha256', file.sha256)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );
}
