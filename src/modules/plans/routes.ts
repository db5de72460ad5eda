import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { invalidField } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { billResourceMonth, type ChargeableBookingsOf } from './bill-resource-month.js';
import {
  balanceView,
  billingItemList,
  billingItemsQuery,
  billingRunBody,
  billingRunResult,
  resourceBillingSettings,
  createPlanBody,
  endBody,
  idParams,
  pauseBody,
  planList,
  planView,
  resumeBody,
  subscribeBody,
  subscriptionList,
  subscriptionListQuery,
  subscriptionView,
  updatePlanBody,
} from './contract.js';
import { monthOf } from './domain/subscription-cycle.js';
import { getMemberBalance } from './get-balance.js';
import { listBillingItems } from './list-billing-items.js';
import { getResourceBillingSettings, updateResourceBillingSettings } from './resource-billing-settings.js';
import { endSubscription } from './end-subscription.js';
import { listSubscriptions } from './list-subscriptions.js';
import { pauseSubscription } from './pause-subscription.js';
import { resumeSubscription } from './resume-subscription.js';
import { subscribeMember } from './subscribe-member.js';
import { createPlan } from './create-plan.js';
import { listPlans } from './list-plans.js';
import { updatePlan } from './update-plan.js';

const tags = ['plans'];
/** The coop's team sets plans and subscribes members. */
const team = ['admin', 'staff'] as const;
/** Billing moves money: the team and the accountant. */
const money = ['admin', 'staff', 'accountant'] as const;

export interface PlanRoutesOptions {
  /** The month's pay-per-use bookings (the resources module's `listChargeableBookings`). */
  chargeableBookings: ChargeableBookingsOf;
}

export async function planRoutes(fastify: FastifyInstance, opts: PlanRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get('/', { config: { access: ['admin', 'staff', 'accountant', 'member'] }, schema: { tags, summary: 'The plans the coop offers', response: { 200: planList, ...errorResponses } } }, async (req) => ({
    items: await listPlans(db, actorOf(req).coopId, todayFromClock()),
  }));

  app.post('/', { config: { access: team }, schema: { tags, summary: 'Create a plan', body: createPlanBody, response: { 201: planView, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await createPlan(db, actorOf(req), req.body)),
  );

  app.patch('/:id', { config: { access: team }, schema: { tags, summary: 'Change a plan (applies from the next month granted and billed)', params: idParams, body: updatePlanBody, response: { 200: planView, ...errorResponses } } }, async (req) =>
    updatePlan(db, actorOf(req), req.params.id, req.body, todayFromClock()),
  );

  app.get('/me/balance', { config: { access: ['member', 'admin', 'staff', 'accountant'] }, schema: { tags, summary: 'My plan: passes and credits left with their expiry, and which booking took what', response: { 200: balanceView, ...errorResponses } } }, async (req) =>
    getMemberBalance(db, actorOf(req), new Date()),
  );

  app.get('/subscriptions', { config: { access: team }, schema: { tags, summary: 'Subscriptions of members to plans', querystring: subscriptionListQuery, response: { 200: subscriptionList, ...errorResponses } } }, async (req) => ({
    items: await listSubscriptions(db, actorOf(req).coopId, req.query, todayFromClock()),
  }));

  app.post('/subscriptions', { config: { access: team }, schema: { tags, summary: "Subscribe a member to a plan, billed to one of the member's activities", body: subscribeBody, response: { 201: subscriptionView, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await subscribeMember(db, actorOf(req), req.body, todayFromClock())),
  );

  app.post('/subscriptions/:id/pause', { config: { access: team }, schema: { tags, summary: 'Pause from a month on: no fee, no passes', params: idParams, body: pauseBody, response: { 200: subscriptionView, ...errorResponses } } }, async (req) =>
    pauseSubscription(db, actorOf(req), req.params.id, req.body.fromMonth, todayFromClock()),
  );

  app.post('/subscriptions/:id/resume', { config: { access: team }, schema: { tags, summary: 'Resume from a month on', params: idParams, body: resumeBody, response: { 200: subscriptionView, ...errorResponses } } }, async (req) =>
    resumeSubscription(db, actorOf(req), req.params.id, req.body.fromMonth, todayFromClock()),
  );

  app.post('/subscriptions/:id/end', { config: { access: team }, schema: { tags, summary: "End with the plan's notice (to the end of the month the notice expires in)", params: idParams, body: endBody, response: { 200: subscriptionView, ...errorResponses } } }, async (req) => {
    const today = todayFromClock();
    return endSubscription(db, actorOf(req), req.params.id, req.body.requestedOn ?? today, today);
  });

  app.post('/billing/run', { config: { access: money }, schema: { tags, summary: "Bill a month's plan fees and pay-per-use bookings to the activities (a source is billed once per month)", body: billingRunBody, response: { 200: billingRunResult, ...errorResponses } } }, async (req) => {
    const today = todayFromClock();
    if (req.body.month > monthOf(today)) throw invalidField('month', { fr: 'Ce mois n’a pas commencé.', en: 'This month has not begun.' });
    return billResourceMonth(db, app.deps.storage, actorOf(req), req.body.month, today, opts.chargeableBookings);
  });

  app.get('/billing/settings', { config: { access: money }, schema: { tags, summary: 'How the coop bills resources', response: { 200: resourceBillingSettings, ...errorResponses } } }, async (req) =>
    getResourceBillingSettings(db, actorOf(req).coopId),
  );

  app.put('/billing/settings', { config: { access: ['admin'] }, schema: { tags, summary: 'Choose how resources are billed (applies from the next run)', body: resourceBillingSettings, response: { 200: resourceBillingSettings, ...errorResponses } } }, async (req) =>
    updateResourceBillingSettings(db, actorOf(req), req.body),
  );

  app.get('/billing/items', { config: { access: money }, schema: { tags, summary: "What a month's billing charged", querystring: billingItemsQuery, response: { 200: billingItemList, ...errorResponses } } }, async (req) =>
    listBillingItems(db, actorOf(req).coopId, req.query.month),
  );
}
