import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { createSpendingCategoryBody, idParams, spendingCategory, spendingCategoryList, spendingCategoryListQuery, updateSpendingCategoryBody } from './contract.js';
import { listSpendingCategories } from './list-spending-categories.js';
import { createSpendingCategory, updateSpendingCategory } from './save-spending-category.js';

const tags = ['expenses'];
const readers = ['admin', 'staff', 'accountant', 'member'] as const;
/** The categories decide accounts and the contribution base: the coop's team and its accountant. */
const categoryManagers = ['admin', 'staff', 'accountant'] as const;

export async function expenseRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/categories',
    { config: { access: readers }, schema: { tags, summary: "The coop's spending categories (active ones unless includeInactive)", querystring: spendingCategoryListQuery, response: { 200: spendingCategoryList, ...errorResponses } } },
    async (req) => ({ items: await listSpendingCategories(db, actorOf(req).coopId, { includeInactive: req.query.includeInactive === 'true' }) }),
  );

  app.post(
    '/categories',
    { config: { access: categoryManagers }, schema: { tags, summary: 'Add a spending category (its class-6 account is opened when missing)', body: createSpendingCategoryBody, response: { 201: spendingCategory, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await createSpendingCategory(db, actorOf(req), req.body)),
  );

  app.patch(
    '/categories/:id',
    { config: { access: categoryManagers }, schema: { tags, summary: 'Change a spending category (labels, account, contribution base, active)', params: idParams, body: updateSpendingCategoryBody, response: { 200: spendingCategory, ...errorResponses } } },
    async (req) => updateSpendingCategory(db, actorOf(req), req.params.id, req.body),
  );
}
