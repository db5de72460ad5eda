import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from './content-disposition.js';

/** The response schema of a CSV download, for the OpenAPI. */
export const csvResponse = z.string().describe('text/csv: `;` separated, decimal comma, UTF-8 with BOM');

/** Sends a CSV file as a download; a list export is personal data, never kept by a cache. */
export function sendCsv(reply: FastifyReply, fileName: string, csv: string): FastifyReply {
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', contentDisposition(fileName)).header('cache-control', 'private, no-store').send(csv);
}
