import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { dashboard, workQueues } from './contract.js';
import { getDashboard } from './get-dashboard.js';
import { WORK_QUEUES, workQueuesOf, type WorkQueueContext } from './work-queues.js';

export interface DashboardRoutesOptions {
  /** The payable sources of the payouts, wired by the composition root: the transfers queue counts them. */
  payableSources?: WorkQueueContext['payableSources'];
}

export async function dashboardRoutes(fastify: FastifyInstance, opts: DashboardRoutesOptions = {}): Promise<void> {
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
    async (req) => ({ items: await workQueuesOf(db, actorOf(req), todayFromClock(), WORK_QUEUES, { payableSources: opts.payableSources ?? {} }) }),
  );
}
