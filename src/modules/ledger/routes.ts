import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityScopeOf, activitySummaries, scopeHolds } from '../activities/index.js';
import { actorOf, type Actor } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { pageOf } from '../../platform/http/pagination.js';
import type { Executor } from '../../platform/db/client.js';
import { createAccount, listAccounts, listJournals, updateAccount } from './accounts-service.js';
import { activityBalance, trialBalance } from './balances.js';
import {
  account,
  accountParams,
  activityBalance as activityBalanceSchema,
  activityBalanceParams,
  activityBalanceQuery,
  createAccountBody,
  entryDetail,
  entrySummary,
  fecQuery,
  fiscalYear,
  generalLedgerPage,
  hledgerQuery,
  generalLedgerQuery,
  idParams,
  journal,
  listAccountsQuery,
  listEntriesQuery,
  manualEntryBody,
  openFiscalYearBody,
  reverseEntryBody,
  setupResult,
  trialBalance as trialBalanceSchema,
  trialBalanceQuery,
  updateAccountBody,
} from './contract.js';
import { ensureChartOfAccounts } from './ensure-chart-of-accounts.js';
import { exportFec } from './export-fec.js';
import { exportHledger } from './export-hledger.js';
import { getEntry, listEntries } from './entries-query.js';
import { closeFiscalYear, listFiscalYears, openFiscalYear } from './fiscal-years-service.js';
import { generalLedger } from './general-ledger.js';
import { generalLedgerCsv, trialBalanceCsv } from './ledger-csv.js';
import { ledgerErrors } from './errors.js';
import { postEntry, reverseEntry } from './post-entry.js';

const tags = ['ledger'];
const admins = ['admin'] as const;
const managers = ['admin', 'staff'] as const;
const everyone = ['admin', 'staff', 'member'] as const;
/** The books are read by the team and the accountant; they change only through the team's operations. */
const bookReaders = ['admin', 'staff', 'accountant'] as const;
const readers = [...everyone, 'accountant'] as const;
/** The legal exports of the books: the accountant who keeps them and the management. */
const exporters = ['admin', 'accountant'] as const;
const csvNote = z.string().describe('CSV for spreadsheets (format=csv): `;` separated, decimal comma, UTF-8 with BOM');

/** A member sees the balance of an activity they hold (see `activityScopeOf`); staff see every activity of the coop. */
async function assertActivityVisible(db: Executor, actor: Actor, activityId: string): Promise<void> {
  const scope = await activityScopeOf(db, actor);
  // The member's list holds only their coop's activities; 'all' still has to find this one in the coop.
  const visible = scope === 'all' ? (await activitySummaries(db, actor.coopId, [activityId])).has(activityId) : scopeHolds(scope, activityId);
  if (!visible) throw ledgerErrors.ACTIVITY_NOT_FOUND();
}

export async function ledgerRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.post(
    '/setup',
    {
      config: { access: admins },
      schema: { tags, summary: 'Seed the chart of accounts, the journals and the current fiscal year where missing', response: { 200: setupResult, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      return db.transaction((tx) => ensureChartOfAccounts(tx, actor.coopId, { actor }));
    },
  );

  app.get(
    '/accounts',
    {
      config: { access: bookReaders },
      schema: { tags, summary: 'The chart of accounts', querystring: listAccountsQuery, response: { 200: pageOf(account), ...errorResponses } },
    },
    async (req) => listAccounts(db, actorOf(req).coopId, req.query),
  );

  app.post(
    '/accounts',
    {
      config: { access: managers },
      schema: { tags, summary: 'Add an account to the chart', body: createAccountBody, response: { 201: account, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.status(201).send(await db.transaction((tx) => createAccount(tx, actor, req.body)));
    },
  );

  app.patch(
    '/accounts/:number',
    {
      config: { access: managers },
      schema: { tags, summary: 'Rename or (de)activate an account', params: accountParams, body: updateAccountBody, response: { 200: account, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      return db.transaction((tx) => updateAccount(tx, actor, req.params.number, req.body));
    },
  );

  app.get(
    '/journals',
    { config: { access: bookReaders }, schema: { tags, summary: 'The journals', response: { 200: z.array(journal), ...errorResponses } } },
    async (req) => listJournals(db, actorOf(req).coopId),
  );

  app.get(
    '/fiscal-years',
    { config: { access: bookReaders }, schema: { tags, summary: 'The fiscal years, oldest first', response: { 200: z.array(fiscalYear), ...errorResponses } } },
    async (req) => listFiscalYears(db, actorOf(req).coopId),
  );

  app.post(
    '/fiscal-years',
    {
      config: { access: admins },
      schema: { tags, summary: 'Open a fiscal year (never overlapping another)', body: openFiscalYearBody, response: { 201: fiscalYear, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.status(201).send(await db.transaction((tx) => openFiscalYear(tx, actor, req.body)));
    },
  );

  app.post(
    '/fiscal-years/:id/close',
    {
      config: { access: admins },
      schema: { tags, summary: 'Close a fiscal year for good: no entry enters it afterwards', params: idParams, response: { 200: fiscalYear, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      return db.transaction((tx) => closeFiscalYear(tx, actor, req.params.id));
    },
  );

  app.get(
    '/entries',
    {
      config: { access: bookReaders },
      schema: { tags, summary: 'Journal entries, latest first', querystring: listEntriesQuery, response: { 200: pageOf(entrySummary), ...errorResponses } },
    },
    async (req) => listEntries(db, actorOf(req).coopId, req.query),
  );

  app.get(
    '/entries/:id',
    { config: { access: bookReaders }, schema: { tags, summary: 'One journal entry with its lines', params: idParams, response: { 200: entryDetail, ...errorResponses } } },
    async (req) => getEntry(db, actorOf(req).coopId, req.params.id),
  );

  app.post(
    '/entries',
    {
      config: { access: managers },
      schema: { tags, summary: 'Post a manual entry in the miscellaneous journal (OD)', body: manualEntryBody, response: { 201: entryDetail, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await db.transaction((tx) => postEntry(tx, actor, { ...req.body, journal: 'OD', source: { type: 'manual' } }));
      return reply.status(201).send(await getEntry(db, actor.coopId, id));
    },
  );

  app.post(
    '/entries/:id/reverse',
    {
      config: { access: managers },
      schema: { tags, summary: 'Cancel an entry by a reversing entry', params: idParams, body: reverseEntryBody, response: { 201: entryDetail, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await db.transaction((tx) => reverseEntry(tx, actor, req.params.id, req.body.date, req.body.label));
      return reply.status(201).send(await getEntry(db, actor.coopId, id));
    },
  );

  app.get(
    '/trial-balance',
    {
      config: { access: bookReaders },
      schema: {
        tags,
        summary: 'Trial balance of a period, for the coop or one activity (JSON, or CSV with format=csv)',
        querystring: trialBalanceQuery,
        response: { 200: z.union([trialBalanceSchema, csvNote]), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const tb = await trialBalance(db, actorOf(req).coopId, q);
      if (format !== 'csv') return tb;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="balance-${q.from}-${q.to}.csv"`)
        .send(trialBalanceCsv(tb));
    },
  );

  app.get(
    '/general-ledger',
    {
      config: { access: bookReaders },
      schema: {
        tags,
        summary: 'General ledger of a period, by account (JSON pages, or the whole period as CSV with format=csv)',
        querystring: generalLedgerQuery,
        response: { 200: z.union([generalLedgerPage, csvNote]), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { format, page, pageSize, ...q } = req.query;
      const coopId = actorOf(req).coopId;
      if (format !== 'csv') return generalLedger(db, coopId, { ...q, page, pageSize });
      const all = await generalLedger(db, coopId, q);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="grand-livre-${q.from}-${q.to}.csv"`)
        .send(generalLedgerCsv(all.items));
    },
  );

  app.get(
    '/fec',
    {
      config: { access: exporters },
      schema: {
        tags,
        summary: "The FEC of a fiscal year (LPF art. A47 A-1): 18 columns, tab or pipe separated, streamed, named <SIREN>FEC<closing date>.txt",
        querystring: fecQuery,
        response: { 200: z.string().describe('The FEC, text/plain UTF-8'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { fileName, stream } = await exportFec(db, actorOf(req).coopId, req.query);
      // A stream: Fastify writes it to the socket as it reads, past the response serializer.
      return reply.header('content-type', 'text/plain; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(stream as unknown as string);
    },
  );

  app.get(
    '/journal.hledger',
    {
      config: { access: exporters },
      schema: {
        tags,
        summary: "The entries of a period in hledger's journal format, streamed",
        querystring: hledgerQuery,
        response: { 200: z.string().describe('An hledger journal, text/plain UTF-8'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { from, to } = req.query;
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="journal-${from}-${to}.hledger"`)
        .send(exportHledger(db, actorOf(req).coopId, { from, to }) as unknown as string);
    },
  );

  app.get(
    '/activities/:activityId/balance',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "Where an activity stands: its balances, revenue, expenses and result (a member: an activity they hold)",
        params: activityBalanceParams,
        querystring: activityBalanceQuery,
        response: { 200: activityBalanceSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertActivityVisible(db, actor, req.params.activityId);
      return activityBalance(db, actor.coopId, req.params.activityId, req.query);
    },
  );
}
