import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalidField, platformErrors, type FieldError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { languageOf } from '../../platform/http/error-handler.js';
import { assertNoNulCharacter } from '../../platform/http/nul-character.js';
import { pageOf } from '../../platform/http/pagination.js';
import {
  confirmLineBody,
  importFields,
  importResult,
  lineParams,
  statementDetail,
  statementDetailQuery,
  statementLine,
  statementListQuery,
  statementParams,
  statementSummary,
  type ImportFields,
} from './contract.js';
import { importStatement, type UploadedStatementFile } from './import-statement.js';
import { getStatement, getStatementLine, listStatements } from './list-statements.js';
import { confirmBankLine, ignoreBankLine, restoreBankLine } from './reconcile-line.js';

const tags = ['bank'];
/** Bank files and the reconciliation are the team's work: a member has nothing to read here. */
const staffOnly = ['admin', 'staff'] as const;

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10}`;

/** Reads the one file and the text fields of a statement upload, as member documents are uploaded. */
async function readUpload(req: FastifyRequest, maxBytes: number): Promise<{ fields: ImportFields; file: UploadedStatementFile }> {
  if (!req.isMultipart()) throw invalidField('file', { fr: 'Envoyez le fichier en multipart/form-data.', en: 'Send the file as multipart/form-data.' });
  const raw: Record<string, string> = {};
  let file: UploadedStatementFile | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer();
          throw invalidField('file', { fr: 'Un seul fichier, dans le champ « file ».', en: 'One file only, in the field "file".' });
        }
        file = { fileName: part.filename.replace(/[\u0000-\u001f\u007f]/g, '') || 'releve', bytes: await part.toBuffer() };
      } else if (typeof part.value === 'string') {
        raw[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT') {
      const size = megabytes(maxBytes);
      throw invalidField('file', {
        fr: code === 'FST_FILES_LIMIT' ? 'Un seul fichier par envoi.' : `Fichier trop volumineux : ${size} Mo au plus.`,
        en: code === 'FST_FILES_LIMIT' ? 'One file per upload.' : `File too large: ${size} MB at most.`,
      });
    }
    throw err;
  }
  if (!file || file.bytes.length === 0) throw invalidField('file', { fr: 'Joignez un fichier non vide.', en: 'Attach a non-empty file.' });
  assertNoNulCharacter(raw);
  // Empty form fields mean "not given", as browsers send every input of the form.
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== ''));
  const parsed = importFields.safeParse(given);
  if (!parsed.success) {
    const fields: FieldError[] = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw platformErrors.VALIDATION_FAILED(fields);
  }
  return { fields: parsed.data, file };
}

export async function bankRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, storage, config } = app.deps;
  const db = database.db;

  app.post(
    '/statements',
    {
      config: { access: staffOnly },
      schema: {
        tags,
        summary: 'Import a bank statement (multipart: format, CSV column mapping, and one file)',
        description:
          'camt.053 (001.02 or 001.08) or CSV. For a CSV: dateColumn, labelColumn, amountColumn or debitColumn + creditColumn, optionally referenceColumn, counterpartyColumn, valueDateColumn, dateOrder (DMY, YMD, MDY), decimalSeparator ("," or "."), accountIban (default: the coop\'s). Lines already imported are counted and left out.',
        consumes: ['multipart/form-data'],
        response: { 200: importResult, 201: importResult, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { fields, file } = await readUpload(req, config.maxUploadBytes);
      const result = await importStatement(db, storage, actor, fields, file);
      return reply.status(result.statements.length ? 201 : 200).send(result);
    },
  );

  app.get(
    '/statements',
    {
      config: { access: staffOnly },
      schema: { tags, summary: 'Imported bank statements, last imported first', querystring: statementListQuery, response: { 200: pageOf(statementSummary), ...errorResponses } },
    },
    async (req) => listStatements(db, actorOf(req), req.query),
  );

  app.get(
    '/statements/:id',
    {
      config: { access: staffOnly },
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
