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
} as const;

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
  settled: readonly { activityId: string; invoiceNumber: string; amountCents: number }[];
}

/**
 * The entry of a client's payment: the bank (512, or the sub-account and journal of the bank
 * account the money reached) debited with the amount, the client's
 * receivable (411) credited per invoice it settles, on that invoice's activity; any excess
 * stays credited on 411 with no activity, a credit the client holds (an over-payment).
 */
export function paymentEntry(receipt: Receipt, bank: { account: string; journal: string } = { account: ACCOUNTS.bank, journal: JOURNALS.bank }): Posting {
  const settledCents = receipt.settled.reduce((sum, s) => sum + s.amountCents, 0);
  const excessCents = receipt.amountCents - settledCents;
  return {
    journal: bank.journal,
    lines: [
      { account: bank.account, debitCents: receipt.amountCents },
      ...receipt.settled.map((s) => ({ account: ACCOUNTS.clientReceivables, creditCents: s.amountCents, activityId: s.activityId, label: s.invoiceNumber })),
      ...(excessCents > 0 ? [{ account: ACCOUNTS.clientReceivables, creditCents: excessCents, label: 'Avoir client (trop-perçu)' }] : []),
    ],
  };
}

/** VAT on expenses the coop may deduct (PCG 44566, TVA déductible sur autres biens et services). */
export const DEDUCTIBLE_VAT_ACCOUNT = '44566';

/** Money that left the bank, booked to what it paid: a charge, the URSSAF, a supplier. */
export interface BankDebit {
  /** The bank account's 512 sub-account and journal. */
  bankAccount: string;
  journal: string;
  /** The account debited (431, 627, 401, 6xx…). */
  account: string;
  /** What left the bank, positive, VAT included. */
  amountCents: number;
  /** The deductible VAT inside `amountCents`, 0 when none. */
  vatCents: number;
  /** The member's activity that bears it; null for the coop's own. */
  activityId: string | null;
  /** The third party (supplier, client) on 401/411, or a note, on the debited line. */
  lineLabel?: string | null;
}

/**
 * The entry of a bank debit: the account chosen debited with the amount net of deductible
 * VAT, on the activity that bears it, 44566 debited with the VAT (the coop recovers it on its
 * return, CGI art. 271), and the bank's 512 sub-account credited with what left it.
 */
export function bankDebitEntry(debit: BankDebit): Posting {
  const netCents = debit.amountCents - debit.vatCents;
  const label = debit.lineLabel ?? null;
  return {
    journal: debit.journal,
    lines: [
      { account: debit.account, debitCents: netCents, activityId: debit.activityId, label },
      ...(debit.vatCents > 0 ? [{ account: DEDUCTIBLE_VAT_ACCOUNT, debitCents: debit.vatCents, activityId: debit.activityId, label: 'TVA déductible' }] : []),
      { account: debit.bankAccount, creditCents: debit.amountCents },
    ],
  };
}
