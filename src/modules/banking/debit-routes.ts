import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { languageOf } from '../../platform/http/error-handler.js';
import { bookBankLine } from './book-bank-line.js';
import { lineParams, statementLine } from './contract.js';
import {
  bankAccount,
  bankAccountList,
  bankAccountParams,
  bankRule,
  bankRuleList,
  bankRuleParams,
  bookLineBody,
  createBankAccountBody,
  debitAccountList,
  reconciliationQuery,
  reconciliationStatementView,
  saveBankRuleBody,
  updateBankAccountBody,
} from './debit-contract.js';
import { DEBIT_ACCOUNTS } from './domain/debit-accounts.js';
import { getReconciliationStatement } from './get-reconciliation-statement.js';
import { listBankAccounts } from './list-bank-accounts.js';
import { getStatementLine } from './list-statements.js';
import { createBankAccount, updateBankAccount } from './save-bank-account.js';
import { deleteBankRule, listBankRules, saveBankRule } from './save-bank-rule.js';
import { unbookBankLine } from './unbook-bank-line.js';

const tags = ['bank'];
const staffOnly = ['admin', 'staff'] as const;
/** Which accounts the coop's money sits in is the administrators' setting. */
const adminOnly = ['admin'] as const;

/** The coop's bank accounts, the booking of debits, saved rules and the reconciliation statement. */
export async function bankDebitRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/accounts',
    // Read by the accountant too, who debits them with the transfer batches and imports their statements.
    { config: { access: ['admin', 'staff', 'accountant'] }, schema: { tags, summary: 'The coop’s bank accounts', response: { 200: bankAccountList, ...errorResponses } } },
    async (req) => ({ items: await listBankAccounts(db, actorOf(req).coopId) }),
  );

  app.post(
    '/accounts',
    {
      config: { access: adminOnly },
      schema: { tags, summary: 'Add a bank account (IBAN, 512 sub-account, journal, currency)', body: createBankAccountBody, response: { 201: bankAccount, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await createBankAccount(db, actorOf(req), req.body)),
  );

  app.patch(
    '/accounts/:id',
    {
      config: { access: adminOnly },
      schema: { tags, summary: 'Edit a bank account (IBAN and currency only while it has no statement)', params: bankAccountParams, body: updateBankAccountBody, response: { 200: bankAccount, ...errorResponses } },
    },
    async (req) => updateBankAccount(db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/accounts/:id/reconciliation',
    {
      config: { access: staffOnly },
      schema: {
        tags,
        summary: 'Reconciliation statement (état de rapprochement) of a bank account at a date',
        description: 'Bank balance (closing balance of the last statement on or before the date), balance of the 512 sub-account at the date, and the items explaining the difference.',
        params: bankAccountParams,
        querystring: reconciliationQuery,
        response: { 200: reconciliationStatementView, ...errorResponses },
      },
    },
    async (req) => getReconciliationStatement(db, actorOf(req).coopId, req.params.id, req.query.date),
  );

  app.get(
    '/debit-accounts',
    { config: { access: staffOnly }, schema: { tags, summary: 'The accounts a bank debit may be booked to', response: { 200: debitAccountList, ...errorResponses } } },
    async (req) => {
      const lang = languageOf(req);
      return { items: DEBIT_ACCOUNTS.map((a) => ({ number: a.number, label: a.label[lang], needsThirdParty: a.needsThirdParty, mayDeductVat: a.mayDeductVat })) };
    },
  );

  app.post(
    '/lines/:id/book',
    {
      config: { access: staffOnly },
      schema: {
        tags,
        summary: 'Book a debit line to an account of the chart (with deductible VAT), optionally saving the rule',
        params: lineParams,
        body: bookLineBody,
        response: { 200: statementLine, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await bookBankLine(db, actor, req.params.id, req.body);
      return getStatementLine(db, actor, req.params.id, languageOf(req));
    },
  );

  app.post(
    '/lines/:id/unbook',
    {
      config: { access: staffOnly },
      schema: { tags, summary: 'Undo the booking of a debit by a reversing entry: the line waits to be booked again', params: lineParams, response: { 200: statementLine, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      await unbookBankLine(db, actor, req.params.id);
      return getStatementLine(db, actor, req.params.id, languageOf(req));
    },
  );

  app.get(
    '/rules',
    { config: { access: staffOnly }, schema: { tags, summary: 'Saved booking rules (label contains … → account)', response: { 200: bankRuleList, ...errorResponses } } },
    async (req) => ({ items: await listBankRules(db, actorOf(req).coopId) }),
  );

  app.post(
    '/rules',
    {
      config: { access: staffOnly },
      schema: { tags, summary: 'Save a booking rule (a rule with the same text is replaced)', body: saveBankRuleBody, response: { 200: bankRule, ...errorResponses } },
    },
    async (req) => saveBankRule(db, actorOf(req), req.body),
  );

  app.delete(
    '/rules/:id',
    {
      config: { access: staffOnly },
      schema: { tags, summary: 'Forget a saved booking rule', params: bankRuleParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await deleteBankRule(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
