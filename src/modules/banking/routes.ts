import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUpload } from '../../platform/http/upload.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { todayFromClock } from '../../platform/calendar/index.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { languageOf } from '../../platform/http/error-handler.js';
import { pageOf } from '../../platform/http/pagination.js';
import {
  confirmLineBody,
  confirmRecordedBody,
  importFields,
  importResult,
  lineParams,
  statementDetail,
  statementDetailQuery,
  statementLine,
  statementListQuery,
  statementParams,
  statementSummary,
  unmatchLineBody,
} from './contract.js';
import { confirmRecordedReceipt } from './confirm-recorded-receipt.js';
import { bankDebitRoutes } from './debit-routes.js';
import { unmatchBankLine } from './unmatch-bank-line.js';
import { importStatement } from './import-statement.js';
import { getStatement, getStatementLine, listStatements } from './list-statements.js';
import { confirmBankLine, ignoreBankLine, restoreBankLine } from './reconcile-line.js';
import { openStatementFile } from './statement-file.js';

const tags = ['bank'];
/** Bank files and the reconciliation are the team's work: a member has nothing to read here. */
const staffOnly = ['admin', 'staff'] as const;
/** Who reads: those who act, and the accountant, who reads the coop's money without changing it. */
const bookReaders = ['admin', 'staff', 'accountant'] as const;

export async function bankRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, storage, config } = app.deps;
  const db = database.db;
  await app.register(bankDebitRoutes);

  app.post(
    '/statements',
    {
      // The accountant brings the bank's statement in too: it is what marks the coop's
      // transfers paid (payouts) and its direct debits collected (fees), their work.
      config: { access: bookReaders },
      schema: {
        tags,
        summary: 'Import a bank statement (multipart: format, CSV column mapping, and one file)',
        description:
          'camt.053 (001.02, .03, .04, .08, .10), into the coop\'s account with the IBAN (or Othr/Id) the file names (another account: 400), or CSV. For a CSV: bankAccountId (required when the coop has several accounts), dateColumn, labelColumn, amountColumn or debitColumn + creditColumn, optionally referenceColumn, counterpartyColumn, valueDateColumn, dateOrder (DMY, YMD, MDY), decimalSeparator ("," or "."). Lines already imported are counted and left out.',
        consumes: ['multipart/form-data'],
        response: { 200: importResult, 201: importResult, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { fields, file } = await readUpload(req, { maxBytes: config.maxUploadBytes, schema: importFields, defaultFileName: 'releve' });
      const result = await importStatement(db, storage, actor, fields, file);
      return reply.status(result.statements.length ? 201 : 200).send(result);
    },
  );

  app.get(
    '/statements',
    {
      config: { access: bookReaders },
      schema: { tags, summary: 'Imported bank statements, last imported first', querystring: statementListQuery, response: { 200: pageOf(statementSummary), ...errorResponses } },
    },
    async (req) => listStatements(db, actorOf(req), req.query),
  );

  app.get(
    '/statements/:id',
    {
      config: { access: bookReaders },
      schema: {
        tags,
        summary: 'A statement with its lines; unmatched credits come with the open invoices they may pay',
        params: statementParams,
        querystring: statementDetailQuery,
        response: { 200: statementDetail, ...errorResponses },
      },
    },
    async (req) => getStatement(db, actorOf(req), req.params.id, { status: req.query.status, lang: languageOf(req) }),
  );

  app.get(
    '/statements/:id/file',
    {
      config: { access: bookReaders },
      schema: {
        tags,
        summary: 'The bank file the statement was imported from, byte for byte (camt.053 XML or CSV)',
        description: 'Refused (409 STATEMENT_FILE_ALTERED) when the stored bytes no longer match the SHA-256 recorded at import.',
        params: statementParams,
        response: { 200: z.unknown().describe('The file, as an attachment'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const file = await openStatementFile(db, storage, actorOf(req), req.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-sha256', file.sha256)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );

  app.post(
    '/lines/:id/confirm',
    {
      config: { access: staffOnly },
      schema: {
        tags,
        summary: 'Book a credit line as a client payment, allocated to the invoices chosen (none: the client keeps a credit)',
        params: lineParams,
        body: confirmLineBody,
        response: { 200: statementLine, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await confirmBankLine(db, actor, req.params.id, req.body);
      return getStatementLine(db, actor, req.params.id, languageOf(req));
    },
  );

  app.post(
    '/lines/:id/confirm-recorded',
    {
      config: { access: staffOnly },
      schema: {
        tags,
        summary: 'Confirm that a credit line is a payment already recorded (or a remittance slip of cheques): nothing is booked to the client again',
        description: 'A cheque or cash waiting in 5112 / 530 moves to 512; a transfer typed by hand, already on 512, gets no entry. The amounts must be equal.',
        params: lineParams,
        body: confirmRecordedBody,
        response: { 200: statementLine, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await confirmRecordedReceipt(db, actor, req.params.id, req.body);
      return getStatementLine(db, actor, req.params.id, languageOf(req));
    },
  );

  app.post(
    '/lines/:id/unmatch',
    {
      config: { access: staffOnly },
      schema: {
        tags,
        summary: 'Undo a match by reversal: the line waits again; a payment created from it is cancelled, a recorded one goes back to unreconciled',
        params: lineParams,
        body: unmatchLineBody,
        response: { 200: statementLine, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await unmatchBankLine(db, actor, req.params.id, req.body, todayFromClock());
      return getStatementLine(db, actor, req.params.id, languageOf(req));
    },
  );

  app.post(
    '/lines/:id/ignore',
    {
      config: { access: staffOnly },
      schema: { tags, summary: 'Set a line aside (fees, internal transfer): it no longer waits for a match', params: lineParams, response: { 200: statementLine, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      await ignoreBankLine(db, actor, req.params.id);
      return getStatementLine(db, actor, req.params.id, languageOf(req));
    },
  );

  app.post(
    '/lines/:id/unignore',
    {
      config: { access: staffOnly },
      schema: { tags, summary: 'Undo ignoring a line: it waits for a match again', params: lineParams, response: { 200: statementLine, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      await restoreBankLine(db, actor, req.params.id);
      return getStatementLine(db, actor, req.params.id, languageOf(req));
    },
  );
}
