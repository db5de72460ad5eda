import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayFromClock } from '../../platform/calendar/index.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { isStaff, actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { readUpload } from '../../platform/http/upload.js';
import { memberIdOfUser } from '../members/index.js';
import { addExpenseLine, removeExpenseLine } from './add-expense-line.js';
import { attachReceipt, openReceipt } from './attach-receipt.js';
import { cancelExpenseReport } from './cancel-expense-report.js';
import {
  addExpenseLineBody,
  cancelExpenseReportBody,
  createExpenseReportBody,
  createSpendingCategoryBody,
  expenseAdvance,
  expenseAdvanceList,
  expenseReport,
  expenseReportListQuery,
  expenseReportPage,
  grantExpenseAdvanceBody,
  idParams,
  lineParams,
  mileageQuote,
  mileageQuoteQuery,
  payExpenseReportBody,
  reportParams,
  returnExpenseReportBody,
  spendingCategory,
  spendingCategoryList,
  spendingCategoryListQuery,
  updateExpenseReportBody,
  updateSpendingCategoryBody,
} from './contract.js';
import { createExpenseReport, updateExpenseReport } from './create-expense-report.js';
import { MAX_RECEIPT_BYTES } from './domain/receipt-kind.js';
import { expensesErrors } from './errors.js';
import { grantExpenseAdvance } from './grant-expense-advance.js';
import { listExpenseAdvances } from './list-expense-advances.js';
import { expenseReportView, getExpenseReport, listExpenseReports } from './list-expense-reports.js';
import { listSpendingCategories } from './list-spending-categories.js';
import { quoteMileage } from './mileage-scales.js';
import { markExpenseReportPaid } from './pay-expense-report.js';
import { createSpendingCategory, updateSpendingCategory } from './save-spending-category.js';
import { returnExpenseReport, submitExpenseReport } from './submit-expense-report.js';
import { validateExpenseReport } from './validate-expense-report.js';

const tags = ['expenses'];
const readers = ['admin', 'staff', 'accountant', 'member'] as const;
/** A member writes their own reports; the team may file one for a member. The accountant reads. */
const writers = ['admin', 'staff', 'member'] as const;
/** The categories decide accounts and the contribution base: the coop's team and its accountant. */
const categoryManagers = ['admin', 'staff', 'accountant'] as const;
/** Validating, paying and advancing move the coop's money: its team and its accountant. */
const money = ['admin', 'staff', 'accountant'] as const;

export async function expenseRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, storage } = app.deps;
  const db = database.db;
  const view = async (coopId: string, row: Parameters<typeof expenseReportView>[2]) => expenseReportView(db, coopId, row, todayFromClock());

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

  app.get(
    '/reports',
    { config: { access: readers }, schema: { tags, summary: 'Expense reports (a member sees their own)', querystring: expenseReportListQuery, response: { 200: expenseReportPage, ...errorResponses } } },
    async (req) => listExpenseReports(db, actorOf(req), req.query),
  );

  app.post(
    '/reports',
    { config: { access: writers }, schema: { tags, summary: 'Open an expense report (a draft) on one of the member’s activities', body: createExpenseReportBody, response: { 201: expenseReport, ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.status(201).send(await view(actor.coopId, await createExpenseReport(db, actor, req.body)));
    },
  );

  app.get(
    '/reports/:id',
    { config: { access: readers }, schema: { tags, summary: 'An expense report with its lines and history', params: reportParams, response: { 200: expenseReport, ...errorResponses } } },
    async (req) => getExpenseReport(db, actorOf(req), req.params.id, todayFromClock()),
  );

  app.patch(
    '/reports/:id',
    { config: { access: writers }, schema: { tags, summary: 'Change a draft or returned report (title, activity, IBAN for the refund)', params: reportParams, body: updateExpenseReportBody, response: { 200: expenseReport, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return view(actor.coopId, await updateExpenseReport(db, actor, req.params.id, req.body));
    },
  );

  app.post(
    '/reports/:id/lines',
    { config: { access: writers }, schema: { tags, summary: 'Add an expense line (category, amounts) or a trip at the mileage scale', params: reportParams, body: addExpenseLineBody, response: { 200: expenseReport, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await addExpenseLine(db, actor, req.params.id, req.body, todayFromClock());
      return getExpenseReport(db, actor, req.params.id, todayFromClock());
    },
  );

  app.delete(
    '/reports/:id/lines/:lineId',
    { config: { access: writers }, schema: { tags, summary: 'Remove a line of a draft or returned report', params: lineParams, response: { 200: expenseReport, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const { receiptKey } = await removeExpenseLine(db, actor, req.params.id, req.params.lineId);
      if (receiptKey) await storage.remove(receiptKey).catch(() => undefined);
      return getExpenseReport(db, actor, req.params.id, todayFromClock());
    },
  );

  app.post(
    '/reports/:id/lines/:lineId/receipt',
    {
      config: { access: writers },
      schema: { tags, summary: 'Attach the receipt of a line (multipart: file; JPEG, PNG, WebP or PDF by content, 5 MB at most)', consumes: ['multipart/form-data'], params: lineParams, response: { 200: expenseReport, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      const { file } = await readUpload(req, { maxBytes: MAX_RECEIPT_BYTES, schema: z.object({}), defaultFileName: 'justificatif' });
      await attachReceipt(db, storage, actor, req.params.id, req.params.lineId, { bytes: file.bytes, fileName: file.fileName });
      return getExpenseReport(db, actor, req.params.id, todayFromClock());
    },
  );

  app.get(
    '/reports/:id/lines/:lineId/receipt',
    { config: { access: readers }, schema: { tags, summary: 'The receipt of a line', params: lineParams, response: { 200: z.unknown().describe('The image or PDF'), ...errorResponses } } },
    async (req, reply) => {
      const r = await openReceipt(db, storage, actorOf(req), req.params.id, req.params.lineId);
      return reply
        .header('content-type', r.type)
        .header('content-disposition', contentDisposition(r.fileName, 'inline'))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
        .header('cache-control', 'private, no-store')
        .send(r.bytes);
    },
  );

  app.post(
    '/reports/:id/submit',
    { config: { access: writers }, schema: { tags, summary: 'Submit a report to the team (every expense with its receipt)', params: reportParams, response: { 200: expenseReport, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return view(actor.coopId, await submitExpenseReport(db, actor, req.params.id));
    },
  );

  app.post(
    '/reports/:id/return',
    { config: { access: money }, schema: { tags, summary: 'Return a submitted report to the member for changes, with a comment', params: reportParams, body: returnExpenseReportBody, response: { 200: expenseReport, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return view(actor.coopId, await returnExpenseReport(db, actor, req.params.id, req.body));
    },
  );

  app.post(
    '/reports/:id/validate',
    { config: { access: money }, schema: { tags, summary: 'Validate a report: AC entry D 6xx + 44566 / C 4672 (advance settled) + C 4671 (refund), contribution base deduction', params: reportParams, response: { 200: expenseReport, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return view(actor.coopId, await validateExpenseReport(db, actor, req.params.id, todayFromClock()));
    },
  );

  app.post(
    '/reports/:id/pay',
    { config: { access: money }, schema: { tags, summary: 'Record the refund paid outside a SEPA batch: D 4671 / C 512', params: reportParams, body: payExpenseReportBody, response: { 200: expenseReport, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return view(actor.coopId, await markExpenseReportPaid(db, actor, req.params.id, req.body, todayFromClock()));
    },
  );

  app.post(
    '/reports/:id/cancel',
    { config: { access: money }, schema: { tags, summary: 'Cancel a validated report not yet paid: its entries reversed', params: reportParams, body: cancelExpenseReportBody, response: { 200: expenseReport, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return view(actor.coopId, await cancelExpenseReport(db, actor, req.params.id, req.body, todayFromClock()));
    },
  );

  app.get(
    '/mileage-quote',
    { config: { access: writers }, schema: { tags, summary: "A trip's allowance at the mileage scale, with the km already claimed in its year", querystring: mileageQuoteQuery, response: { 200: mileageQuote, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      let memberId: string | null;
      if (isStaff(actor) && req.query.memberId) memberId = req.query.memberId;
      else memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
      if (!memberId) throw expensesErrors.NOT_A_MEMBER();
      const quote = await quoteMileage(db, actor.coopId, memberId, req.query);
      if (!quote) throw expensesErrors.NO_MILEAGE_SCALE([{ path: 'spentOn', message: expensesErrors.NO_MILEAGE_SCALE().text }]);
      return quote;
    },
  );

  app.get(
    '/advances',
    { config: { access: readers }, schema: { tags, summary: 'Expense advances paid (a member sees their own)', response: { 200: expenseAdvanceList, ...errorResponses } } },
    async (req) => ({ items: await listExpenseAdvances(db, actorOf(req)) }),
  );

  app.post(
    '/advances',
    { config: { access: money }, schema: { tags, summary: 'Pay a member an advance on expenses: D 4672 / C 512; their next reports settle it', body: grantExpenseAdvanceBody, response: { 201: expenseAdvance, ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await grantExpenseAdvance(db, actor, req.body, todayFromClock());
      const [item] = (await listExpenseAdvances(db, actor)).filter((a) => a.id === row.id);
      return reply.status(201).send(item!);
    },
  );

}
