import type { Executor } from '../../platform/db/client.js';
import { offsetOf } from '../../platform/http/pagination.js';
import { ACCOUNTS, DEDUCTIBLE_VAT_ACCOUNT, periodLines, vatLineLabel } from '../ledger/index.js';
import type { VAT_LEDGER_BOXES, VatBoxEntriesPage } from './contract.js';
import { RATE_BOXES } from './domain/vat-boxes.js';
import { dayBefore, vatPeriodOf } from './domain/vat-periods.js';
import { VAT_SETTLEMENT_SOURCE } from './vat-figures-of.js';

type LedgerBox = (typeof VAT_LEDGER_BOXES)[number];

/** The lines each box is read from (see `vatFiguresOf`), and which side of them counts. */
function linesOfBox(box: LedgerBox, period: { start: string; end: string }): { accounts: string[]; labels?: string[]; from: string | null; to: string; side: 'credit' | 'debit' } {
  const inPeriod = { from: period.start, to: period.end };
  if (box === 'A1' || box === '16') return { accounts: [ACCOUNTS.vatCollected], ...inPeriod, side: 'credit' };
  if (box === '19') return { accounts: [ACCOUNTS.vatDeductibleOnFixedAssets], ...inPeriod, side: 'debit' };
  if (box === '20') return { accounts: [DEDUCTIBLE_VAT_ACCOUNT], ...inPeriod, side: 'debit' };
  if (box === '22') return { accounts: [ACCOUNTS.vatCreditToCarry], from: null, to: dayBefore(period.start), side: 'debit' };
  const rate = [...RATE_BOXES].find(([, b]) => b === box)![0];
  return { accounts: [ACCOUNTS.vatCollected], labels: [vatLineLabel(rate)], ...inPeriod, side: 'credit' };
}

/** The entry lines behind one box of a period's return, a page at a time, each with the document that posted it. */
export async function listVatBoxEntries(db: Executor, coopId: string, q: { period: string; box: LedgerBox; page: number; pageSize: number }): Promise<VatBoxEntriesPage> {
  const period = vatPeriodOf(q.period);
  if (!period) throw new RangeError(`not a VAT period: ${q.period}`);
  const what = linesOfBox(q.box, period);
  const { total, rows } = await periodLines(db, coopId, { ...what, // The credit carried into the period is what earlier settlements left on 44567: those stay listed.
    excludeSourceTypes: q.box === '22' ? [] : [VAT_SETTLEMENT_SOURCE], limit: q.pageSize, offset: offsetOf(q) });
  return {
    items: rows.map((r) => ({
      entryId: r.entryId,
      entryNumber: r.entryNumber,
      date: r.date,
      journal: r.journal,
      label: r.lineLabel ? `${r.entryLabel} – ${r.lineLabel}` : r.entryLabel,
      account: r.account,
      documentRef: r.documentRef,
      sourceType: r.sourceType,
      sourceId: r.sourceId,
      amountCents: what.side === 'credit' ? r.creditCents - r.debitCents : r.debitCents - r.creditCents,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
