import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, invalidField, platformErrors, type FieldError } from '../errors.js';
import { assertNoNulCharacter } from './nul-character.js';

/** A file received in a multipart upload, whole in memory (uploads are capped by MAX_UPLOAD_BYTES). */
export interface UploadedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10}`;

/**
 * Reads the one file (field `file`) and the text fields of a multipart upload, checks the
 * fields against `schema`, and refuses what does not fit with a 400 on the field: no file, an
 * empty one, two files, one too large, a NUL character.
 */
export async function readUpload<S extends z.ZodType>(
  req: FastifyRequest,
  opts: { maxBytes: number; schema: S; defaultFileName: string },
): Promise<{ fields: z.infer<S>; file: UploadedFile }> {
  if (!req.isMultipart()) throw invalidField('file', { fr: 'Envoyez le fichier en multipart/form-data.', en: 'Send the file as multipart/form-data.' });
  const raw: Record<string, string> = {};
  let file: UploadedFile | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer();
          throw invalidField('file', { fr: 'Un seul fichier, dans le champ « file ».', en: 'One file only, in the field "file".' });
        }
        // Control characters have no place in a file name and PostgreSQL refuses U+0000.
        file = { fileName: part.filename.replace(/[\u0000-\u001f\u007f]/g, '') || opts.defaultFileName, contentType: part.mimetype, bytes: await part.toBuffer() };
      } else if (typeof part.value === 'string') {
        raw[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT') {
      const size = megabytes(opts.maxBytes);
      throw invalidField('file', {
        fr: code === 'FST_FILES_LIMIT' ? 'Un seul fichier par envoi.' : `Fichier trop volumineux : ${size} Mo au plus.`,
        en: code === 'FST_FILES_LIMIT' ? 'One file per upload.' : `File too large: ${size} MB at most.`,
      });
    }
    if (err instanceof AppError || (err as { statusCode?: number }).statusCode !== undefined) throw err;
    // What is left is the parser's: a body cut before its closing boundary, or malformed.
    throw invalidField('file', { fr: 'Envoi incomplet ou illisible : renvoyez le fichier.', en: 'Incomplete or unreadable upload: send the file again.' });
  }
  if (!file || file.bytes.length === 0) throw invalidField('file', { fr: 'Joignez un fichier non vide.', en: 'Attach a non-empty file.' });
  assertNoNulCharacter(raw);
  // Empty form fields mean "not given", as browsers send every input of the form.
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== ''));
  const parsed = opts.schema.safeParse(given);
  if (!parsed.success) {
    const fields: FieldError[] = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw platformErrors.VALIDATION_FAILED(fields);
  }
  return { fields: parsed.data, file };
}
