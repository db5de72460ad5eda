import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { actorOf } from '../../platform/http/context.js';
import { readUpload } from '../../platform/http/upload.js';
import { empty, errorResponses } from '../../platform/http/error-shape.js';
import type { BookingCharges } from './booking-charges.js';
import { createFeed } from './create-feed.js';
import { listFeeds } from './list-feeds.js';
import { addHandoverPhoto, openHandoverPhoto } from './add-handover-photo.js';
import { MAX_PHOTO_BYTES } from './domain/photo-kind.js';
import { getHandover } from './get-handover.js';
import { listMyOperations } from './list-my-operations.js';
import { checkIn, walkIn } from './check-in.js';
import { getOccupancy, occupancyCsv } from './get-occupancy.js';
import { markNoShows } from './mark-no-shows.js';
import { bookingParams, checkInView, createdFeed, createFeedBody, feedFileParams, feedList, handoverBody, handoverView, idParams, noShowBody, occupancyQuery, occupancyView, opsBookingList, photoFields, walkInBody } from './ops-contract.js';
import { sendCsv } from '../../platform/http/send-csv.js';
import { recordHandover } from './record-handover.js';
import { readFeed } from './read-feed.js';
import { revokeFeed } from './revoke-feed.js';

const tags = ['resources'];
const everyone = ['admin', 'staff', 'accountant', 'member'] as const;
/** The coop's team and its accountant read occupancy and revenue. */
const managers = ['admin', 'staff', 'accountant'] as const;
const team = ['admin', 'staff'] as const;

export interface OpsRouteOptions {
  charges: BookingCharges;
}

/** Operations on resources: calendar feeds, check-ins, van handovers, waiting list, occupancy. */
export async function opsRoutes(fastify: FastifyInstance, options: OpsRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, config, storage } = app.deps;
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

  app.get(
    '/operations/mine',
    { config: { access: everyone }, schema: { tags, summary: 'My desk, van and equipment bookings around today, with their check-in or handover', response: { 200: opsBookingList, ...errorResponses } } },
    async (req) => ({ items: await listMyOperations(db, actorOf(req), new Date()) }),
  );

  app.get(
    '/bookings/:bookingId/handover',
    { config: { access: everyone }, schema: { tags, summary: 'Check-out and check-in of a van or equipment booking, with the kilometres driven', params: bookingParams, response: { 200: handoverView, ...errorResponses } } },
    async (req) => getHandover(db, actorOf(req), req.params.bookingId),
  );

  app.post(
    '/bookings/:bookingId/handover',
    { config: { access: everyone }, schema: { tags, summary: 'Record the check-out (out) or check-in (in) of a van or equipment: mileage, fuel, state notes', params: bookingParams, body: handoverBody, response: { 200: handoverView, ...errorResponses } } },
    async (req) => recordHandover(db, actorOf(req), req.params.bookingId, req.body, new Date()),
  );

  app.post(
    '/bookings/:bookingId/handover/photos',
    { config: { access: everyone }, schema: { tags, summary: 'A photo of the check-out or check-in (multipart: file = image, direction = out|in)', consumes: ['multipart/form-data'], params: bookingParams, response: { 200: handoverView, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const { fields, file } = await readUpload(req, { maxBytes: Math.min(MAX_PHOTO_BYTES, config.maxUploadBytes), schema: photoFields, defaultFileName: 'photo' });
      await addHandoverPhoto(db, storage, actor, req.params.bookingId, fields.direction, file);
      return getHandover(db, actor, req.params.bookingId);
    },
  );

  app.get(
    '/handover-photos/:id',
    { config: { access: everyone }, schema: { tags, summary: 'A handover photo', params: idParams, response: { 200: z.unknown().describe('The image'), ...errorResponses } } },
    async (req, reply) => {
      const p = await openHandoverPhoto(db, storage, actorOf(req), req.params.id);
      return reply
        .header('content-type', p.type)
        .header('content-disposition', contentDisposition(p.fileName, 'inline'))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(p.bytes);
    },
  );

  app.post(
    '/bookings/:bookingId/check-in',
    { config: { access: everyone }, schema: { tags, summary: '« Je suis arrivé(e) » on a desk booked for now (already paid when booked)', params: bookingParams, body: z.object({}).strict(), response: { 200: checkInView, ...errorResponses } } },
    async (req) => checkIn(db, actorOf(req), req.params.bookingId, new Date()),
  );

  app.post(
    '/check-in/walk-in',
    { config: { access: everyone }, schema: { tags, summary: 'Walk in on a free hot desk: books it until closing time and pays it (a pass, or per use)', body: walkInBody, response: { 201: checkInView, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await walkIn(db, actorOf(req), req.body, options.charges, new Date())),
  );

  app.post(
    '/no-shows',
    { config: { access: team }, schema: { tags, summary: 'Mark as no-shows the desk bookings of the last week not checked in by the cutoff (minutes after the start)', body: noShowBody, response: { 200: z.object({ marked: z.number().int() }), ...errorResponses } } },
    async (req) => markNoShows(db, actorOf(req), req.body.cutoffMinutes, new Date()),
  );

  app.get(
    '/occupancy',
    { config: { access: managers }, schema: { tags, summary: 'Occupancy per resource and site, revenue, no-shows and peak hours over a period', querystring: occupancyQuery, response: { 200: occupancyView, ...errorResponses } } },
    async (req) => getOccupancy(db, actorOf(req), req.query),
  );

  app.get(
    '/occupancy.csv',
    { config: { access: managers }, schema: { tags, summary: 'Occupancy per resource as CSV', querystring: occupancyQuery, response: { 200: z.unknown().describe('text/csv'), ...errorResponses } } },
    async (req, reply) => sendCsv(reply, `occupation-${req.query.from}-${req.query.to}.csv`, occupancyCsv(await getOccupancy(db, actorOf(req), req.query))),
  );
}
