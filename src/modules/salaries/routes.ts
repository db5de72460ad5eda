import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { csvResponse, sendCsv } from '../../platform/http/send-csv.js';
import { cancelSalary } from './cancel-salary.js';
import {
  activityIdParams,
  reasonBody,
  requestSalaryBody,
  salaryExportQuery,
  salaryListPage,
  salaryListQuery,
  salaryOverview as salaryOverviewSchema,
  salaryRequest,
  salaryRequestIdParams,
  salarySettings,
  salarySettingsBody,
} from './contract.js';
import { exportSalariesCsv } from './export-salaries-csv.js';
import { getSalary, listSalaries } from './list-salaries.js';
import { refuseSalary } from './refuse-salary.js';
import { requestSalary } from './request-salary.js';
import { salaryOverview } from './salary-overview.js';
import { getSalarySettings, updateSalarySettings } from './salary-settings.js';
import { validateSalary } from './validate-salary.js';

const tags = ['salaries'];
const everyone = ['admin', 'staff', 'member', 'accountant'] as const;
const team = ['admin', 'staff'] as const;

export async function salaryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/settings',
    { config: { access: everyone }, schema: { tags, summary: "The coop's flat salary rates (indicative: the payroll software computes the payslip) and its contribution rate", response: { 200: salarySettings, ...errorResponses } } },
    async (req) => getSalarySettings(db, actorOf(req).coopId),
  );

  app.put(
    '/settings',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Change the flat employer and employee contribution rates', body: salarySettingsBody, response: { 200: salarySettings, ...errorResponses } } },
    async (req) => updateSalarySettings(db, actorOf(req), req.body),
  );

  app.get(
    '/activities/:activityId',
    {
      config: { access: everyone },
      schema: { tags, summary: 'The salary page of an activity: rates, available treasury, accepted quotes left to invoice, months that may be asked', params: activityIdParams, response: { 200: salaryOverviewSchema, ...errorResponses } },
    },
    async (req) => salaryOverview(db, actorOf(req), req.params.activityId, todayFromClock()),
  );

  app.get(
    '/requests',
    { config: { access: everyone }, schema: { tags, summary: 'Salary requests I may see (a member: her activities’), filtered by month, status or activity, sorted by a column', querystring: salaryListQuery, response: { 200: salaryListPage, ...errorResponses } } },
    async (req) => listSalaries(db, actorOf(req), req.query),
  );

  app.get(
    '/export.csv',
    { config: { access: ['admin', 'staff', 'accountant'] }, schema: { tags, summary: 'The validated salaries of a month, for the payroll software (CSV)', querystring: salaryExportQuery, response: { 200: csvResponse, ...errorResponses } } },
    async (req, reply) => {
      const { fileName, csv } = await exportSalariesCsv(db, actorOf(req), req.query.month);
      return sendCsv(reply, fileName, csv);
    },
  );

  app.get(
    '/requests/:id',
    { config: { access: everyone }, schema: { tags, summary: 'One salary request', params: salaryRequestIdParams, response: { 200: salaryRequest, ...errorResponses } } },
    async (req) => getSalary(db, actorOf(req), req.params.id),
  );

  app.post(
    '/requests',
    {
      config: { access: ['admin', 'staff', 'member'] },
      schema: { tags, summary: 'Ask a month’s gross salary on an activity I hold, within its available treasury', body: requestSalaryBody, response: { 201: salaryRequest, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await requestSalary(db, actor, req.body, todayFromClock());
      return reply.status(201).send(await getSalary(db, actor, id));
    },
  );

  app.post(
    '/requests/:id/validate',
    { config: { access: team }, schema: { tags, summary: 'Validate a salary request: its salary entry is posted (the treasury is checked again)', params: salaryRequestIdParams, response: { 200: salaryRequest, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await validateSalary(db, actor, req.params.id, todayFromClock());
      return getSalary(db, actor, req.params.id);
    },
  );

  app.post(
    '/requests/:id/refuse',
    { config: { access: team }, schema: { tags, summary: 'Refuse a salary request, with the reason', params: salaryRequestIdParams, body: reasonBody, response: { 200: salaryRequest, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await refuseSalary(db, actor, req.params.id, req.body);
      return getSalary(db, actor, req.params.id);
    },
  );

  app.post(
    '/requests/:id/cancel',
    {
      config: { access: ['admin', 'staff', 'member'] },
      schema: { tags, summary: 'Withdraw a request not yet decided, or (the team) cancel a validated salary by reversing its entry', params: salaryRequestIdParams, body: reasonBody, response: { 200: salaryRequest, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      await cancelSalary(db, actor, req.params.id, req.body, todayFromClock());
      return getSalary(db, actor, req.params.id);
    },
  );
}
