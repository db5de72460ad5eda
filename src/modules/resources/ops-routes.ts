import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/context.js';
import { empty, errorResponses } from '../../platform/http/error-shape.js';
import type { BookingCharges } from './booking-charges.js';
import { createFeed } from './create-feed.js';
import { listFeeds } from './list-feeds.js';
import { createdFeed, createFeedBody, feedFileParams, feedList, idParams } from './ops-contract.js';
import { readFeed } from './read-feed.js';
import { revokeFeed } from './revoke-feed.js';

const tags = ['resources'];
const everyone = ['admin', 'staff', 'accountant', 'member'] as const;

export interface OpsRouteOptions {
  charges: BookingCharges;
}

/** Operations on resources: calendar feeds, check-ins, van handovers, waiting list, occupancy. */
export async function opsRoutes(fastify: FastifyInstance, _options: OpsRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.deps;
  const db = database.db;

  app.get(
    '/feeds/:file',
    {
      // Calendar apps fetch the feed alone, without a session: the secret token is the access.
      config: { access: 'public' },
      schema: { tags, summary: 'A calendar feed (RFC 5545) by its secret address', params: feedFileParams, response: { 200: z.unknown().describe('text/calendar'), ...errorResponses } },
    },
    async (req, reply) => {
      const { ics } = await readFeed(db, req.params.file.slice(0, -'.ics'.length), new Date());
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(Buffer.from(ics, 'utf8'));
    },
  );

  app.get('/feeds', { config: { access: everyone }, schema: { tags, summary: 'My live calendar feeds (staff: also every resource feed)', response: { 200: feedList, ...errorResponses } } }, async (req) => ({ items: await listFeeds(db, actorOf(req)) }));

  app.post(
    '/feeds',
    {
      config: { access: everyone },
      schema: { tags, summary: 'A new secret feed address of my bookings, or (staff) of a resource; revokes the previous one. Shown once.', body: createFeedBody, response: { 201: createdFeed, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await createFeed(db, actorOf(req), req.body, config.publicUrl)),
  );

  app.post(
    '/feeds/:id/revoke',
    { config: { access: everyone }, schema: { tags, summary: 'Revoke a feed: its address answers 404 from now on', params: idParams, body: z.object({}).strict(), response: { 204: empty, ...errorResponses } } },
    async (req, reply) => {
      await revokeFeed(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
