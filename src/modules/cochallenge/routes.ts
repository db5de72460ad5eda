import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { computePlan } from './compute-plan.js';
import {
  cochallengeDetail,
  cochallengeList,
  cochallengeParams,
  companyBody,
  companyParams,
  counterView,
  createCochallengeBody,
  followPromiseBody,
  moveCochallengeBody,
  myDayView,
  participantBody,
  participantParams,
  planBody,
  planView,
  promiseList,
  promiseParams,
  promiseView,
  proposePairsBody,
  recordPromiseBody,
  resultsView,
  setPairsBody,
  updateCochallengeBody,
} from './contract.js';
import { cochallengeResults, listPromises, promiseCounter } from './count-promises.js';
import { followPromise } from './follow-promise.js';
import { proposePairs, setPairs } from './form-cochallenge-pairs.js';
import { getCochallenge, listCochallenges } from './get-cochallenge.js';
import { createCochallenge, moveCochallenge, updateCochallenge } from './manage-cochallenge.js';
import { getMyDay, getPlan } from './plan-views.js';
import { recordPromise } from './record-promise.js';
import { registerCompany, removeCompany } from './register-company.js';
import { registerParticipant, removeParticipant } from './register-participant.js';

const tags = ['cochallenge'];
/** The team runs the campaign; members take part (pitchers on the day, everyone on the counter). */
const team = ['admin', 'staff'] as const;
const everyone = ['admin', 'staff', 'member'] as const;

/** A seed from the clock when staff ask for "another plan" without giving one: the seed is stored, so the plan can be made again. */
const freshSeed = () => Date.now() % 2_147_483_647;

export async function cochallengeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get('/', { config: { access: everyone }, schema: { tags, summary: 'The cochallenges of the coop, latest day first', response: { 200: cochallengeList, ...errorResponses } } }, async (req) => ({
    items: await listCochallenges(db, actorOf(req).coopId),
  }));

  app.post('/', { config: { access: team }, schema: { tags, summary: 'Open a cochallenge campaign', body: createCochallengeBody, response: { 201: cochallengeDetail, ...errorResponses } } }, async (req, reply) => {
    const actor = actorOf(req);
    const row = await createCochallenge(db, actor, req.body);
    return reply.status(201).send(await getCochallenge(db, actor.coopId, row.id));
  });

  app.get('/:id', { config: { access: team }, schema: { tags, summary: 'A campaign with its companies, participants and pairs', params: cochallengeParams, response: { 200: cochallengeDetail, ...errorResponses } } }, async (req) =>
    getCochallenge(db, actorOf(req).coopId, req.params.id),
  );

  app.patch('/:id', { config: { access: team }, schema: { tags, summary: 'Change the name, day, goal or meeting format (the format drops a stored plan)', params: cochallengeParams, body: updateCochallengeBody, response: { 200: cochallengeDetail, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    await updateCochallenge(db, actor, req.params.id, req.body);
    return getCochallenge(db, actor.coopId, req.params.id);
  });

  app.post('/:id/status', { config: { access: team }, schema: { tags, summary: 'Start the day (planned → live) or close it (live → closed)', params: cochallengeParams, body: moveCochallengeBody, response: { 200: cochallengeDetail, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    await moveCochallenge(db, actor, req.params.id, req.body.status);
    return getCochallenge(db, actor.coopId, req.params.id);
  });

  app.post('/:id/companies', { config: { access: team }, schema: { tags, summary: 'Register a company and the meetings it takes', params: cochallengeParams, body: companyBody, response: { 201: cochallengeDetail, ...errorResponses } } }, async (req, reply) => {
    const actor = actorOf(req);
    await registerCompany(db, actor, req.params.id, req.body);
    return reply.status(201).send(await getCochallenge(db, actor.coopId, req.params.id));
  });

  app.put('/:id/companies/:companyId', { config: { access: team }, schema: { tags, summary: 'Change a company', params: companyParams, body: companyBody, response: { 200: cochallengeDetail, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    await registerCompany(db, actor, req.params.id, req.body, req.params.companyId);
    return getCochallenge(db, actor.coopId, req.params.id);
  });

  app.delete('/:id/companies/:companyId', { config: { access: team }, schema: { tags, summary: 'Remove a company (before the day)', params: companyParams, response: { 200: cochallengeDetail, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    await removeCompany(db, actor, req.params.id, req.params.companyId);
    return getCochallenge(db, actor.coopId, req.params.id);
  });

  app.put('/:id/participants/:memberId', { config: { access: team }, schema: { tags, summary: 'Register a member as pitcher, profile or logistics, with their one-line pitch', params: participantParams, body: participantBody, response: { 200: cochallengeDetail, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    await registerParticipant(db, actor, req.params.id, req.params.memberId, req.body);
    return getCochallenge(db, actor.coopId, req.params.id);
  });

  app.delete('/:id/participants/:memberId', { config: { access: team }, schema: { tags, summary: 'Remove a participant (before the day)', params: participantParams, response: { 200: cochallengeDetail, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    await removeParticipant(db, actor, req.params.id, req.params.memberId);
    return getCochallenge(db, actor.coopId, req.params.id);
  });

  app.post('/:id/pairs/propose', { config: { access: team }, schema: { tags, summary: 'Let the planner pair the pitchers, mixing trades', params: cochallengeParams, body: proposePairsBody, response: { 200: cochallengeDetail, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    await proposePairs(db, actor, req.params.id, req.body.seed ?? freshSeed());
    return getCochallenge(db, actor.coopId, req.params.id);
  });

  app.put('/:id/pairs', { config: { access: team }, schema: { tags, summary: 'Set the pairs by hand', params: cochallengeParams, body: setPairsBody, response: { 200: cochallengeDetail, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    await setPairs(db, actor, req.params.id, req.body.pairs);
    return getCochallenge(db, actor.coopId, req.params.id);
  });

  app.post('/:id/plan', { config: { access: team }, schema: { tags, summary: 'Compute and store the plan (again until the day starts)', params: cochallengeParams, body: planBody, response: { 200: planView, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    await computePlan(db, actor, req.params.id, req.body.seed ?? freshSeed());
    return getPlan(db, actor.coopId, req.params.id);
  });

  app.get('/:id/plan', { config: { access: team }, schema: { tags, summary: 'The stored plan: meetings in order with their profiles, and each profile’s count', params: cochallengeParams, response: { 200: planView, ...errorResponses } } }, async (req) =>
    getPlan(db, actorOf(req).coopId, req.params.id),
  );

  app.get('/:id/my-day', { config: { access: everyone }, schema: { tags, summary: 'My pair’s day: companies in order, profiles to present, promises made', params: cochallengeParams, response: { 200: myDayView, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    return getMyDay(db, actor.coopId, actor.userId, req.params.id);
  });

  app.post(
    '/:id/promises',
    { config: { access: everyone }, schema: { tags, summary: 'Record a promised meeting (idempotent by the phone’s key: the same key again answers 200 with the same promise)', params: cochallengeParams, body: recordPromiseBody, response: { 200: promiseView, 201: promiseView, ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id, created } = await recordPromise(db, actor, req.params.id, req.body);
      const promise = (await listPromises(db, actor.coopId, req.params.id)).find((p) => p.id === id)!;
      return reply.status(created ? 201 : 200).send(promise);
    },
  );

  app.get('/:id/promises', { config: { access: team }, schema: { tags, summary: 'The promises and their follow-up', params: cochallengeParams, response: { 200: promiseList, ...errorResponses } } }, async (req) => ({
    items: await listPromises(db, actorOf(req).coopId, req.params.id),
  }));

  app.patch('/:id/promises/:promiseId', { config: { access: team }, schema: { tags, summary: 'Follow a promise: meeting held, quote sent (with the quote), contract signed, or dropped', params: promiseParams, body: followPromiseBody, response: { 200: promiseView, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    await followPromise(db, actor, req.params.id, req.params.promiseId, req.body);
    return (await listPromises(db, actor.coopId, req.params.id)).find((p) => p.id === req.params.promiseId)!;
  });

  app.get('/:id/counter', { config: { access: everyone }, schema: { tags, summary: 'Live counter: promises against the goal, by pair and by profile', params: cochallengeParams, response: { 200: counterView, ...errorResponses } } }, async (req) =>
    promiseCounter(db, actorOf(req).coopId, req.params.id),
  );

  app.get('/:id/results', { config: { access: team }, schema: { tags, summary: 'What the day brought: promises by stage, quoted and signed euros excl. VAT', params: cochallengeParams, response: { 200: resultsView, ...errorResponses } } }, async (req) =>
    cochallengeResults(db, actorOf(req).coopId, req.params.id),
  );
}
