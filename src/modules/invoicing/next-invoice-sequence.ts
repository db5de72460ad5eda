import { yearOf } from '../../platform/calendar/index.js';
import type { Executor } from '../../platform/db/client.js';
import { peekNextNumber } from '../../platform/numbering/peek-next-number.js';
import type { NextInvoiceSequence } from './contract.js';

/**
 * What the next invoice validated today would take in each kind of series (the settings page
 * previews the number of whatever format is being typed): the yearly series of today's year
 * (`invoice:<year>`, a format showing the year) or the continuous one (`invoice:all`).
 * Series keys as issue-document.ts writes them.
 */
export async function nextInvoiceSequence(db: Executor, coopId: string, today: string): Promise<NextInvoiceSequence> {
  const year = yearOf(today);
  return {
    year,
    yearly: await peekNextNumber(db, { coopId, series: `invoice:${year}` }),
    continuous: await peekNextNumber(db, { coopId, series: 'invoice:all' }),
  };
}
