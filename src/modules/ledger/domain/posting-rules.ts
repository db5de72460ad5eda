import { largestRemainder } from '../../../platform/money/largest-remainder.js';
import type { EntryLine } from './entry-lines.js';

/**
 * The accounts the platform's own operations post to, named once. Numbers from the plan
 * comptable général (ANC regulation 2014-03, list of accounts); each is in the chart every
 * coop gets (`defaultChartOfAccounts`), which a coop may rename but the platform relies on.
 */
export const ACCOUNTS = {
  /** 411 Clients: what clients owe the cooperative, until paid. */
  clientReceivables: '411',
  /**
   * 4191 Clients – avances et acomptes reçus sur commandes: what a deposit invoice asks for,
   * held apart from revenue until the final invoice of the order recognises the service
   * (PCG art. 944-41: a deposit is not a sale; the revenue is the service rendered).
   */
  depositsReceived: '4191',
  /** 706 Prestations de services: the revenue of the members' activities (services sold). */
  serviceRevenue: '706',
  /** 44571 TVA collectée: the VAT invoiced to clients, owed to the State. */
  vatCollected: '44571',
  /**
   * 44574 TVA collectée à régulariser (en attente): under VAT on receipts (CGI art. 269-2-c, the
   * rule for services), the VAT of an invoice is not due until the client pays; it waits here
   * and moves to 44571 in proportion of each payment.
   */
  vatCollectedPending: '44574',
  /** 44562 TVA déductible sur immobilisations: box 19 of the CA3 return. */
  vatDeductibleOnFixedAssets: '44562',
  /** 44551 TVA à décaisser: what a confirmed return leaves to pay to the State. */
  vatPayable: '44551',
  /** 44567 Crédit de TVA à reporter: what a return leaves in the coop's favour, deducted next time (box 22). */
  vatCreditToCarry: '44567',
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
  // The member's money (issue 13). An activity is an analytic code of one legal entity: what
  // moves between activities, or between an activity and the coop's own funds (activity
  // null), is a pair of lines that cancels out in the coop's accounts and shows per activity.
  /** 6581: the contribution an activity gives to the pooled services (debited on the activity). */
  contributionCharge: '6581',
  /** 7588: the same contribution, received by the coop's own funds (no activity). */
  contributionIncome: '7588',
  /** 6222: a deal bringer's commission, paid by the activities working on the job. */
  commissionCharge: '6222',
  /** 7082: that commission, received by the bringer's activity. */
  commissionIncome: '7082',
  /** 7061: the structure's project-management margin on a shared job (no activity). */
  projectMargin: '7061',
  /** 641 / 645: gross salary and employer contributions, charged to the activity. */
  grossSalaries: '641',
  employerContributions: '645',
  /** 421 / 431: the net salary owed to the entrepreneur, and contributions owed to the URSSAF. */
  salariesPayable: '421',
  socialContributions: '431',
  /** 1068: the guarantee fund, a reserve of the coop's own funds that prefinances activities. */
  guaranteeFund: '1068',
  /** 4675 / 4676: an advance (prefinancing) on an activity, and the fund's side of it, until settled. */
  advancesGranted: '4675',
  fundAdvancesOutstanding: '4676',
  /** 4677: a loan to an activity (micro-credit, treasury financing), repaid from it. */
  loansToActivities: '4677',
  /** 6278 / 7589: the fee of an advance, charged to the activity and credited to the fund. */
  advanceFeeCharge: '6278',
  fundIncome: '7589',
  /** 6541: an advance the client never paid, written off against the fund. */
  badDebts: '6541',
  /** 106 Réserves: the coop's reserves, from which the general assembly endows the guarantee fund. */
  reserves: '106',
  /** 120 Résultat de l'exercice: a year's profit, which the assembly may allot to the fund. */
  yearResult: '120',
  /** 6611 / 7638: the interest of a loan to an activity, charged to it and earned by the coop. */
  loanInterestCharge: '6611',
  loanInterestIncome: '7638',
  /** 604 Achats d'études et prestations de services: an independent member's invoice to the coop for their share of a job. */
  servicesPurchased: '604',
  /** 401 Fournisseurs: what the coop owes its suppliers, an independent member's company among them, until paid. */
  suppliers: '401',
  // Expense reports (notes de frais). The refund owed to an entrepreneur is a debt of the coop
  // to one of its members, not to an outside supplier: a 467 member current account (PCG
  // "autres comptes débiteurs ou créditeurs"), kept apart from 421 (net salaries) so payroll
  // exports never read it, and from the advances on expenses the same member may hold.
  /** 4671: expense reports validated, to refund to the entrepreneur, until paid. */
  expenseRefunds: '4671',
  /** 4672: money advanced to an entrepreneur for expenses to come, until a report settles it. */
  expenseAdvances: '4672',
  /** 6251 Voyages et déplacements: where mileage allowances (indemnités kilométriques) are booked. */
  travelExpenses: '6251',
  /** 613 Locations: desks, rooms, vans and equipment the coop rents to an activity (plans and bookings), charged on it. */
  resourceCharge: '613',
  /** 708 Produits des activités annexes: that rent, received by the coop's own funds (no activity). */
  resourceIncome: '708',
} as const;

/** Where money received waits: 512 once on the bank account, 5112 or 530 while it is not. */
export type DepositAccount = typeof ACCOUNTS.bank | typeof ACCOUNTS.chequesToCash | typeof ACCOUNTS.cash;

/** The journals those operations write to, among the ones every coop keeps (`defaultJournals`). */
export const JOURNALS = {
  /** VT Ventes: invoices and credit notes. */
  sales: 'VT',
  /** BQ Banque: money in and out of the bank account. */
  bank: 'BQ',
  /** AC Achats: supplier invoices, expense reports. */
  purchases: 'AC',
  /** OD Opérations diverses: contribution, commissions, advances, transfers between activities. */
  misc: 'OD',
  /** SA Salaires: the salaries of the entrepreneurs-salariés. */
  salaries: 'SA',
  /** AN À-nouveaux: the opening entry of a fiscal year, the balances carried forward from the last one. */
  opening: 'AN',
} as const;

/** Lines of an entry with the journal they belong to, ready for `checkEntry`/`postEntry` with a date, label and source. */
export interface Posting {
  journal: string;
  lines: EntryLine[];
}

/** The client a 411 line concerns: its auxiliary account (C00042) is opened and named after it. */
export interface ClientParty {
  id: string;
  name: string;
}

const clientAuxiliary = (client: ClientParty | undefined) =>
  client ? { auxiliary: { kind: 'client' as const, partyId: client.id, label: client.name.slice(0, 200) } } : {};

/** What a sale (or its credit note) carries to the ledger: its activity and totals, VAT per rate. */
export interface Sale {
  activityId: string;
  /** The client, for the 411 line's auxiliary account. */
  client?: ClientParty;
  /** The invoice the 411 line belongs to (the invoice itself, or the one a credit note corrects), for lettering. */
  letteringKey?: string;
  /** Total with VAT, what the client owes (BT-112). */
  grossCents: number;
  /** Total without VAT (BT-109). */
  netCents: number;
  /** VAT per rate, in the document's order (BG-23); exempt groups carry 0. */
  vatByRate: readonly { rateBp: number; vatCents: number }[];
  /**
   * A document of a shared job: its revenue (`netCents`) split between the activities working
   * on it (one 706 line each) and the structure's project margin (7061, no activity). The
   * parts and the margin add up to `netCents`; absent, the revenue is one 706 line on
   * `activityId`.
   */
  revenueParts?: { parts: readonly { activityId: string; netCents: number }[]; marginCents: number };
  /**
   * The document's VAT is due on receipt (the coop chose VAT on receipts and the invoice sells
   * services): an invoice credits its VAT to 44574, where it waits for the client's payment. A
   * credit note debits 44574 with what is still pending there for the invoice it corrects
   * (`pendingByRate`), and 44571 with the rest (VAT already due on what was paid).
   */
  vatOnReceipt?: { pendingByRate?: ReadonlyMap<number, number> };
}

/** The label of a VAT line: the rate it was computed at, which the VAT return reads back (`rateOfVatLabel`). */
export const vatLineLabel = (rateBp: number) => `TVA ${rateBp / 100} %`;

/** The rate (basis points) a VAT line was posted at, from its label; null for a line the platform did not label. */
export function rateOfVatLabel(label: string | null): number | null {
  const m = label ? /^TVA (\d{1,2}(?:\.\d{1,2})?) %$/.exec(label) : null;
  return m ? Math.round(Number(m[1]) * 100) : null;
}

/** VAT per rate, added up (a rate listed twice counts once). */
const vatPerRate = (groups: readonly { rateBp: number; vatCents: number }[]) => {
  const byRate = new Map<number, number>();
  for (const g of groups) byRate.set(g.rateBp, (byRate.get(g.rateBp) ?? 0) + g.vatCents);
  return byRate;
};

/**
 * Deposit invoices a final invoice deducts: their amount excluding VAT, which 4191 holds, and
 * their VAT per rate, already collected when they were issued.
 */
export interface DeductedDeposits {
  netCents: number;
  vatByRate: readonly { rateBp: number; vatCents: number }[];
}

/** Where the amount excluding VAT of a document goes: revenue, or 4191 for a deposit. */
type Revenue = 'service' | 'deposit';

function saleLines(sale: Sale, reversed: boolean, revenue: Revenue, deposits?: DeductedDeposits): EntryLine[] {
  const { activityId } = sale;
  // A negative amount goes to the other side, so that every line stays a positive debit or credit.
  const side = (cents: number, debit: boolean) => ((debit !== reversed) !== cents < 0 ? { debitCents: Math.abs(cents) } : { creditCents: Math.abs(cents) });
  const depositsVat = vatPerRate(deposits?.vatByRate ?? []);
  const depositsGross = (deposits?.netCents ?? 0) + [...depositsVat.values()].reduce((s, v) => s + v, 0);
  const lines: EntryLine[] = [];
  const receivable = sale.grossCents - depositsGross;
  const thirdParty = { ...clientAuxiliary(sale.client), ...(sale.letteringKey ? { letteringKey: sale.letteringKey } : {}) };
  const shared = sharedBy(sale, revenue);
  if (shared) {
    // A job's invoice: each activity holds its part of what the client owes (and of the VAT),
    // so its treasury counts its revenue as collected only as the client pays it.
    largestRemainder(receivable, shared.weights).forEach((cents, i) => {
      if (cents !== 0) lines.push({ account: ACCOUNTS.clientReceivables, activityId: shared.activityIds[i]!, ...side(cents, true), ...thirdParty });
    });
  } else if (receivable !== 0) lines.push({ account: ACCOUNTS.clientReceivables, activityId, ...side(receivable, true), ...thirdParty });
  if (deposits && deposits.netCents !== 0) lines.push({ account: ACCOUNTS.depositsReceived, activityId, ...side(deposits.netCents, true), label: 'Acomptes déduits' });
  if (sale.netCents > 0 && revenue === 'service' && sale.revenueParts) {
    const { parts, marginCents } = sale.revenueParts;
    if (parts.reduce((s, p) => s + p.netCents, marginCents) !== sale.netCents) throw new RangeError('the revenue parts of a sale must add up to its amount excluding VAT');
    for (const part of parts) if (part.netCents !== 0) lines.push({ account: ACCOUNTS.serviceRevenue, activityId: part.activityId, ...side(part.netCents, false) });
    if (marginCents !== 0) lines.push({ account: ACCOUNTS.projectMargin, activityId: null, ...side(marginCents, false), label: 'Marge de gestion de projet' });
  } else if (sale.netCents > 0) lines.push({ account: revenue === 'deposit' ? ACCOUNTS.depositsReceived : ACCOUNTS.serviceRevenue, activityId, ...side(sale.netCents, false) });
  const rates = vatPerRate(sale.vatByRate);
  for (const rate of depositsVat.keys()) if (!rates.has(rate)) rates.set(rate, 0);
  for (const [rateBp, vatCents] of rates) {
    const left = vatCents - (depositsVat.get(rateBp) ?? 0);
    if (left === 0) continue;
    const label = vatLineLabel(rateBp);
    // On receipts: an invoice's VAT waits on 44574; a credit note takes back first what still waits there.
    const pending = !sale.vatOnReceipt ? 0 : reversed ? Math.max(0, Math.min(left, sale.vatOnReceipt.pendingByRate?.get(rateBp) ?? 0)) : left;
    const vatLines = (account: string, cents: number) => {
      if (cents === 0) return;
      if (!shared) return void lines.push({ account, activityId, ...side(cents, false), label });
      largestRemainder(cents, shared.weights).forEach((part, i) => {
        if (part !== 0) lines.push({ account, activityId: shared.activityIds[i]!, ...side(part, false), label });
      });
    };
    vatLines(ACCOUNTS.vatCollectedPending, pending);
    vatLines(ACCOUNTS.vatCollected, left - pending);
  }
  return lines;
}

/**
 * The activities a job's document is shared by (the structure's margin on no activity), weighed
 * by their revenue parts; null for a document of one activity. Deposits stay on the document's
 * activity: they are cleared by its final invoice, which is shared.
 */
function sharedBy(sale: Sale, revenue: Revenue): { activityIds: (string | null)[]; weights: number[] } | null {
  if (revenue !== 'service' || !sale.revenueParts || sale.netCents <= 0) return null;
  const parts = [...sale.revenueParts.parts.map((p) => ({ activityId: p.activityId as string | null, cents: p.netCents })), { activityId: null, cents: sale.revenueParts.marginCents }];
  const kept = parts.filter((p) => p.cents > 0);
  if (kept.length === 0 || (kept.length === 1 && kept[0]!.activityId === sale.activityId)) return null;
  return { activityIds: kept.map((p) => p.activityId), weights: kept.map((p) => p.cents) };
}

/**
 * The sales entry of an issued invoice: the client's receivable (411) debited with the gross,
 * revenue (706) and VAT collected (44571, one line per rate) credited, every line on the
 * invoice's activity so its treasury shows it. Exempt groups have no VAT line.
 *
 * A final invoice that deducts deposit invoices recognises the whole service in 706 and
 * clears what the deposits put in 4191 (debited with their amount excluding VAT); their VAT
 * was collected when they were issued, so only the rest of each rate is credited, and the
 * client is debited only with what is left to pay (PCG: the advance is "soldé" by the invoice).
 */
export const salesEntry = (sale: Sale, deposits?: DeductedDeposits): Posting => ({ journal: JOURNALS.sales, lines: saleLines(sale, false, 'service', deposits) });

/**
 * The entry of a deposit invoice (facture d'acompte): the client debited with the gross, the
 * amount excluding VAT credited to 4191 (an advance on the order, not yet revenue) and the VAT
 * credited to 44571 as soon as it is invoiced, like every sale the platform books: a deposit
 * for services makes the VAT due on receipt (CGI art. 269-2-c), or on the invoice under the
 * option for debits, at the rate of the work it pays for.
 */
export const depositInvoiceEntry = (sale: Sale): Posting => ({ journal: JOURNALS.sales, lines: saleLines(sale, false, 'deposit') });

/** The entry of a credit note: the sales entry's accounts with the sides swapped, so it cancels what it credits. */
export const creditNoteEntry = (sale: Sale): Posting => ({ journal: JOURNALS.sales, lines: saleLines(sale, true, 'service') });

/** The entry of a credit note on a deposit invoice: the deposit's entry reversed, 4191 included. */
export const depositCreditNoteEntry = (sale: Sale): Posting => ({ journal: JOURNALS.sales, lines: saleLines(sale, true, 'deposit') });

/**
 * VAT on receipts: the OD entry moving an invoice's VAT from 44574 (waiting) to 44571 (due),
 * one pair per rate, on the invoice's activity; a negative amount moves it back (a payment
 * cancelled). Each line keeps the rate's label, which the VAT return reads.
 */
export function vatOnReceiptEntry(input: { activityId: string; moves: readonly { rateBp: number; cents: number }[] }): Posting {
  const lines: EntryLine[] = [];
  for (const { rateBp, cents } of input.moves) {
    if (cents === 0) continue;
    const amount = Math.abs(cents);
    const [from, to] = cents > 0 ? [ACCOUNTS.vatCollectedPending, ACCOUNTS.vatCollected] : [ACCOUNTS.vatCollected, ACCOUNTS.vatCollectedPending];
    lines.push({ account: from, activityId: input.activityId, debitCents: amount, label: vatLineLabel(rateBp) });
    lines.push({ account: to, activityId: input.activityId, creditCents: amount, label: vatLineLabel(rateBp) });
  }
  return { journal: JOURNALS.misc, lines };
}

/** The figures of a confirmed VAT return its settlement entry clears (boxes 16, 19, 20, 22, 25, 28). */
export interface VatSettlement {
  collectedCents: number;
  deductibleOnFixedAssetsCents: number;
  deductibleOtherCents: number;
  carriedCreditCents: number;
  creditCents: number;
  dueCents: number;
}

/**
 * The liquidation of a VAT return (OD): the period's VAT collected (44571) debited, the
 * deductible VAT (44562, 44566) and the credit carried from the last return (44567) credited,
 * the difference credited to 44551 (to pay) or debited to 44567 (a credit to carry). The coop's
 * own funds: no activity.
 */
export function vatSettlementEntry(s: VatSettlement): Posting {
  const line = (account: string, cents: number, debit: boolean): EntryLine[] =>
    cents === 0 ? [] : [{ account, activityId: null, ...(debit !== cents < 0 ? { debitCents: Math.abs(cents) } : { creditCents: Math.abs(cents) }) }];
  return {
    journal: JOURNALS.misc,
    lines: [
      ...line(ACCOUNTS.vatCollected, s.collectedCents, true),
      ...line(ACCOUNTS.vatDeductibleOnFixedAssets, s.deductibleOnFixedAssetsCents, false),
      ...line(DEDUCTIBLE_VAT_ACCOUNT, s.deductibleOtherCents, false),
      ...line(ACCOUNTS.vatCreditToCarry, s.carriedCreditCents, false),
      ...line(ACCOUNTS.vatPayable, s.dueCents, false),
      ...line(ACCOUNTS.vatCreditToCarry, s.creditCents, true),
    ],
  };
}

/** A deal bringer's commission on a job: what each participating activity pays (negative: gets back), to the bringer's activity. */
export interface Commission {
  bringerActivityId: string;
  payers: readonly { activityId: string; cents: number }[];
}

/**
 * The OD entry of a deal bringer's commission: 6222 debited on each activity that pays it,
 * 7082 credited on the bringer's activity with the total; both sides inside the coop, so it
 * moves money between activities without changing the coop's result. A negative amount (a
 * credit note, a cancelled payment) goes to the other side: the commission given back.
 */
export function commissionEntry(commission: Commission): Posting {
  const side = (cents: number, debit: boolean) => (debit !== cents < 0 ? { debitCents: Math.abs(cents) } : { creditCents: Math.abs(cents) });
  const total = commission.payers.reduce((s, p) => s + p.cents, 0);
  return {
    journal: JOURNALS.misc,
    lines: [
      ...commission.payers.filter((p) => p.cents !== 0).map((p) => ({ account: ACCOUNTS.commissionCharge, activityId: p.activityId, ...side(p.cents, true) })),
      ...(total !== 0 ? [{ account: ACCOUNTS.commissionIncome, activityId: commission.bringerActivityId, ...side(total, false) }] : []),
    ],
  };
}

/** Money received from a client: what it settles per invoice, and what is left on the client's account. */
export interface Receipt {
  amountCents: number;
  /** The account debited: 512 (default) for money on the bank account, 5112 or 530 while it waits to be paid in. */
  depositAccount?: DepositAccount;
  /** The paying client, for the 411 lines' auxiliary account. */
  client?: ClientParty;
  /**
   * Per invoice settled (per activity part for a job's invoice: null for the structure's
   * margin); its id letters the 411 line with the invoice's own.
   */
  settled: readonly { activityId: string | null; invoiceNumber: string; amountCents: number; invoiceId?: string }[];
}

/**
 * The entry of a client's payment: the bank (512, or the sub-account and journal of the bank
 * account the money reached; 5112 / 530 while a cheque or cash waits to be paid in) debited
 * with the amount, the client's
 * receivable (411) credited per invoice it settles, on that invoice's activity; any excess
 * stays credited on 411 with no activity, a credit the client holds (an over-payment).
 */
export function paymentEntry(receipt: Receipt, bank: { account: string; journal: string } = { account: ACCOUNTS.bank, journal: JOURNALS.bank }): Posting {
  const settledCents = receipt.settled.reduce((sum, s) => sum + s.amountCents, 0);
  const excessCents = receipt.amountCents - settledCents;
  return {
    journal: bank.journal,
    lines: [
      { account: receipt.depositAccount && receipt.depositAccount !== ACCOUNTS.bank ? receipt.depositAccount : bank.account, debitCents: receipt.amountCents },
      ...receipt.settled.map((s) => ({
        account: ACCOUNTS.clientReceivables,
        creditCents: s.amountCents,
        activityId: s.activityId,
        label: s.invoiceNumber,
        ...clientAuxiliary(receipt.client),
        ...(s.invoiceId ? { letteringKey: s.invoiceId } : {}),
      })),
      ...(excessCents > 0 ? [{ account: ACCOUNTS.clientReceivables, creditCents: excessCents, label: 'Avoir client (trop-perçu)', ...clientAuxiliary(receipt.client) }] : []),
    ],
  };
}

/**
 * The bank shows money that waited in 5112 (cheques to cash) or 530 (cash): 512 debited, the
 * waiting account credited. Nothing touches 411: the client's payment was booked already.
 */
export function clearingEntry(
  input: { amountCents: number; from: DepositAccount; label?: string },
  bank: { account: string; journal: string } = { account: ACCOUNTS.bank, journal: JOURNALS.bank },
): Posting {
  if (input.from === ACCOUNTS.bank) throw new RangeError('money already on the bank account has nothing to clear');
  return {
    journal: bank.journal,
    lines: [
      { account: bank.account, debitCents: input.amountCents, ...(input.label ? { label: input.label } : {}) },
      { account: input.from, creditCents: input.amountCents, ...(input.label ? { label: input.label } : {}) },
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
