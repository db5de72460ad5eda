import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { actorOf } from '../../platform/http/context.js';
import { empty, errorResponses } from '../../platform/http/error-shape.js';
import { pageOf } from '../../platform/http/pagination.js';
import { cancelFormalNotice } from './cancel-formal-notice.js';
import { confirmFormalNotice } from './confirm-formal-notice.js';
import {
  dunningCase,
  dunningCasesQuery,
  dunningPause,
  dunningPausesQuery,
  dunningRunResult,
  dunningSettings,
  dunningSettingsBody,
  eventIdParams,
  invoiceDunning as invoiceDunningView,
  invoiceIdParams,
  invoiceMails,
  pauseDunningBody,
  pauseIdParams,
} from './contract.js';
import { exportRecoveryCase, listDunningCases, openFormalNoticeLetter, recordRecoveryExport } from './dunning-cases.js';
import { getDunningSettings, updateDunningSettings } from './dunning-settings.js';
import { invoiceDunning, pausesOn } from './invoice-dunning.js';
import { listInvoiceMails } from './list-invoice-mails.js';
import { pauseDunning } from './pause-dunning.js';
import { resumeDunning } from './resume-dunning.js';
import { runDunning } from './run-dunning.js';

const TEAM = ['admin', 'staff'] as const;
/** Who reads: those who act, and the accountant, who reads the coop's money without changing it. */
const READERS = [...TEAM, 'accountant'] as const;
const tags = ['dunning'];

/** Dunning (relances) is the team's work: a member sees none of it, not even their clients' cases. */
export async function dunningRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;
  const storage = app.deps.storage;

  app.get(
    '/settings',
    { config: { access: READERS }, schema: { tags, summary: "The coop's dunning plan", response: { 200: dunningSettings, ...errorResponses } } },
    async (req) => getDunningSettings(db, actorOf(req).coopId),
  );

  app.put(
    '/settings',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Change the dunning plan (steps in days after the due date, minimum gap between two letters)', body: dunningSettingsBody, response: { 200: dunningSettings, ...errorResponses } } },
    async (req) => updateDunningSettings(db, actorOf(req), req.body),
  );

  app.get(
    '/cases',
    { config: { access: READERS }, schema: { tags, summary: 'Invoices under dunning, with their steps', querystring: dunningCasesQuery, response: { 200: pageOf(dunningCase), ...errorResponses } } },
    async (req) => listDunningCases(db, actorOf(req), req.query, todayFromClock()),
  );

  app.post(
    '/run',
    { config: { access: TEAM }, schema: { tags, summary: "Take today's dunning steps of the coop now (what the daily job does)", response: { 200: dunningRunResult, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return runDunning(db, storage, actor.coopId, todayFromClock(), { triggeredBy: actor.userId, log: req.log });
    },
  );

  app.get(
    '/invoices/:invoiceId/mails',
    {
      config: { access: TEAM },
      schema: { tags, summary: 'What was mailed about an invoice: its sends and its dunning steps, with the real outbox status', params: invoiceIdParams, response: { 200: invoiceMails, ...errorResponses } },
    },
    async (req) => ({ items: await listInvoiceMails(db, actorOf(req), req.params.invoiceId) }),
  );

  app.get(
    '/recovery/:invoiceId/export',
    {
      config: { access: TEAM },
      schema: { tags, summary: 'The recovery file of the debtor of an invoice in recovery (CSV for a bailiff or a collection partner)', params: invoiceIdParams, response: { 200: z.string().describe('text/csv'), ...errorResponses } },
    },
    async (req, reply) => {
      const { fileName, csv } = await exportRecoveryCase(db, actorOf(req), req.params.invoiceId);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', contentDisposition(fileName)).header('cache-control', 'private, no-store').send(csv);
    },
  );

  // The GET above reads only; taking the file out of the platform is recorded by this act, which the page sends with the download.
  app.post(
    '/recovery/:invoiceId/exported',
    {
      config: { access: TEAM },
      schema: { tags, summary: "Record that the debtor's recovery file was taken out (when and by whom, audited)", params: invoiceIdParams, response: { 204: empty, ...errorResponses } },
    },
    async (req, reply) => {
      await recordRecoveryExport(db, actorOf(req), req.params.invoiceId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/events/:eventId/letter',
    {
      config: { access: TEAM },
      schema: { tags, summary: 'The formal-notice letter of a step, as sent (PDF, to post it by registered mail)', params: eventIdParams, response: { 200: z.unknown().describe('application/pdf'), ...errorResponses } },
    },
    async (req, reply) => {
      const { fileName, bytes } = await openFormalNoticeLetter(db, storage, actorOf(req).coopId, req.params.eventId);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(fileName, 'inline'))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );

  app.post(
    '/events/:eventId/confirm',
    {
      config: { access: TEAM },
      schema: { tags, summary: 'Confirm a formal notice waiting in the queue: its letter is drawn today and mailed to the client', params: eventIdParams, response: { 204: empty, ...errorResponses } },
    },
    async (req, reply) => {
      await confirmFormalNotice(db, storage, actorOf(req), req.params.eventId, todayFromClock());
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/events/:eventId/cancel',
    { config: { access: TEAM }, schema: { tags, summary: 'Cancel a formal notice waiting in the queue: nothing is sent', params: eventIdParams, response: { 204: empty, ...errorResponses } } },
    async (req, reply) => {
      await cancelFormalNotice(db, actorOf(req), req.params.eventId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/invoices/:invoiceId',
    { config: { access: TEAM }, schema: { tags, summary: 'The dunning of one invoice: its steps (with where each mail stands) and its pauses', params: invoiceIdParams, response: { 200: invoiceDunningView, ...errorResponses } } },
    async (req) => invoiceDunning(db, actorOf(req), req.params.invoiceId, todayFromClock()),
  );

  app.get(
    '/pauses',
    { config: { access: TEAM }, schema: { tags, summary: 'The dunning pauses of an invoice or a client, latest first', querystring: dunningPausesQuery, response: { 200: z.array(dunningPause), ...errorResponses } } },
    async (req) => {
      const { invoiceId, clientId } = req.query;
      return pausesOn(db, actorOf(req).coopId, { invoiceIds: invoiceId ? [invoiceId] : [], clientIds: clientId ? [clientId] : [] }, todayFromClock());
    },
  );

  app.post(
    '/pauses',
    { config: { access: TEAM }, schema: { tags, summary: 'Pause the dunning of an invoice or of a client (dispute, payment plan), with a reason and an optional end', body: pauseDunningBody, response: { 201: dunningPause, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await pauseDunning(db, actorOf(req), req.body, todayFromClock())),
  );

  app.post(
    '/pauses/:pauseId/resume',
    { config: { access: TEAM }, schema: { tags, summary: 'Resume the dunning paused by this pause', params: pauseIdParams, response: { 200: dunningPause, ...errorResponses } } },
    async (req) => resumeDunning(db, actorOf(req), req.params.pauseId, todayFromClock()),
  );
}
