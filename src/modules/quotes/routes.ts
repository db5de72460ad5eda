import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { actorOf } from '../../platform/http/context.js';
import { empty, errorResponses } from '../../platform/http/error-shape.js';
import { csvResponse, sendCsv } from '../../platform/http/send-csv.js';
import {
  acceptQuoteByStaffBody,
  createQuoteBody,
  invoiceQuoteBody,
  invoiceOfQuoteParams,
  invoiceQuoteResult,
  listQuotesQuery,
  portalAcceptBody,
  portalParams,
  portalQuote as portalQuoteView,
  portalRefuseBody,
  quoteDetail,
  quoteOfInvoiceAnswer,
  quoteParams,
  quotesSettingsBody,
  quotesSettingsView,
  quoteListPage,
  exportQuotesQuery,
  refuseQuoteBody,
  quoteMailPreview,
  sendBackQuoteBody,
  sendQuoteBody,
  updateQuoteBody,
} from './contract.js';
import { createDraftQuote, deleteDraftQuote, duplicateQuote, updateDraftQuote } from './draft-quotes.js';
import { exportQuotesCsv } from './export-quotes-csv.js';
import { getQuote, listQuotes } from './get-quote.js';
import { invoiceQuote } from './invoice-quote.js';
import { acceptQuoteForClient, refuseQuoteForClient, sendBackQuote, submitQuote, validateQuote, withdrawQuote } from './move-quote.js';
import { acceptQuoteOnPortal, portalQuote, portalQuotePdf, refuseQuoteOnPortal } from './portal-quotes.js';
import { quoteOfInvoice } from './quote-of-invoice.js';
import { openQuotePdf } from './quote-pdf.js';
import { getQuotesSettings, updateQuotesSettings } from './quotes-settings.js';
import { previewQuoteMail, sendQuote } from './send-quote.js';

const EVERYONE = ['admin', 'staff', 'member'] as const;
/** Who reads: those who act, and the accountant, who reads the coop's money without changing it. */
const READERS = [...EVERYONE, 'accountant'] as const;
const STAFF = ['admin', 'staff'] as const;
const tags = ['quotes'];

const pdfResponse = z.unknown().describe('application/pdf');

/** The quote's PDF, shown in the browser; never cached, since it is reached by a private or signed address. */
const sendPdf = (reply: FastifyReply, pdf: { fileName: string; bytes: Buffer }) =>
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${pdf.fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(pdf.bytes);

/** Quotes; a member reaches only those of their own activities. */
export async function quoteRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/settings',
    { config: { access: READERS }, schema: { tags, summary: 'Whether quotes need validation by staff', response: { 200: quotesSettingsView, ...errorResponses } } },
    async (req) => getQuotesSettings(db, actorOf(req).coopId),
  );

  app.put(
    '/settings',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Change whether quotes need validation by staff', body: quotesSettingsBody, response: { 200: quotesSettingsView, ...errorResponses } } },
    async (req) => updateQuotesSettings(db, actorOf(req), req.body),
  );

  app.get(
    '/',
    { config: { access: READERS }, schema: { tags, summary: 'Quotes I may see, searched, sorted by a column, with the totals of the filtered set', querystring: listQuotesQuery, response: { 200: quoteListPage, ...errorResponses } } },
    async (req) => listQuotes(db, actorOf(req), req.query, todayFromClock()),
  );

  app.get(
    '/export.csv',
    { config: { access: READERS }, schema: { tags, summary: 'The quotes I may see that pass the filters, as CSV (the whole filtered set; reads only)', querystring: exportQuotesQuery, response: { 200: csvResponse, ...errorResponses } } },
    async (req, reply) => {
      const { fileName, csv } = await exportQuotesCsv(db, actorOf(req), req.query, todayFromClock());
      return sendCsv(reply, fileName, csv);
    },
  );

  app.get(
    '/by-invoice/:invoiceId',
    {
      config: { access: READERS },
      schema: { tags, summary: 'The quote an invoice was drafted from, if any', params: invoiceOfQuoteParams, response: { 200: quoteOfInvoiceAnswer, ...errorResponses } },
    },
    async (req) => quoteOfInvoice(db, actorOf(req), req.params.invoiceId),
  );

  app.get(
    '/:id',
    { config: { access: READERS }, schema: { tags, summary: 'A quote with its lines, totals and invoices', params: quoteParams, response: { 200: quoteDetail, ...errorResponses } } },
    async (req) => getQuote(db, actorOf(req), req.params.id, todayFromClock()),
  );

  app.get(
    '/:id/pdf',
    { config: { access: READERS }, schema: { tags, summary: 'The quote as PDF: once sent, the very file the client received', params: quoteParams, response: { 200: pdfResponse, ...errorResponses } } },
    async (req, reply) => sendPdf(reply, await openQuotePdf(db, app.deps.storage, actorOf(req), req.params.id, todayFromClock())),
  );

  app.post(
    '/',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Draft a quote', body: createQuoteBody, response: { 201: quoteDetail, ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const today = todayFromClock();
      const { id } = await createDraftQuote(db, actor, req.body, today);
      return reply.status(201).send(await getQuote(db, actor, id, today));
    },
  );

  app.patch(
    '/:id',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Change a draft quote', params: quoteParams, body: updateQuoteBody, response: { 200: quoteDetail, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const today = todayFromClock();
      await updateDraftQuote(db, actor, req.params.id, req.body, today);
      return getQuote(db, actor, req.params.id, today);
    },
  );

  app.delete(
    '/:id',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Delete a draft quote', params: quoteParams, response: { 204: empty, ...errorResponses } } },
    async (req, reply) => {
      await deleteDraftQuote(db, actorOf(req), req.params.id, todayFromClock());
      return reply.status(204).send(null);
    },
  );

  const action = (path: string, summary: string, access: typeof EVERYONE | typeof STAFF, run: (actor: ReturnType<typeof actorOf>, id: string, today: string) => Promise<unknown>) =>
    app.post(
      `/:id/${path}`,
      { config: { access }, schema: { tags, summary, params: quoteParams, response: { 200: quoteDetail, ...errorResponses } } },
      async (req) => {
        const actor = actorOf(req);
        const today = todayFromClock();
        await run(actor, req.params.id, today);
        return getQuote(db, actor, req.params.id, today);
      },
    );

  action('submit', 'Submit a draft quote to the team for validation', EVERYONE, (actor, id, today) => submitQuote(db, actor, id, today));
  action('withdraw', 'Take a submitted quote back from the team to fix it (before it is validated)', EVERYONE, (actor, id, today) => withdrawQuote(db, actor, id, today));
  action('validate', 'Validate a quote: it takes its number', EVERYONE, (actor, id, today) => validateQuote(db, actor, id, today));

  app.post(
    '/:id/send-back',
    { config: { access: STAFF }, schema: { tags, summary: 'Return a submitted quote to its author, with what to change', params: quoteParams, body: sendBackQuoteBody, response: { 200: quoteDetail, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const today = todayFromClock();
      await sendBackQuote(db, actor, req.params.id, today, req.body?.comment ?? null);
      return getQuote(db, actor, req.params.id, today);
    },
  );

  app.get(
    '/:id/send-preview',
    { config: { access: EVERYONE }, schema: { tags, summary: 'The mail a send would queue now (recipient, subject, text, attachment), to confirm it; writes nothing', params: quoteParams, response: { 200: quoteMailPreview, ...errorResponses } } },
    async (req) => previewQuoteMail(db, actorOf(req), req.params.id, todayFromClock(), app.deps.config.publicUrl),
  );

  app.post(
    '/:id/send',
    {
      config: { access: EVERYONE },
      schema: { tags, summary: 'Send a quote to the client with a link to accept it, with an optional copy to the member', params: quoteParams, body: sendQuoteBody, response: { 200: quoteDetail, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      const today = todayFromClock();
      await sendQuote(db, app.deps.storage, actor, req.params.id, today, app.deps.config.publicUrl, { copyToMember: req.body?.copyToMember ?? false });
      return getQuote(db, actor, req.params.id, today);
    },
  );

  app.post(
    '/:id/duplicate',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Start a new draft from a quote', params: quoteParams, response: { 201: quoteDetail, ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const today = todayFromClock();
      const { id } = await duplicateQuote(db, actor, req.params.id, today);
      return reply.status(201).send(await getQuote(db, actor, id, today));
    },
  );

  app.post(
    '/:id/accept',
    { config: { access: STAFF }, schema: { tags, summary: "Record the client's acceptance given outside the portal", params: quoteParams, body: acceptQuoteByStaffBody, response: { 200: quoteDetail, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const today = todayFromClock();
      await acceptQuoteForClient(db, actor, req.params.id, req.body.name, today);
      return getQuote(db, actor, req.params.id, today);
    },
  );

  app.post(
    '/:id/refuse',
    { config: { access: STAFF }, schema: { tags, summary: "Record the client's refusal given outside the portal", params: quoteParams, body: refuseQuoteBody, response: { 200: quoteDetail, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const today = todayFromClock();
      await refuseQuoteForClient(db, actor, req.params.id, req.body.reason, today);
      return getQuote(db, actor, req.params.id, today);
    },
  );

  app.post(
    '/:id/invoices',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Draft an invoice from an accepted quote: whole, deposit, stage or balance', params: quoteParams, body: invoiceQuoteBody, response: { 201: invoiceQuoteResult, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await invoiceQuote(db, actorOf(req), req.params.id, req.body, todayFromClock())),
  );
}

/**
 * The client portal: no account, the signed link is the only credential. Mutations still go
 * through the CSRF double-submit check of the platform (GET /api/auth/session sets the cookie).
 */
export async function quotePortalRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;
  const portalTags = ['portal'];

  app.get(
    '/:token',
    { config: { access: 'public' }, schema: { tags: portalTags, summary: 'A quote as the client reads it', params: portalParams, response: { 200: portalQuoteView, ...errorResponses } } },
    async (req) => portalQuote(db, req.params.token, new Date(), todayFromClock()),
  );

  app.get(
    '/:token/pdf',
    { config: { access: 'public' }, schema: { tags: portalTags, summary: 'The quote PDF the client received', params: portalParams, response: { 200: pdfResponse, ...errorResponses } } },
    async (req, reply) => sendPdf(reply, await portalQuotePdf(db, app.deps.storage, req.params.token, new Date(), todayFromClock())),
  );

  app.post(
    '/:token/accept',
    { config: { access: 'public' }, schema: { tags: portalTags, summary: 'The client accepts the quote', params: portalParams, body: portalAcceptBody, response: { 200: portalQuoteView, ...errorResponses } } },
    async (req) => {
      const today = todayFromClock();
      await acceptQuoteOnPortal(db, req.params.token, { name: req.body.name, ip: req.ip }, new Date(), today);
      return portalQuote(db, req.params.token, new Date(), today);
    },
  );

  app.post(
    '/:token/refuse',
    { config: { access: 'public' }, schema: { tags: portalTags, summary: 'The client refuses the quote', params: portalParams, body: portalRefuseBody, response: { 200: portalQuoteView, ...errorResponses } } },
    async (req) => {
      const today = todayFromClock();
      await refuseQuoteOnPortal(db, req.params.token, { reason: req.body.reason, ip: req.ip }, new Date(), today);
      return portalQuote(db, req.params.token, new Date(), today);
    },
  );
}
