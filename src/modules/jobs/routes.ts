import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CHECK_VIOLATION, sqlConstraint, sqlState } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { pageOf } from '../../platform/http/pagination.js';
import { closeJob } from './close-job.js';
import { createJobBody, job, jobParams, jobSummary, listJobsQuery, updateJobBody } from './contract.js';
import { createJob } from './create-job.js';
import { PARTICIPANTS_FIELD } from './errors.js';
import { getJob } from './get-job.js';
import { listJobs } from './list-jobs.js';
import { updateJob } from './update-job.js';

/**
 * The database refuses shares that do not add up to 100 % at commit (a deferred trigger,
 * drizzle/0033_jobs.sql). The domain checks first, so this only answers a race: a 400 still.
 */
function asShareViolation(err: unknown): unknown {
  if (sqlState(err) === CHECK_VIOLATION && sqlConstraint(err) === 'job_participants_shares_sum') {
    return invalidField(PARTICIPANTS_FIELD, { fr: 'Les parts doivent totaliser 100 %.', en: 'The shares must add up to 100 %.' });
  }
  return err;
}

export async function jobRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/',
    {
      config: { access: ['admin', 'staff', 'member', 'accountant'] },
      schema: { tags: ['jobs'], summary: 'List jobs (a member: the ones their activities work on or brought)', querystring: listJobsQuery, response: { 200: pageOf(jobSummary), ...errorResponses } },
    },
    async (req) => listJobs(db, actorOf(req), req.query),
  );

  app.post(
    '/',
    {
      // A member declares a job between their own activities, with no bringer (see checkJobInput).
      config: { access: ['admin', 'staff', 'member'] },
      schema: { tags: ['jobs'], summary: 'Declare a job: client, participating activities and shares, bringer', body: createJobBody, response: { 201: job, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await db.transaction((tx) => createJob(tx, actor, req.body)).catch((err: unknown) => {
        throw asShareViolation(err);
      });
      return reply.status(201).send(await getJob(db, actor, id));
    },
  );

  app.get(
    '/:id',
    {
      config: { access: ['admin', 'staff', 'member', 'accountant'] },
      schema: { tags: ['jobs'], summary: 'One job: participants, bringer, and the split of what it invoiced (a member: their own part)', params: jobParams, response: { 200: job, ...errorResponses } },
    },
    async (req) => getJob(db, actorOf(req), req.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { access: ['admin', 'staff'] },
      schema: { tags: ['jobs'], summary: 'Change a job (the next documents are split by the new shares and rates)', params: jobParams, body: updateJobBody, response: { 200: job, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction((tx) => updateJob(tx, actor, req.params.id, req.body)).catch((err: unknown) => {
        throw asShareViolation(err);
      });
      return getJob(db, actor, req.params.id);
    },
  );

  app.post(
    '/:id/close',
    {
      config: { access: ['admin', 'staff'] },
      schema: { tags: ['jobs'], summary: 'Close a job: it takes no more quotes or invoices', params: jobParams, response: { 200: job, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction((tx) => closeJob(tx, actor, req.params.id));
      return getJob(db, actor, req.params.id);
    },
  );
}
