import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldError, type LocalizedText } from '../errors.js';
import { unpackMessage } from './messages.js';

export type Lang = 'fr' | 'en';

/** French is the default; English when the client asks for it first. */
export function languageOf(req: FastifyRequest): Lang {
  // The language the client asks for first (the web client sends the UI's), then the account's.
  const header = String(req.headers['accept-language'] ?? '').toLowerCase();
  if (header.startsWith('en')) return 'en';
  if (header.startsWith('fr')) return 'fr';
  return req.auth?.locale ?? 'fr';
}

const frenchZod = z.locales.fr().localeError as (issue: unknown) => string | { message: string } | undefined;

const textOf = (m: string | LocalizedText, lang: Lang) => (typeof m === 'string' ? unpackMessage(m, lang) ?? m : m[lang]);

function zodFieldMessage(issue: { keyword: string; message: string; params: Record<string, unknown> }, lang: Lang): string {
  const packed = unpackMessage(issue.message, lang);
  if (packed) return packed;
  if (lang === 'en' || issue.keyword === 'custom') return issue.message;
  const fr = frenchZod({ code: issue.keyword, ...issue.params, message: undefined });
  return (typeof fr === 'string' ? fr : fr?.message) ?? issue.message;
}

const CONTEXT_PREFIX: Record<string, string> = { body: '', querystring: 'query.', params: 'params.', headers: 'headers.' };

const GENERIC: Record<number, LocalizedText> = {
  400: { fr: 'Requête invalide.', en: 'Bad request.' },
  404: { fr: 'Introuvable.', en: 'Not found.' },
  413: { fr: 'Fichier trop volumineux.', en: 'File too large.' },
  415: { fr: 'Type de contenu non pris en charge.', en: 'Unsupported content type.' },
  500: { fr: 'Erreur interne. Elle a été enregistrée.', en: 'Internal error. It has been logged.' },
};

/**
 * The single error handler: domain errors keep their code, schema errors become a 400 with
 * the fields, and the text of anything unexpected never leaves the server.
 */
export function handleError(err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) {
  const lang = languageOf(req);
  if (err instanceof AppError) {
    const fields = err.fields.map((f: FieldError) => ({ path: f.path, message: textOf(f.message, lang) }));
    return reply.status(err.status).send({ error: { code: err.code, message: err.text[lang], ...(fields.length ? { fields } : {}) } });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const prefix = CONTEXT_PREFIX[(err as { validationContext?: string }).validationContext ?? 'body'] ?? '';
    const fields = err.validation.map((v) => ({
      path: prefix + v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: zodFieldMessage(v as never, lang),
    }));
    const message = lang === 'fr' ? 'Certaines valeurs sont invalides.' : 'Some values are invalid.';
    return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message, fields } });
  }
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  if (status === 500) req.log.error({ err }, 'unhandled error');
  const text = GENERIC[status] ?? GENERIC[400];
  const code = status === 500 ? 'INTERNAL_ERROR' : (err.code ?? 'BAD_REQUEST');
  return reply.status(status).send({ error: { code, message: status === 500 ? text[lang] : lang === 'en' ? err.message : text.fr } });
}
