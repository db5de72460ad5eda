import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { coopSettings, updateCoopSettings } from './contract.js';
import { getCoop, updateCoopSettings as update } from './coops-service.js';

export async function coopRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/',
    {
      config: { access: ['admin', 'staff', 'member', 'accountant'] },
      schema: { tags: ['coop'], summary: 'The settings of my cooperative', response: { 200: coopSettings, ...errorResponses } },
    },
    async (req) => getCoop(db, actorOf(req).coopId),
  );

  app.patch(
    '/',
    {
      config: { access: ['admin'] },
      schema: { tags: ['coop'], summary: 'Change the settings of my cooperative', body: updateCoopSettings, response: { 200: coopSettings, ...errorResponses } },
    },
    async (req) => update(db, actorOf(req), req.body),
  );
}
