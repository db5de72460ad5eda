import type { EntryLine } from './entry-lines.js';

/**
 * The accounts the platform's own operations post to, named once. Numbers from the plan
 * comptable général (ANC regulation 2014-03, list of accounts); each is in the chart every
 * coop gets (`defaultChartOfAccounts`), which a coop may rename but the platform relies on.
 */
export const ACCOUNTS = {
  /** 411 Clients: what clients owe the cooperative, until paid. */
  clientReceivables: '411',
  /** 706 Prestations de services: the revenue of the members' activities (services sold). */
  serviceRevenue: '706',
  /** 44571 TVA collectée: the VAT invoiced to clients, owed to the State. */
  vatCollected: '44571',
  /** 512 Banques: the coop's bank account. */
  bank: '512',
  /**
   * 5112 Chèques à encaisser: a cheque received and recorded, not yet credited by the bank.
   * It leaves for 512 when a bank line (alone or as a remittance slip) shows it, so 512 only
   * ever holds what the bank holds and a cheque is never counted twice.
   */
  chequesToCash: '5112',
  /** 530 Caisse: cash received, held by the coop until it is paid in at the bank. */
  cash: '530',
} as const;

/** Where money received waits: 512 once on the bank account, 5112 or 530 while it is not. */
export type DepositAccount = typeof ACCOUNTS.bank | typeof ACCOUNTS.chequesToCash | typeof ACCOUNTS.cash;

/** The journals those operations write to, among the ones every coop keeps (`defaultJournals`). */
export const JOURNALS = {
  /** VT Ventes: invoices and credit notes. */
  sales: 'VT',
  /** BQ Banque: money in and out of the bank account. */
  bank: 'BQ',
} as const;

/** Lines of an entry with the journal they belong to, ready for `checkEntry`/`postEntry` with a date, label and source. */
export interface Posting {
  journal: string;
  lines: EntryLine[];
}

/** What a sale (or its credit note) carries to the ledger: its activity and totals, VAT per rate. */
export interface Sale {
  activityId: string;
  /** Total with VAT, what the client owes (BT-112). */
  grossCents: number;
  /** Total without VAT (BT-109). */
  netCents: number;
  /** VAT per rate, in the document's order (BG-23); exempt groups carry 0. */
  vatByRate: readonly { rateBp: number; vatCents: number }[];
}

function saleLines(sale: Sale, reversed: boolean): EntryLine[] {
  const { activityId } = sale;
  const side = (cents: number, debit: boolean) => (debit !== reversed ? { debitCents: cents } : { creditCents: cents });
  const lines: EntryLine[] = [{ account: ACCOUNTS.clientReceivables, activityId, ...side(sale.grossCents, true) }];
  if (sale.netCents > 0) lines.push({ account: ACCOUNTS.serviceRevenue, activityId, ...side(sale.netCents, false) });
  for (const group of sale.vatByRate) {
    if (group.vatCents > 0) lines.push({ account: ACCOUNTS.vatCollected, activityId, ...side(group.vatCents, false), label: `TVA ${group.rateBp / 100} %` });
  }
  return lines;
}

/**
 * The sales entry of an issued invoice: the client's receivable (411) debited with the gross,
 * revenue (706) and VAT collected (44571, one line per rate) credited, every line on the
 * invoice's activity so its treasury shows it. Exempt groups have no VAT line.
 */
export const salesEntry = (sale: Sale): Posting => ({ journal: JOURNALS.sales, lines: saleLines(sale, false) });

/** The entry of a credit note: the sales entry's accounts with the sides swapped, so it cancels what it credits. */
export const creditNoteEntry = (sale: Sale): Posting => ({ journal: JOURNALS.sales, lines: saleLines(sale, true) });

/** Money received from a client: what it settles per invoice, and what is left on the client's account. */
export interface Receipt {
  amountCents: number;
  /** The account debited: 512 (default) for money on the bank account, 5112 or 530 while it waits to be paid in. */
  depositAccount?: DepositAccount;
  settled: readonly { activityId: string; invoiceNumber: string; amountCents: number }[];
}

/**
 * The entry of a client's payment: the bank (512, or 5112 / 530 while a cheque or cash waits
 * to be paid in) debited with the amount, the client's
 * receivable (411) credited per invoice it settles, on that invoice's activity; any excess
 * stays credited on 411 with no activity, a credit the client holds (an over-payment).
 */
export function paymentEntry(receipt: Receipt): Posting {
  const settledCents = receipt.settled.reduce((sum, s) => sum + s.amountCents, 0);
  const excessCents = receipt.amountCents - settledCents;
  return {
    journal: JOURNALS.bank,
    lines: [
      { account: receipt.depositAccount ?? ACCOUNTS.bank, debitCents: receipt.amountCents },
      ...receipt.settled.map((s) => ({ account: ACCOUNTS.clientReceivables, creditCents: s.amountCents, activityId: s.activityId, label: s.invoiceNumber })),
      ...(excessCents > 0 ? [{ account: ACCOUNTS.clientReceivables, creditCents: excessCents, label: 'Avoir client (trop-perçu)' }] : []),
    ],
  };
}

/**
 * The bank shows money that waited in 5112 (cheques to cash) or 530 (cash): 512 debited, the
 * waiting account credited. Nothing touches 411: the client's payment was booked already.
 */
export function clearingEntry(input: { amountCents: number; from: DepositAccount; label?: string }): Posting {
  if (input.from === ACCOUNTS.bank) throw new RangeError('money already on the bank account has nothing to clear');
  return {
    journal: JOURNALS.bank,
    lines: [
      { account: ACCOUNTS.bank, debitCents: input.amountCents, ...(input.label ? { label: input.label } : {}) },
      { account: input.from, creditCents: input.amountCents, ...(input.label ? { label: input.label } : {}) },
    ],
  };
}
