import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { cancelEvent } from './cancel-event.js';
import { cancelRegistration } from './cancel-registration.js';
import {
  attendanceBody,
  createEventBody,
  eventDetail,
  eventList,
  eventListQuery,
  hostHistory,
  idParams,
  proposeThemeBody,
  registerBody,
  registration,
  registrationParams,
  themeProposalList,
} from './contract.js';
import { createEvent } from './create-event.js';
import { findEvent, getEvent } from './get-event.js';
import { listEvents } from './list-events.js';
import { listHostHistory } from './list-host-history.js';
import { listThemeProposals } from './list-theme-proposals.js';
import { markAttendance } from './mark-attendance.js';
import { proposeTheme } from './propose-theme.js';
import { registerForEvent } from './register-for-event.js';
import { hostNameOf } from './registration-mails.js';
import { icsFileName, renderEventIcs } from './render-event-ics.js';
import { coopNames } from '../coops/index.js';
import { updateEventBody } from './contract.js';
import { updateEvent } from './update-event.js';
import { voteForTheme, withdrawThemeVote } from './vote-for-theme.js';

const tags = ['events'];
/** Community life is the coop's: its team and its members take part (the accountant keeps the books, not the lunches). */
const people = ['admin', 'staff', 'member'] as const;
/** The team schedules, changes and cancels events. */
const team = ['admin', 'staff'] as const;

export async function eventRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, storage } = app.deps;
  const db = database.db;

  app.get('/', { config: { access: people }, schema: { tags, summary: 'Events coming (soonest first) or past (latest first)', querystring: eventListQuery, response: { 200: eventList, ...errorResponses } } }, async (req) => listEvents(db, actorOf(req), req.query, new Date()));

  app.post(
    '/',
    { config: { access: team }, schema: { tags, summary: 'Schedule an event (co-lunch, workshop, meetup, open day)', body: createEventBody, response: { 201: eventDetail, ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await createEvent(db, actor, req.body);
      return reply.status(201).send(await getEvent(db, actor, row.id, new Date()));
    },
  );

  app.get('/hosts', { config: { access: people }, schema: { tags, summary: 'Who hosted what: past events with a host, and the count per host', response: { 200: hostHistory, ...errorResponses } } }, async (req) => listHostHistory(db, actorOf(req), new Date()));

  app.get('/themes', { config: { access: people }, schema: { tags, summary: 'Theme proposals, ranked by votes', response: { 200: themeProposalList, ...errorResponses } } }, async (req) => listThemeProposals(db, actorOf(req)));

  app.post(
    '/themes',
    { config: { access: people }, schema: { tags, summary: 'Propose a co-lunch theme', body: proposeThemeBody, response: { 201: z.object({ id: z.string() }), ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await proposeTheme(db, actorOf(req), req.body)),
  );

  app.post(
    '/themes/:id/vote',
    { config: { access: people }, schema: { tags, summary: 'Vote for a theme (once per member)', params: idParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await voteForTheme(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/themes/:id/vote',
    { config: { access: people }, schema: { tags, summary: 'Take back my vote for a theme', params: idParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await withdrawThemeVote(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get('/:id', { config: { access: people }, schema: { tags, summary: 'An event (its registrants to staff and its host)', params: idParams, response: { 200: eventDetail, ...errorResponses } } }, async (req) => getEvent(db, actorOf(req), req.params.id, new Date()));

  app.patch(
    '/:id',
    // Members reach it, but only the event's host passes updateEvent's check (the host of a
    // co-lunch fixes the theme, room or time of their own event; the team changes any event).
    { config: { access: people }, schema: { tags, summary: 'Change an event (staff, or its host except who hosts); places added go to the waiting list first', params: idParams, body: updateEventBody, response: { 200: eventDetail, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await updateEvent(db, storage, actor, req.params.id, req.body, new Date());
      return getEvent(db, actor, req.params.id, new Date());
    },
  );

  app.post(
    '/:id/cancel',
    { config: { access: team }, schema: { tags, summary: 'Cancel an event (everyone registered is told)', params: idParams, response: { 200: eventDetail, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await cancelEvent(db, storage, actor, req.params.id);
      return getEvent(db, actor, req.params.id, new Date());
    },
  );

  app.get(
    '/:id/ics',
    { config: { access: people }, schema: { tags, summary: 'The event as an iCalendar file (.ics)', params: idParams, response: { 200: z.unknown().describe('text/calendar'), ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const event = await findEvent(db, actor.coopId, req.params.id);
      const coopName = (await coopNames(db, [actor.coopId])).get(actor.coopId) ?? '';
      const body = renderEventIcs(event, { hostName: await hostNameOf(db, event), coopName });
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', contentDisposition(icsFileName(event))).header('cache-control', 'private, no-store').send(body);
    },
  );

  app.post(
    '/:id/registrations',
    { config: { access: people }, schema: { tags, summary: 'Register (myself; staff: a member or an outside guest by e-mail); confirmed or on the waiting list', params: idParams, body: registerBody, response: { 201: registration, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await registerForEvent(db, storage, actorOf(req), req.params.id, req.body, new Date())),
  );

  app.post(
    '/:id/registrations/:registrationId/cancel',
    { config: { access: people }, schema: { tags, summary: 'Cancel a registration (mine; staff: anyone’s); the first waiting takes the place', params: registrationParams, response: { 200: registration, ...errorResponses } } },
    async (req) => cancelRegistration(db, storage, actorOf(req), req.params.id, req.params.registrationId, new Date()),
  );

  app.put(
    '/:id/registrations/:registrationId/attendance',
    { config: { access: people }, schema: { tags, summary: 'Mark present or absent (staff or the host)', params: registrationParams, body: attendanceBody, response: { 200: registration, ...errorResponses } } },
    async (req) => markAttendance(db, actorOf(req), req.params.id, req.params.registrationId, req.body.attended, new Date()),
  );
}
