import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { pageOf } from '../../platform/http/pagination.js';
import { changeActivityHolders } from './change-activity-holders.js';
import { activity, activityParams, changeHoldersBody, createActivityBody, listActivitiesQuery, updateActivityBody } from './contract.js';
import { createActivity } from './create-activity.js';
import { getActivity } from './get-activity.js';
import { listActivities } from './list-activities.js';
import { asShareViolation } from './share-violation.js';
import { updateActivity } from './update-activity.js';

export async function activityRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/',
    {
      config: { access: ['admin', 'staff', 'member', 'accountant'] },
      schema: {
        tags: ['activities'],
        summary: 'List activities (a member: the ones they hold)',
        querystring: listActivitiesQuery,
        response: { 200: pageOf(activity), ...errorResponses },
      },
    },
    async (req) => listActivities(db, actorOf(req), req.query),
  );

  app.post(
    '/',
    {
      config: { access: ['admin', 'staff'] },
      schema: {
        tags: ['activities'],
        summary: 'Open an activity with its holders and their shares',
        body: createActivityBody,
        response: { 201: activity, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await db.transaction((tx) => createActivity(tx, actor, req.body)).catch((err: unknown) => {
        throw asShareViolation(err);
      });
      return reply.status(201).send(await getActivity(db, actor, id));
    },
  );

  app.get(
    '/:id',
    {
      config: { access: ['admin', 'staff', 'member', 'accountant'] },
      schema: { tags: ['activities'], summary: 'One activity with its holders', params: activityParams, response: { 200: activity, ...errorResponses } },
    },
    async (req) => getActivity(db, actorOf(req), req.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { access: ['admin', 'staff'] },
      schema: {
        tags: ['activities'],
        summary: 'Rename an activity or change its status (active ⇄ suspended → closed)',
        params: activityParams,
        body: updateActivityBody,
        response: { 200: activity, ...errorResponses },
      },
    },
    async (req) => updateActivity(db, actorOf(req), req.params.id, req.body),
  );

  app.put(
    '/:id/holders',
    {
      config: { access: ['admin', 'staff'] },
      schema: {
        tags: ['activities'],
        summary: 'Replace the holders of an activity and their shares (adding up to 100 %)',
        params: activityParams,
        body: changeHoldersBody,
        response: { 200: activity, ...errorResponses },
      },
    },
    async (req) => changeActivityHolders(db, actorOf(req), req.params.id, req.body.holders),
  );
}
