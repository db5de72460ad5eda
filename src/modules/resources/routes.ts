import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { opsRoutes } from './ops-routes.js';
import { photoRoutes } from './photo-routes.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { bookResource, getBooking, quoteBooking } from './book-resource.js';
import { bookWeekly, previewWeekly } from './book-weekly.js';
import { payPerUse, type BookingCharges } from './booking-charges.js';
import type { BookingMailer } from './booking-mails.js';
import { cancelBooking } from './cancel-booking.js';
import { joinWaitlist } from './join-waitlist.js';
import { leaveWaitlist } from './leave-waitlist.js';
import { listMyWaits, listResourceWaits } from './list-waitlist.js';
import { joinWaitlistBody, waitlistEntry, waitlistList } from './waitlist-contract.js';
import {
  availability,
  availabilityQuery,
  bookBody,
  booking,
  bookingList,
  bookingQuote,
  bookingsQuery,
  bookingRuleList,
  bookingRulesBody,
  createResourceBody,
  idParams,
  kindParams,
  myBookingsQuery,
  pricesBody,
  recurringBody,
  recurringPreview,
  recurringResult,
  resource,
  resourceList,
  resourceListQuery,
  resourceSettingsView,
  site,
  siteBody,
  siteList,
  unavailability,
  unavailabilityBody,
  unavailabilityList,
  updateResourceBody,
  updateResourceSettingsBody,
} from './contract.js';
import { getAvailability } from './get-availability.js';
import { listBookings, listMyBookings } from './list-bookings.js';
import { createResource, getResource, listResources, setResourcePrices, updateResource } from './manage-resources.js';
import { createSite, listSites, updateSite } from './manage-sites.js';
import { addUnavailability, listUnavailabilities, removeUnavailability } from './manage-unavailabilities.js';
import { getResourceSettings, updateResourceSettings } from './resource-settings.js';
import { listBookingRules, setBookingRules } from './set-booking-rules.js';

export interface ResourceRouteOptions {
  /** How bookings are paid (the plans module); pay per use when none is wired. */
  charges?: BookingCharges;
}

const tags = ['resources'];
const readers = ['admin', 'staff', 'accountant', 'member'] as const;
/** Members book for themselves; the team for anyone. The accountant reads only. */
const bookers = ['admin', 'staff', 'member'] as const;
/** The team keeps the catalogue, its prices and rules. */
const team = ['admin', 'staff'] as const;
const empty = z.null();

export async function resourceRoutes(fastify: FastifyInstance, options: ResourceRouteOptions = {}): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;
  const charges = options.charges ?? payPerUse;
  // Booking mails carry their .ics from the storage; waitlist mails link back to the app.
  const mailer: BookingMailer = { storage: app.deps.storage, publicUrl: app.deps.config.publicUrl, mailFrom: app.deps.config.mailFrom };
  // Feeds, check-ins, handovers, waiting list and occupancy (ops-routes.ts).
  await fastify.register(opsRoutes, { charges });
  // The catalogue's photos (photo-routes.ts).
  await fastify.register(photoRoutes);

  app.get('/settings', { config: { access: readers }, schema: { tags, summary: 'Booking settings of the coop', response: { 200: resourceSettingsView, ...errorResponses } } }, async (req) => getResourceSettings(db, actorOf(req).coopId));
  app.patch(
    '/settings',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Hide or show who booked to members', body: updateResourceSettingsBody, response: { 200: resourceSettingsView, ...errorResponses } } },
    async (req) => updateResourceSettings(db, actorOf(req), req.body),
  );

  app.get('/sites', { config: { access: readers }, schema: { tags, summary: 'Sites with their time zone and opening hours', response: { 200: siteList, ...errorResponses } } }, async (req) => ({ items: await listSites(db, actorOf(req).coopId) }));
  app.post('/sites', { config: { access: team }, schema: { tags, summary: 'Add a site', body: siteBody, response: { 201: site, ...errorResponses } } }, async (req, reply) => reply.status(201).send(await createSite(db, actorOf(req), req.body)));
  app.put('/sites/:id', { config: { access: team }, schema: { tags, summary: 'Change a site', params: idParams, body: siteBody, response: { 200: site, ...errorResponses } } }, async (req) => updateSite(db, actorOf(req), req.params.id, req.body));

  app.get('/availability', { config: { access: readers }, schema: { tags, summary: 'Busy slots of resources over a period (bookings, unavailabilities), with opening hours', querystring: availabilityQuery, response: { 200: availability, ...errorResponses } } }, async (req) =>
    getAvailability(db, actorOf(req), { from: new Date(req.query.from), to: new Date(req.query.to), siteId: req.query.siteId, resourceId: req.query.resourceId }),
  );

  app.put('/kinds/:kind/rules', { config: { access: team }, schema: { tags, summary: 'Replace the ordered booking rules of every resource of a kind', params: kindParams, body: bookingRulesBody, response: { 200: bookingRuleList, ...errorResponses } } }, async (req) => ({
    items: await setBookingRules(db, actorOf(req), { kind: req.params.kind }, req.body.rules),
  }));
  app.get('/kinds/:kind/rules', { config: { access: readers }, schema: { tags, summary: 'Booking rules of a kind', params: kindParams, response: { 200: bookingRuleList, ...errorResponses } } }, async (req) => ({ items: await listBookingRules(db, actorOf(req).coopId, { kind: req.params.kind }) }));

  app.get('/bookings/mine', { config: { access: bookers }, schema: { tags, summary: 'My bookings, upcoming first', querystring: myBookingsQuery, response: { 200: bookingList, ...errorResponses } } }, async (req) => ({
    items: await listMyBookings(db, actorOf(req), { from: req.query.from ? new Date(req.query.from) : undefined, now: new Date() }),
  }));
  app.get(
    '/bookings',
    { config: { access: ['admin', 'staff', 'accountant'] }, schema: { tags, summary: 'Bookings starting in a period', querystring: bookingsQuery, response: { 200: bookingList, ...errorResponses } } },
    async (req) => ({ items: await listBookings(db, actorOf(req), { from: new Date(req.query.from), to: new Date(req.query.to), resourceId: req.query.resourceId, memberId: req.query.memberId }) }),
  );
  app.post('/bookings/quote', { config: { access: bookers }, schema: { tags, summary: 'Price of a slot and the first rule that would refuse it (nothing booked)', body: bookBody, response: { 200: bookingQuote, ...errorResponses } } }, async (req) => quoteBooking(db, charges, actorOf(req), req.body, new Date()));
  app.post('/bookings', { config: { access: bookers }, schema: { tags, summary: 'Book a slot (a member for themselves on one of their activities; the team for anyone)', body: bookBody, response: { 201: booking, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await bookResource(db, charges, actorOf(req), req.body, new Date(), mailer)),
  );
  app.post('/bookings/weekly/preview', { config: { access: bookers }, schema: { tags, summary: 'Each week of a recurring booking, free or refused with the reason (nothing booked)', body: recurringBody, response: { 200: recurringPreview, ...errorResponses } } }, async (req) =>
    previewWeekly(db, charges, actorOf(req), req.body, new Date()),
  );
  app.post('/bookings/weekly', { config: { access: bookers }, schema: { tags, summary: 'Book a weekly series: the free weeks only, or none if one is refused', body: recurringBody, response: { 201: recurringResult, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await bookWeekly(db, charges, actorOf(req), req.body, new Date(), mailer)),
  );
  app.get('/bookings/:id', { config: { access: readers }, schema: { tags, summary: 'A booking', params: idParams, response: { 200: booking, ...errorResponses } } }, async (req) => getBooking(db, actorOf(req), req.params.id));
  app.post(
    '/bookings/:id/cancel',
    { config: { access: bookers }, schema: { tags, summary: 'Cancel a booking (free before the deadline, the fee after; the team may waive it)', params: idParams, body: z.object({ waiveFee: z.boolean().optional() }), response: { 200: booking, ...errorResponses } } },
    async (req) => cancelBooking(db, charges, actorOf(req), req.params.id, req.body, new Date(), mailer),
  );

  app.delete('/unavailabilities/:id', { config: { access: team }, schema: { tags, summary: 'Remove an unavailability', params: idParams, response: { 204: empty, ...errorResponses } } }, async (req, reply) => {
    await removeUnavailability(db, actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/', { config: { access: readers }, schema: { tags, summary: 'The catalogue of resources', querystring: resourceListQuery, response: { 200: resourceList, ...errorResponses } } }, async (req) => ({
    items: await listResources(db, actorOf(req).coopId, { siteId: req.query.siteId, kind: req.query.kind, includeInactive: req.query.includeInactive === 'true' }),
  }));
  app.post('/', { config: { access: team }, schema: { tags, summary: 'Add a resource with its prices', body: createResourceBody, response: { 201: resource, ...errorResponses } } }, async (req, reply) => reply.status(201).send(await createResource(db, actorOf(req), req.body)));
  app.get('/:id', { config: { access: readers }, schema: { tags, summary: 'A resource', params: idParams, response: { 200: resource, ...errorResponses } } }, async (req) => getResource(db, actorOf(req).coopId, req.params.id));
  app.patch('/:id', { config: { access: team }, schema: { tags, summary: 'Change a resource', params: idParams, body: updateResourceBody, response: { 200: resource, ...errorResponses } } }, async (req) => updateResource(db, actorOf(req), req.params.id, req.body));
  app.put('/:id/prices', { config: { access: team }, schema: { tags, summary: "Replace a resource's prices", params: idParams, body: pricesBody, response: { 200: resource, ...errorResponses } } }, async (req) => setResourcePrices(db, actorOf(req), req.params.id, req.body.prices));
  app.get('/:id/rules', { config: { access: readers }, schema: { tags, summary: "A resource's own booking rules", params: idParams, response: { 200: bookingRuleList, ...errorResponses } } }, async (req) => ({ items: await listBookingRules(db, actorOf(req).coopId, { resourceId: req.params.id }) }));
  app.put('/:id/rules', { config: { access: team }, schema: { tags, summary: "Replace a resource's own ordered booking rules (evaluated before its kind's)", params: idParams, body: bookingRulesBody, response: { 200: bookingRuleList, ...errorResponses } } }, async (req) => ({
    items: await setBookingRules(db, actorOf(req), { resourceId: req.params.id }, req.body.rules),
  }));
  app.get('/:id/unavailabilities', { config: { access: readers }, schema: { tags, summary: 'Unavailabilities of a resource not yet over', params: idParams, response: { 200: unavailabilityList, ...errorResponses } } }, async (req) => ({
    items: await listUnavailabilities(db, actorOf(req).coopId, req.params.id, new Date()),
  }));
  app.post('/:id/unavailabilities', { config: { access: team }, schema: { tags, summary: 'Take a resource out of service over a period', params: idParams, body: unavailabilityBody, response: { 201: unavailability, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await addUnavailability(db, actorOf(req), req.params.id, req.body)),
  );
  // Waiting list of taken slots: a member waits for a slot, is told when its booking is cancelled.
  app.post('/waitlist', { config: { access: bookers }, schema: { tags, summary: 'Wait for a taken slot (one I could book were it free): told by mail when it is freed', body: joinWaitlistBody, response: { 201: waitlistEntry, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await joinWaitlist(db, charges, actorOf(req), req.body, new Date())),
  );
  app.get('/waitlist/mine', { config: { access: bookers }, schema: { tags, summary: 'My waits for slots not yet over (waiting, or freed)', response: { 200: waitlistList, ...errorResponses } } }, async (req) => ({ items: await listMyWaits(db, actorOf(req), new Date()) }));
  app.post('/waitlist/:id/leave', { config: { access: bookers }, schema: { tags, summary: 'Stop waiting for a slot', params: idParams, body: z.object({}).strict(), response: { 200: waitlistEntry, ...errorResponses } } }, async (req) => leaveWaitlist(db, actorOf(req), req.params.id));
  app.get('/:id/waitlist', { config: { access: team }, schema: { tags, summary: "Who waits for a resource's slots, in the order they will be told", params: idParams, response: { 200: waitlistList, ...errorResponses } } }, async (req) => ({
    items: await listResourceWaits(db, actorOf(req), req.params.id, new Date()),
  }));
}
