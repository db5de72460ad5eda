import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { dashboard, workQueues } from './contract.js';
import { getDashboard } from './get-dashboard.js';
import { workQueuesOf } from './work-queues.js';

export async function dashboardRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/',
    {
      config: { access: ['admin', 'staff', 'member', 'accountant'] },
      schema: {
        tags: ['dashboard'],
        summary: 'The figures of my home page: the cooperative (staff, admins), the latest changes (admins), my own file (members), the books (accountants)',
        response: { 200: dashboard, ...errorResponses },
      },
    },
    async (req) => getDashboard(db, actorOf(req), todayFromClock()),
  );

  app.get(
    '/queues',
    {
      config: { access: ['admin', 'staff', 'member', 'accountant'] },
      schema: { tags: ['dashboard'], summary: 'What waits for me: the work queues of my roles, each with its count and the filtered list', response: { 200: workQueues, ...errorResponses } },
    },
    async (req) => ({ items: await workQueuesOf(db, actorOf(req), todayFromClock()) }),
  );
}
