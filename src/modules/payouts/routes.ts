import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { approveBatch } from './approve-batch.js';
import { buildBatch } from './build-batch.js';
import { cancelBatch } from './cancel-batch.js';
import { batchParams, buildBatchBody, payableList, payoutBatchDetail, payoutBatchList, payoutSettingsView, updatePayoutSettingsBody } from './contract.js';
import { getBatch, listBatches, openBatchFile } from './list-batches.js';
import { listPayables } from './list-payables.js';
import type { PayableSources } from './payable-sources.js';
import { payoutSettingsOf, updatePayoutSettings } from './payout-settings.js';

const tags = ['payouts'];
/** Paying out the coop's money by transfer: its team and its accountant; members see their own documents' "paid" instead. */
const money = ['admin', 'staff', 'accountant'] as const;

export interface PayoutRoutesOptions {
  /** The modules whose documents are paid by transfer, wired by the composition root. */
  sources: PayableSources;
}

export async function payoutRoutes(fastify: FastifyInstance, opts: PayoutRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, storage } = app.deps;
  const db = database.db;
  const sources = opts.sources;

  app.get(
    '/payables',
    { config: { access: money }, schema: { tags, summary: 'What the coop owes and may pay by transfer (not in a live batch), by source', response: { 200: payableList, ...errorResponses } } },
    async (req) => ({ items: await listPayables(db, actorOf(req).coopId, sources) }),
  );

  app.get('/batches', { config: { access: money }, schema: { tags, summary: 'The batches of transfers, newest first', response: { 200: payoutBatchList, ...errorResponses } } }, async (req) => ({
    items: await listBatches(db, actorOf(req).coopId),
  }));

  app.post(
    '/batches',
    {
      config: { access: money },
      schema: { tags, summary: 'Build a batch of SEPA transfers (pain.001) from chosen payables; the same choice again returns the same batch', body: buildBatchBody, response: { 200: payoutBatchDetail, 201: payoutBatchDetail, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { batch, created } = await buildBatch(db, storage, actor, sources, req.body, todayFromClock(), new Date());
      return reply.status(created ? 201 : 200).send(await getBatch(db, actor.coopId, batch.id));
    },
  );

  app.get('/batches/:id', { config: { access: money }, schema: { tags, summary: 'A batch and its transfers', params: batchParams, response: { 200: payoutBatchDetail, ...errorResponses } } }, async (req) =>
    getBatch(db, actorOf(req).coopId, req.params.id),
  );

  app.post(
    '/batches/:id/approve',
    { config: { access: money }, schema: { tags, summary: 'Second approval of a batch (by another person than its author)', params: batchParams, response: { 200: payoutBatchDetail, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await approveBatch(db, actor, req.params.id);
      return getBatch(db, actor.coopId, req.params.id);
    },
  );

  app.post(
    '/batches/:id/cancel',
    { config: { access: money }, schema: { tags, summary: 'Cancel a batch the bank has not executed; its payments are owed again', params: batchParams, response: { 200: payoutBatchDetail, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await cancelBatch(db, actor, req.params.id);
      return getBatch(db, actor.coopId, req.params.id);
    },
  );

  app.get(
    '/batches/:id/file',
    { config: { access: money }, schema: { tags, summary: 'The pain.001 file of a batch (once approved when a second approval is asked)', params: batchParams, response: { 200: z.unknown().describe('The pain.001 XML'), ...errorResponses } } },
    async (req, reply) => {
      const { fileName, content } = await openBatchFile(db, storage, actorOf(req).coopId, req.params.id);
      return reply
        .header('content-type', 'application/xml')
        .header('content-disposition', contentDisposition(fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  app.get('/settings', { config: { access: money }, schema: { tags, summary: 'How the coop’s transfers leave', response: { 200: payoutSettingsView, ...errorResponses } } }, async (req) =>
    payoutSettingsOf(db, actorOf(req).coopId),
  );

  app.put(
    '/settings',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Change the second approval and the pain.001 version', body: updatePayoutSettingsBody, response: { 200: payoutSettingsView, ...errorResponses } } },
    async (req) => updatePayoutSettings(db, actorOf(req), req.body),
  );
}
