import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { vatBoxEntriesPage, vatBoxEntriesQuery, vatPeriodQuery, vatReturnBody, vatReturnConfirmed, vatSettings, vatSummary } from './contract.js';
import { confirmVatReturn } from './confirm-vat-return.js';
import { getVatSummary } from './get-vat-summary.js';
import { listVatBoxEntries } from './list-vat-box-entries.js';
import { saveVatSettings } from './save-vat-settings.js';
import { vatSettingsOf } from './vat-settings-of.js';

/** The VAT return is the accountant's (and management's): members and advisors do not see the coop's tax figures. */
const BOOKS = ['admin', 'accountant'] as const;

export async function vatRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/settings',
    {
      config: { access: [...BOOKS] },
      schema: { tags: ['vat'], summary: "The coop's VAT regime (debits or receipts) and how often it files its return", response: { 200: vatSettings, ...errorResponses } },
    },
    async (req) => vatSettingsOf(db, actorOf(req).coopId),
  );

  app.put(
    '/settings',
    {
      config: { access: ['admin'] },
      schema: { tags: ['vat'], summary: "Set the coop's VAT regime and return periodicity (invoices validated from now on follow it)", body: vatSettings, response: { 200: vatSettings, ...errorResponses } },
    },
    async (req) => saveVatSettings(db, actorOf(req), req.body),
  );

  app.get(
    '/summary',
    {
      config: { access: [...BOOKS] },
      schema: { tags: ['vat'], summary: 'The boxes of the CA3 return of a month or a quarter, from the ledger', querystring: vatPeriodQuery, response: { 200: vatSummary, ...errorResponses } },
    },
    async (req) => getVatSummary(db, actorOf(req).coopId, req.query.period),
  );

  app.get(
    '/summary/entries',
    {
      config: { access: [...BOOKS] },
      schema: { tags: ['vat'], summary: 'The entry lines behind one box of a return', querystring: vatBoxEntriesQuery, response: { 200: vatBoxEntriesPage, ...errorResponses } },
    },
    async (req) => listVatBoxEntries(db, actorOf(req).coopId, req.query),
  );

  app.post(
    '/returns',
    {
      config: { access: [...BOOKS] },
      schema: { tags: ['vat'], summary: "Confirm a period's return: its settlement entry is posted, once", body: vatReturnBody, response: { 201: vatReturnConfirmed, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await confirmVatReturn(db, actorOf(req), req.body.period, todayFromClock())),
  );
}
