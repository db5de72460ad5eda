import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { approveAdvance } from './approve-advance.js';
import {
  advanceIdParams,
  advanceListQuery,
  advanceOut,
  endowmentBody,
  fundOut,
  fundSettings,
  grantLoanBody,
  invoiceAdvanceOut,
  invoiceIdParams,
  quoteIdParams,
  loanIdParams,
  loanOut,
  reasonBody,
  requestAdvanceBody,
} from './contract.js';
import { endowFund } from './endow-fund.js';
import { fundPosition } from './fund-position.js';
import { getFundSettings, updateFundSettings } from './fund-settings.js';
import { grantLoan } from './grant-loan.js';
import { documentAdvance, getAdvance, listAdvances } from './list-advances.js';
import { getLoan, listLoans } from './list-loans.js';
import { refuseAdvance } from './refuse-advance.js';
import { requestAdvance } from './request-advance.js';
import { writeOffAdvance } from './write-off-advance.js';

const tags = ['advances'];
const team = ['admin', 'staff'] as const;
const readers = ['admin', 'staff', 'accountant'] as const;
const everyone = ['admin', 'staff', 'member', 'accountant'] as const;

export async function advanceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;
  const fund = async (coopId: string) => ({ position: await fundPosition(db, coopId), settings: await getFundSettings(db, coopId) });

  app.get(
    '/fund',
    { config: { access: readers }, schema: { tags, summary: "The guarantee fund's position (from the ledger) and rules", response: { 200: fundOut, ...errorResponses } } },
    async (req) => fund(actorOf(req).coopId),
  );

  app.put(
    '/fund/settings',
    { config: { access: ['admin'] }, schema: { tags, summary: "Change the guarantee fund's rules", body: fundSettings, response: { 200: fundOut, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction((tx) => updateFundSettings(tx, actor, req.body));
      return fund(actor.coopId);
    },
  );

  app.post(
    '/fund/endowments',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Allot own funds to the guarantee fund (OD: D 106 reserves or 120 result / C 1068)', body: endowmentBody, response: { 201: fundOut, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await endowFund(db, actor, req.body);
      return reply.status(201).send(await fund(actor.coopId));
    },
  );

  app.get(
    '/',
    { config: { access: everyone }, schema: { tags, summary: 'Advances I may see (a member: her activities’), latest first', querystring: advanceListQuery, response: { 200: z.array(advanceOut), ...errorResponses } } },
    async (req) => listAdvances(db, actorOf(req), req.query),
  );

  app.post(
    '/',
    { config: { access: ['admin', 'staff', 'member'] }, schema: { tags, summary: 'Ask the guarantee fund to prefinance an issued invoice or an accepted quote', body: requestAdvanceBody, response: { 201: advanceOut, ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await requestAdvance(db, actor, req.body, todayFromClock());
      return reply.status(201).send(await getAdvance(db, actor, id));
    },
  );

  app.get(
    '/invoice/:invoiceId',
    { config: { access: everyone }, schema: { tags, summary: "An invoice's advance and what may be asked on it now", params: invoiceIdParams, response: { 200: invoiceAdvanceOut, ...errorResponses } } },
    async (req) => documentAdvance(db, actorOf(req), { invoiceId: req.params.invoiceId }, todayFromClock()),
  );

  app.get(
    '/quote/:quoteId',
    { config: { access: everyone }, schema: { tags, summary: "An accepted quote's advance and what may be asked on it now", params: quoteIdParams, response: { 200: invoiceAdvanceOut, ...errorResponses } } },
    async (req) => documentAdvance(db, actorOf(req), { quoteId: req.params.quoteId }, todayFromClock()),
  );

  app.get(
    '/loans',
    { config: { access: everyone }, schema: { tags, summary: 'Loans I may see (a member: her activities’), with their schedules', response: { 200: z.array(loanOut), ...errorResponses } } },
    async (req) => listLoans(db, actorOf(req)),
  );

  app.post(
    '/loans',
    { config: { access: team }, schema: { tags, summary: 'Lend to an activity (OD: D 4677 activity / C 4677), repaid by monthly installments', body: grantLoanBody, response: { 201: loanOut, ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await grantLoan(db, actor, req.body);
      return reply.status(201).send(await getLoan(db, actor, id));
    },
  );

  app.get(
    '/loans/:id',
    { config: { access: everyone }, schema: { tags, summary: 'One loan and its schedule', params: loanIdParams, response: { 200: loanOut, ...errorResponses } } },
    async (req) => getLoan(db, actorOf(req), req.params.id),
  );

  app.get(
    '/:id',
    { config: { access: everyone }, schema: { tags, summary: 'One advance', params: advanceIdParams, response: { 200: advanceOut, ...errorResponses } } },
    async (req) => getAdvance(db, actorOf(req), req.params.id),
  );

  app.post(
    '/:id/approve',
    { config: { access: team }, schema: { tags, summary: 'Approve an advance: the fund pays it at once (rules checked again under the fund lock)', params: advanceIdParams, response: { 200: advanceOut, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await approveAdvance(db, actor, req.params.id, todayFromClock());
      return getAdvance(db, actor, req.params.id);
    },
  );

  app.post(
    '/:id/refuse',
    { config: { access: team }, schema: { tags, summary: 'Refuse an advance, with the reason', params: advanceIdParams, body: reasonBody, response: { 200: advanceOut, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await refuseAdvance(db, actor, req.params.id, req.body.reason);
      return getAdvance(db, actor, req.params.id);
    },
  );

  app.post(
    '/:id/write-off',
    {
      config: { access: team },
      schema: { tags, summary: 'Write off what the client never paid of an advance, against the fund', params: advanceIdParams, body: reasonBody, response: { 200: advanceOut, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      await writeOffAdvance(db, actor, req.params.id, req.body.reason, todayFromClock());
      return getAdvance(db, actor, req.params.id);
    },
  );
}
