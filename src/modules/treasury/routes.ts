import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import type { Executor } from '../../platform/db/client.js';
import { actorOf, type Actor } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { csvResponse, sendCsv } from '../../platform/http/send-csv.js';
import { activityScopeOf, activitySummaries, scopeHolds } from '../activities/index.js';
import { activityTreasury } from './activity-treasury.js';
import {
  activityParams,
  activityTreasury as activityTreasurySchema,
  coopTreasuryPage,
  coopTreasuryQuery,
  exportCoopTreasuryQuery,
  guaranteeFund,
  myTreasury as myTreasurySchema,
  treasuryLinesPage,
  treasuryLinesQuery,
  treasuryMonths as treasuryMonthsSchema,
} from './contract.js';
import { coopTreasury, exportCoopTreasuryCsv } from './coop-treasury.js';
import { treasuryErrors } from './errors.js';
import { guaranteeFundPosition } from './guarantee-fund-position.js';
import { myTreasury } from './my-treasury.js';
import { treasuryLines } from './treasury-lines.js';
import { treasuryMonths } from './treasury-months.js';

const tags = ['treasury'];
/** An activity's treasury: its holders, the team and the accountant (who reads the coop's money). */
const READERS = ['admin', 'staff', 'accountant', 'member'] as const;
/** The whole coop's money is the team's and the accountant's to read. */
const BOOK_READERS = ['admin', 'staff', 'accountant'] as const;

/** A member reads only the activities they hold (`activityScopeOf`); a 404 otherwise, as for any other activity's data. */
async function assertActivityVisible(db: Executor, actor: Actor, activityId: string): Promise<void> {
  const scope = await activityScopeOf(db, actor);
  const visible = scope === 'all' ? (await activitySummaries(db, actor.coopId, [activityId])).has(activityId) : scopeHolds(scope, activityId);
  if (!visible) throw treasuryErrors.ACTIVITY_NOT_FOUND();
}

export interface TreasuryRouteOptions {
  /**
   * What is already asked of an activity and not yet posted (salary requests waiting for
   * validation), taken off what it may pay out. The salaries module owns those requests and
   * reads this module's treasury, so the composition root hands the reading in (no cycle).
   */
  reservedOf?: (db: Executor, coopId: string, activityId: string) => Promise<number>;
}

export async function treasuryRoutes(fastify: FastifyInstance, options: TreasuryRouteOptions = {}): Promise<void> {
  const reservedOf = (coopId: string, activityId: string) => (options.reservedOf ? options.reservedOf(db, coopId, activityId) : Promise.resolve(0));
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/activities/:activityId',
    {
      config: { access: READERS },
      schema: { tags, summary: "An activity's treasury today: invoiced, collected, charges and what it may pay out", params: activityParams, response: { 200: activityTreasurySchema, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertActivityVisible(db, actor, req.params.activityId);
      return activityTreasury(db, actor.coopId, req.params.activityId, { today: todayFromClock(), reservedCents: await reservedOf(actor.coopId, req.params.activityId) });
    },
  );

  app.get(
    '/activities/:activityId/months',
    {
      config: { access: READERS },
      schema: { tags, summary: 'The last twelve months of an activity: invoiced, collected and charges per month', params: activityParams, response: { 200: treasuryMonthsSchema, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertActivityVisible(db, actor, req.params.activityId);
      return treasuryMonths(db, actor.coopId, req.params.activityId, todayFromClock());
    },
  );

  app.get(
    '/activities/:activityId/lines',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: "The ledger lines behind one figure of an activity's treasury (its lines on the figure's accounts)",
        params: activityParams,
        querystring: treasuryLinesQuery,
        response: { 200: treasuryLinesPage, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertActivityVisible(db, actor, req.params.activityId);
      return treasuryLines(db, actor.coopId, req.params.activityId, req.query, todayFromClock());
    },
  );

  app.get(
    '/mine',
    {
      config: { access: READERS },
      schema: { tags, summary: 'My money: for each activity I hold, what it may pay out, collected, still owed and invoiced this year', response: { 200: myTreasurySchema, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      const scope = await activityScopeOf(db, actor);
      // The team reads every activity; "mine" is the member's own, which the coop-wide table does not replace.
      return myTreasury(db, actor.coopId, scope === 'all' ? [] : scope, todayFromClock(), (activityId) => reservedOf(actor.coopId, activityId));
    },
  );

  app.get(
    '/activities',
    {
      config: { access: BOOK_READERS },
      schema: { tags, summary: "Every activity's treasury, sorted, one page, with the coop's totals", querystring: coopTreasuryQuery, response: { 200: coopTreasuryPage, ...errorResponses } },
    },
    async (req) => coopTreasury(db, actorOf(req).coopId, req.query, todayFromClock()),
  );

  app.get(
    '/activities.csv',
    {
      config: { access: BOOK_READERS },
      schema: { tags, summary: "Every activity's treasury as CSV, in the table's order", querystring: exportCoopTreasuryQuery, response: { 200: csvResponse, ...errorResponses } },
    },
    async (req, reply) => {
      const { fileName, csv } = await exportCoopTreasuryCsv(db, actorOf(req).coopId, req.query, todayFromClock());
      return sendCsv(reply, fileName, csv);
    },
  );

  app.get(
    '/guarantee-fund',
    {
      config: { access: BOOK_READERS },
      schema: { tags, summary: "The guarantee fund's position as the ledger shows it: endowment, fees earned, write-offs, advances out", response: { 200: guaranteeFund, ...errorResponses } },
    },
    async (req) => guaranteeFundPosition(db, actorOf(req).coopId, todayFromClock()),
  );
}
