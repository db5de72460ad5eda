import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { readUpload } from '../../platform/http/upload.js';
import {
  generateMemberInvoiceBody,
  idParams,
  independenceView,
  independentsSettingsView,
  jobShareList,
  markPaidBody,
  memberInvoice,
  memberInvoiceListQuery,
  memberInvoicePage,
  memberParams,
  updateIndependentsSettingsBody,
  uploadMemberInvoiceFields,
} from './contract.js';
import { generateMemberInvoice, uploadMemberInvoice } from './create-member-invoice.js';
import { getIndependentsSettings, updateIndependentsSettings } from './independents-settings.js';
import { getMemberInvoice, listMemberInvoices, memberInvoiceView, openMemberInvoiceFile } from './list-member-invoices.js';
import { listJobShares } from './job-shares.js';
import { memberIndependence, myIndependence } from './member-independence.js';
import { markMemberInvoicePaid, validateMemberInvoice } from './validate-member-invoice.js';

const tags = ['independents'];
const readers = ['admin', 'staff', 'accountant', 'member'] as const;
const writers = ['admin', 'staff', 'member'] as const;
/** Accepting and paying a member's invoice moves the coop's money: its team and its accountant. */
const money = ['admin', 'staff', 'accountant'] as const;

export async function independentsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, storage, config } = app.deps;
  const db = database.db;

  app.get(
    '/member-invoices',
    { config: { access: readers }, schema: { tags, summary: "Members' invoices to the coop (a member sees their own)", querystring: memberInvoiceListQuery, response: { 200: memberInvoicePage, ...errorResponses } } },
    async (req) => listMemberInvoices(db, actorOf(req), req.query),
  );

  app.post(
    '/member-invoices',
    {
      config: { access: writers },
      schema: { tags, summary: "Generate a member's invoice to the coop (numbered in the member's series, PDF rendered)", body: generateMemberInvoiceBody, response: { 201: memberInvoice, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await generateMemberInvoice(db, storage, actor, req.body, todayFromClock());
      return reply.status(201).send(await memberInvoiceView(db, actor.coopId, row));
    },
  );

  app.post(
    '/member-invoices/upload',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: "Record an invoice the member wrote (multipart: activityId, number, issueDate, netCents, vatRegime, vatRateBp, description, memberId?, jobId?, and the PDF as file)",
        consumes: ['multipart/form-data'],
        response: { 201: memberInvoice, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { fields, file } = await readUpload(req, { maxBytes: config.maxUploadBytes, schema: uploadMemberInvoiceFields, defaultFileName: 'facture.pdf' });
      const row = await uploadMemberInvoice(db, storage, actor, fields, file, todayFromClock());
      return reply.status(201).send(await memberInvoiceView(db, actor.coopId, row));
    },
  );

  app.get(
    '/member-invoices/job-shares',
    {
      config: { access: readers },
      schema: { tags, summary: 'What may be invoiced to the coop per job and activity: revenue part − commission − contribution − already invoiced (a member: their own activities)', response: { 200: jobShareList, ...errorResponses } },
    },
    async (req) => ({ items: await listJobShares(db, actorOf(req)) }),
  );

  app.get(
    '/member-invoices/:id',
    { config: { access: readers }, schema: { tags, summary: 'A member invoice', params: idParams, response: { 200: memberInvoice, ...errorResponses } } },
    async (req) => getMemberInvoice(db, actorOf(req), req.params.id),
  );

  app.get(
    '/member-invoices/:id/file',
    { config: { access: readers }, schema: { tags, summary: 'The PDF of a member invoice', params: idParams, response: { 200: z.unknown().describe('The PDF'), ...errorResponses } } },
    async (req, reply) => {
      const { fileName, content } = await openMemberInvoiceFile(db, storage, actorOf(req), req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  app.post(
    '/member-invoices/:id/validate',
    { config: { access: money }, schema: { tags, summary: 'Accept a member invoice: purchase entry D 604 + 44566 / C 401, then the threshold check', params: idParams, response: { 200: memberInvoice, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return memberInvoiceView(db, actor.coopId, await validateMemberInvoice(db, actor, req.params.id, todayFromClock()));
    },
  );

  app.post(
    '/member-invoices/:id/pay',
    { config: { access: money }, schema: { tags, summary: 'Record that the coop paid a member invoice: D 401 / C 512', params: idParams, body: markPaidBody, response: { 200: memberInvoice, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return memberInvoiceView(db, actor.coopId, await markMemberInvoicePaid(db, actor, req.params.id, req.body, todayFromClock()));
    },
  );

  app.get(
    '/members/:memberId/independence',
    { config: { access: readers }, schema: { tags, summary: "A member's volume through the coop over 12 months against their declared revenue", params: memberParams, response: { 200: independenceView, ...errorResponses } } },
    async (req) => memberIndependence(db, actorOf(req), req.params.memberId, todayFromClock()),
  );

  app.get(
    '/me/independence',
    { config: { access: ['member'] }, schema: { tags, summary: 'My volume through the coop over 12 months against my declared revenue', response: { 200: independenceView, ...errorResponses } } },
    async (req) => myIndependence(db, actorOf(req), todayFromClock()),
  );

  app.get(
    '/settings',
    { config: { access: ['admin', 'staff'] }, schema: { tags, summary: 'The independence threshold', response: { 200: independentsSettingsView, ...errorResponses } } },
    async (req) => getIndependentsSettings(db, actorOf(req).coopId),
  );

  app.patch(
    '/settings',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Change the independence threshold', body: updateIndependentsSettingsBody, response: { 200: independentsSettingsView, ...errorResponses } } },
    async (req) => updateIndependentsSettings(db, actorOf(req), req.body),
  );
}
