import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import {
  activityContribution,
  activityContributionSettings,
  activityIdParams,
  contributionSettings,
  saveActivityContributionSettings as saveActivityBody,
  saveContributionSettings as saveBody,
  yearQuery,
} from './contract.js';
import { coopBoundsOf } from './contribution-rule-of.js';
import { getActivityContribution } from './get-activity-contribution.js';
import { saveActivityContributionSettings } from './save-activity-contribution-settings.js';
import { saveContributionSettings } from './save-contribution-settings.js';

export async function contributionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/settings',
    {
      config: { access: ['admin', 'staff', 'member', 'accountant'] },
      schema: { tags: ['contribution'], summary: "The coop's floor and ceiling of the contribution", response: { 200: contributionSettings, ...errorResponses } },
    },
    async (req) => coopBoundsOf(db, actorOf(req).coopId),
  );

  app.put(
    '/settings',
    {
      config: { access: ['admin'] },
      schema: { tags: ['contribution'], summary: "Set the coop's floor and ceiling of the contribution", body: saveBody, response: { 200: contributionSettings, ...errorResponses } },
    },
    async (req) => saveContributionSettings(db, actorOf(req), req.body, todayFromClock()),
  );

  app.get(
    '/activities/:id',
    {
      config: { access: ['admin', 'staff', 'member', 'accountant'] },
      schema: {
        tags: ['contribution'],
        summary: "An activity's contribution: its rule and what it gave in a year (a member: their activities only)",
        params: activityIdParams,
        querystring: yearQuery,
        response: { 200: activityContribution, ...errorResponses },
      },
    },
    async (req) => getActivityContribution(db, actorOf(req), req.params.id, req.query.year ?? Number(todayFromClock().slice(0, 4))),
  );

  app.put(
    '/activities/:id/settings',
    {
      config: { access: ['admin', 'staff'] },
      schema: {
        tags: ['contribution'],
        summary: "Set an activity's own rate and bounds of the contribution",
        params: activityIdParams,
        body: saveActivityBody,
        response: { 200: activityContributionSettings, ...errorResponses },
      },
    },
    async (req) => saveActivityContributionSettings(db, actorOf(req), req.params.id, req.body, todayFromClock()),
  );
}
