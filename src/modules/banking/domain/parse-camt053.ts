import type { LocalizedText } from '../../../platform/errors.js';
import { decimalToCents } from './decimal-cents.js';
import { child, childrenNamed, readXml, textAt, XmlSyntaxError, type XmlElement } from './read-xml.js';
import type { ParseResult, StatementProblem } from './statement-problem.js';

/**
 * Bank-to-customer statements in ISO 20022 camt.053, the end-of-day statement French banks
 * deliver over EBICS or for download. The versions banks send are read: 001.02 (2009, still the
 * most common), 001.03 and 001.04 (2013-2014, many German and Swiss banks), 001.08 (2019) and
 * 001.10 (2021). What this reader takes from them has the same element names in all five; the
 * differences (a party under `Pty` from .08, `Sts` as a code from .08) are read both ways.
 * Other versions are refused rather than half-read.
 */
export const CAMT053_VERSIONS = ['001.02', '001.03', '001.04', '001.08', '001.10'] as const;
export type Camt053Version = (typeof CAMT053_VERSIONS)[number];

export interface Camt053Entry {
  /** NtryRef: the bank's number of the entry within the statement, when it gives one. */
  entryRef: string | null;
  /**
   * Set when one bank entry carried several transactions (a batch of transfers, a deposit
   * of cheques) and was split into one line per transaction, each of which may settle a
   * different invoice. The lines of a batch add up to the bank entry; a batch whose parts
   * do not (the bank deducted charges) stays one line.
   */
  batch: { index: number; count: number } | null;
  bookingDate: string | null;
  valueDate: string | null;
  /** Signed: a credit to the account is positive, a debit negative. */
  amountCents: number;
  currency: string;
  /** The ISO entry status: BOOK (booked), PDNG (pending), INFO, FUTR… Only BOOK moves the balance. */
  status: string;
  reversal: boolean;
  /** AcctSvcrRef: the bank's own reference of the line (of the transaction, else of the entry). */
  bankRef: string | null;
  /** The payer's end-to-end reference; "NOTPROVIDED" (the SEPA filler) is read as none. */
  endToEndId: string | null;
  /**
   * The batch a debit of several transfers paid, as the ordering party named it: the
   * `PmtInfId` (else the `MsgId`) of the pain.001 the bank executed, when the bank gives it
   * (`NtryDtls/Btch` or the transactions' `Refs`). A batch booked as one line is matched by it.
   */
  batchRef: string | null;
  /**
   * A transfer or debit that came back (returned, rejected): the return information
   * (`RtrInf`) is present, or the bank transaction code says so (…/RRTN, …/UPDD, …/RRJT).
   */
  isReturn: boolean;
  /** The reason the bank gives for a return (`RtrInf/Rsn/Cd`, else its proprietary code), e.g. AC04. */
  returnReason: string | null;
  /** Unstructured remittance lines, then structured creditor references, joined by a space. */
  remittance: string;
  /** Structured creditor references (Strd/CdtrRefInf/Ref), e.g. an RF reference. */
  creditorReferences: string[];
  /** The bank's free label of the line (AddtlTxInf, else AddtlNtryInf). */
  label: string;
  /** Domain/family/sub-family, e.g. "PMNT/RCDT/ESCT" for a received SEPA credit transfer. */
  bankTransactionCode: string | null;
  /** The other party: the debtor of a credit, the creditor of a debit. */
  counterpartyName: string | null;
  counterpartyIban: string | null;
  /** The line of the file where the bank entry starts, to point a person at it. */
  sourceLine: number;
}

export interface Camt053Statement {
  statementId: string;
  /**
   * The account as the bank names it: its IBAN, or, for an account without one (a bank
   * outside the IBAN area, a card or savings account), its `Othr/Id`. `iban` is null then.
   */
  account: { iban: string | null; otherId: string | null; currency: string };
  /** As written by the bank: an ISO date-time that may carry no offset, so no Date is guessed here. */
  createdAt: string;
  openingBalanceCents: number;
  closingBalanceCents: number;
  entries: Camt053Entry[];
}

export interface Camt053Document {
  version: Camt053Version;
  messageId: string;
  statements: Camt053Statement[];
}

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.(\d{3}\.\d{2})$/;

const said = (fr: string, en: string): LocalizedText => ({ fr, en });

/**
 * Reads a camt.053 file. Every problem found is reported with its line and element path;
 * a statement whose booked entries do not lead from its opening to its closing balance is
 * refused, because importing part of a statement would leave the bank account in the
 * books different from the bank's.
 */
export function parseCamt053(xml: string): ParseResult<Camt053Document> {
  let root: XmlElement;
  try {
    root = readXml(xml);
  } catch (err) {
    if (!(err instanceof XmlSyntaxError)) throw err;
    return {
      ok: false,
      problems: [{ line: err.line, column: `column ${err.column}`, message: said(`Fichier XML illisible : ${err.message}`, `Unreadable XML file: ${err.message}`) }],
    };
  }

  const problems: StatementProblem[] = [];
  const problem = (at: XmlElement, path: string, message: LocalizedText) => problems.push({ line: at.line, column: path, message });

  const version = versionOf(root);
  if (root.name !== 'Document' || !(CAMT053_VERSIONS as readonly string[]).includes(version ?? '')) {
    problem(root, root.name, said(
      `Ce fichier n’est pas un relevé camt.053 en version ${CAMT053_VERSIONS.join(', ')}.`,
      `This file is not a camt.053 statement in version ${CAMT053_VERSIONS.join(', ')}.`,
    ));
    return { ok: false, problems };
  }
  const message = child(root, 'BkToCstmrStmt');
  const messageId = textAt(message, 'GrpHdr', 'MsgId');
  if (!message || !messageId) {
    problem(message ?? root, 'BkToCstmrStmt/GrpHdr/MsgId', said('En-tête du relevé absent.', 'The statement header is missing.'));
    return { ok: false, problems };
  }
  const messageCreatedAt = textAt(message, 'GrpHdr', 'CreDtTm');

  const statements: Camt053Statement[] = [];
  childrenNamed(message, 'Stmt').forEach((stmt, s) => {
    const at = `Stmt[${s + 1}]`;
    const before = problems.length;
    const statementId = textAt(stmt, 'Id');
    if (!statementId) problem(stmt, `${at}/Id`, said('Identifiant du relevé absent.', 'The statement has no identifier.'));
    const iban = textAt(stmt, 'Acct', 'Id', 'IBAN');
    const otherId = textAt(stmt, 'Acct', 'Id', 'Othr', 'Id');
    if (!iban && !otherId) problem(stmt, `${at}/Acct/Id`, said('Le compte du relevé n’a ni IBAN ni identifiant (Othr/Id).', 'The statement account has neither an IBAN nor an identifier (Othr/Id).'));

    const balances = childrenNamed(stmt, 'Bal').map((bal, b) => ({
      code: textAt(bal, 'Tp', 'CdOrPrtry', 'Cd'),
      cents: signedAmount(bal, `${at}/Bal[${b + 1}]`, problem),
      currency: child(bal, 'Amt')?.attributes.Ccy ?? null,
    }));
    const opening = balances.find((b) => b.code === 'OPBD') ?? balances.find((b) => b.code === 'PRCD');
    const closing = balances.find((b) => b.code === 'CLBD');
    if (!opening) problem(stmt, `${at}/Bal`, said('Solde d’ouverture (OPBD ou PRCD) absent.', 'No opening balance (OPBD or PRCD).'));
    if (!closing) problem(stmt, `${at}/Bal`, said('Solde de clôture (CLBD) absent.', 'No closing balance (CLBD).'));
    const currency = textAt(stmt, 'Acct', 'Ccy') ?? closing?.currency ?? opening?.currency ?? null;
    if (!currency) problem(stmt, `${at}/Acct/Ccy`, said('Devise du compte inconnue.', 'The account currency is unknown.'));

    const entries = childrenNamed(stmt, 'Ntry').flatMap((ntry, n) => readEntry(ntry, `${at}/Ntry[${n + 1}]`, problem));
    if (problems.length > before || !opening || !closing || opening.cents === null || closing.cents === null) return;

    for (const entry of entries) {
      if (entry.currency !== currency) {
        problem(stmt, `${at}/Ntry`, said(
          `Écriture en ${entry.currency} sur un compte en ${currency}.`,
          `An entry in ${entry.currency} on an account in ${currency}.`,
        ));
        return;
      }
    }
    const booked = entries.filter((e) => e.status === 'BOOK').reduce((sum, e) => sum + e.amountCents, 0);
    if (opening.cents + booked !== closing.cents) {
      problem(stmt, `${at}/Bal`, said(
        `Les écritures comptabilisées (${formatCents(booked)}) ne mènent pas du solde d’ouverture (${formatCents(opening.cents)}) au solde de clôture (${formatCents(closing.cents)}) : relevé incomplet ?`,
        `The booked entries (${formatCents(booked)}) do not lead from the opening balance (${formatCents(opening.cents)}) to the closing balance (${formatCents(closing.cents)}): incomplete statement?`,
      ));
      return;
    }
    statements.push({
      statementId: statementId!,
      account: { iban: iban ? iban.replace(/\s/g, '').toUpperCase() : null, otherId: iban ? null : otherId!.trim(), currency: currency! },
      createdAt: textAt(stmt, 'CreDtTm') ?? messageCreatedAt ?? '',
      openingBalanceCents: opening.cents,
      closingBalanceCents: closing.cents,
      entries,
    });
  });

  if (problems.length) return { ok: false, problems };
  if (!statements.length) {
    problem(message, 'BkToCstmrStmt/Stmt', said('Le fichier ne contient aucun relevé.', 'The file holds no statement.'));
    return { ok: false, problems };
  }
  return { ok: true, value: { version: version as Camt053Version, messageId, statements } };
}

/**
 * The camt.053 version named by the root's namespace, declared as the default namespace
 * (`xmlns="…"`) or bound to a prefix (`<camt:Document xmlns:camt="…">`, as some banks' tools write).
 */
function versionOf(root: XmlElement): string | undefined {
  for (const [attribute, value] of Object.entries(root.attributes)) {
    if (attribute !== 'xmlns' && !attribute.startsWith('xmlns:')) continue;
    const version = NAMESPACE.exec(value.trim())?.[1];
    if (version) return version;
  }
  return undefined;
}

type Report = (at: XmlElement, path: string, message: LocalizedText) => void;

/** An `Amt` + `CdtDbtInd` pair as signed cents; null (and a problem) when unreadable. */
function signedAmount(holder: XmlElement, path: string, problem: Report, inheritedDirection?: string | null): number | null {
  const amt = child(holder, 'Amt');
  const cents = amt ? decimalToCents(amt.text.trim()) : null;
  if (cents === null || cents < 0) {
    problem(amt ?? holder, `${path}/Amt`, said(
      `Montant illisible « ${amt?.text.trim() ?? ''} » (au plus deux décimales utiles).`,
      `Unreadable amount "${amt?.text.trim() ?? ''}" (at most two significant decimals).`,
    ));
    return null;
  }
  const direction = textAt(holder, 'CdtDbtInd') ?? inheritedDirection;
  if (direction !== 'CRDT' && direction !== 'DBIT') {
    problem(holder, `${path}/CdtDbtInd`, said('Sens (CRDT ou DBIT) absent ou inconnu.', 'Direction (CRDT or DBIT) missing or unknown.'));
    return null;
  }
  return direction === 'DBIT' ? -cents : cents;
}

/** A YYYY-MM-DD that names a day of the calendar (not 2026-02-30), as the date columns require. */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dateOf = (holder: XmlElement | undefined) => {
  const value = textAt(holder, 'Dt') ?? textAt(holder, 'DtTm');
  return value ? value.slice(0, 10) : null;
};

/** A party's name in both shapes: `Dbtr/Nm` (001.02) and `Dbtr/Pty/Nm` (001.08). */
const partyName = (party: XmlElement | undefined) =>
  textAt(party, 'Nm') ?? textAt(party, 'Pty', 'Nm') ?? textAt(party, 'Agt', 'FinInstnId', 'Nm');

const collapse = (parts: (string | null | undefined)[]) =>
  parts.filter((p): p is string => Boolean(p)).join(' ').replace(/\s+/g, ' ').trim();

/**
 * The ISO bank transaction code (domain/family/sub-family) of an entry or a transaction,
 * else the bank's proprietary code. Banks put it on the entry, on each transaction, or both.
 */
function bankTransactionCodeOf(holder: XmlElement | undefined): string | null {
  const domain = child(holder, 'BkTxCd', 'Domn');
  if (domain) return collapse([textAt(domain, 'Cd'), textAt(domain, 'Fmly', 'Cd'), textAt(domain, 'Fmly', 'SubFmlyCd')]).replace(/ /g, '/') || null;
  return textAt(holder, 'BkTxCd', 'Prtry', 'Cd');
}

interface TransactionReading {
  bankTransactionCode: string | null;
  amountCents: number | null;
  currency: string | null;
  bankRef: string | null;
  endToEndId: string | null;
  batchRef: string | null;
  returnInfo: boolean;
  returnReason: string | null;
  ustrd: string[];
  creditorReferences: string[];
  label: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
}

function readTransaction(tx: XmlElement, path: string, entryDirection: string | null, problem: Report): TransactionReading {
  const own = child(tx, 'Amt') ?? child(tx, 'AmtDtls', 'TxAmt', 'Amt');
  let amountCents: number | null = null;
  if (own) {
    const holder: XmlElement = { ...tx, children: [own, ...childrenNamed(tx, 'CdtDbtInd')] };
    amountCents = signedAmount(holder, path, problem, entryDirection);
  }
  const credit = entryDirection === 'CRDT';
  const parties = child(tx, 'RltdPties');
  const side = credit ? 'Dbtr' : 'Cdtr';
  const endToEndId = textAt(tx, 'Refs', 'EndToEndId');
  const rmtInf = child(tx, 'RmtInf');
  return {
    bankTransactionCode: bankTransactionCodeOf(tx),
    amountCents,
    currency: own?.attributes.Ccy ?? null,
    bankRef: textAt(tx, 'Refs', 'AcctSvcrRef'),
    endToEndId: endToEndId && endToEndId !== 'NOTPROVIDED' ? endToEndId : null,
    batchRef: textAt(tx, 'Refs', 'PmtInfId') ?? textAt(tx, 'Refs', 'MsgId'),
    returnInfo: Boolean(child(tx, 'RtrInf')),
    returnReason: textAt(tx, 'RtrInf', 'Rsn', 'Cd') ?? textAt(tx, 'RtrInf', 'Rsn', 'Prtry'),
    ustrd: childrenNamed(rmtInf, 'Ustrd').map((u) => u.text.trim()).filter(Boolean),
    creditorReferences: childrenNamed(rmtInf, 'Strd')
      .map((strd) => textAt(strd, 'CdtrRefInf', 'Ref'))
      .filter((r): r is string => Boolean(r)),
    label: textAt(tx, 'AddtlTxInf'),
    counterpartyName: partyName(child(parties, side)) ?? partyName(child(parties, `Ultmt${side}`)),
    counterpartyIban: textAt(parties, `${side}Acct`, 'Id', 'IBAN'),
  };
}

function readEntry(ntry: XmlElement, path: string, problem: Report): Camt053Entry[] {
  let problemsFound = 0;
  const counting: Report = (at, p, m) => {
    problemsFound += 1;
    problem(at, p, m);
  };
  const amountCents = signedAmount(ntry, path, counting);
  const amt = child(ntry, 'Amt');
  const currency = amt?.attributes.Ccy ?? '';
  const direction = textAt(ntry, 'CdtDbtInd');
  const status = textAt(ntry, 'Sts') ?? textAt(ntry, 'Sts', 'Cd') ?? textAt(ntry, 'Sts', 'Prtry');
  if (!status) counting(ntry, `${path}/Sts`, said('Statut de l’écriture absent.', 'The entry has no status.'));
  const entryCode = bankTransactionCodeOf(ntry);

  const transactions = childrenNamed(ntry, 'NtryDtls')
    .flatMap((details) => childrenNamed(details, 'TxDtls'))
    .map((tx, t) => readTransaction(tx, `${path}/NtryDtls/TxDtls[${t + 1}]`, direction, counting));
  for (const [element, holder] of [['BookgDt', child(ntry, 'BookgDt')], ['ValDt', child(ntry, 'ValDt')]] as const) {
    const date = dateOf(holder);
    if (date !== null && !isCalendarDate(date)) {
      counting(holder ?? ntry, `${path}/${element}`, said(`Date impossible : ${date}.`, `Impossible date: ${date}.`));
    }
  }
  if (problemsFound || amountCents === null) return [];

  const base = {
    entryRef: textAt(ntry, 'NtryRef'),
    bookingDate: dateOf(child(ntry, 'BookgDt')),
    valueDate: dateOf(child(ntry, 'ValDt')),
    currency,
    status: status!,
    reversal: textAt(ntry, 'RvslInd') === 'true',
    sourceLine: ntry.line,
  };
  const entryBankRef = textAt(ntry, 'AcctSvcrRef');
  const entryLabel = textAt(ntry, 'AddtlNtryInf');
  const btch = childrenNamed(ntry, 'NtryDtls').map((details) => child(details, 'Btch')).find(Boolean);
  const entryBatchRef = textAt(btch, 'PmtInfId') ?? textAt(btch, 'MsgId');

  const splittable =
    transactions.length > 1 &&
    transactions.every((t) => t.amountCents !== null && (t.currency ?? currency) === currency) &&
    transactions.reduce((sum, t) => sum + t.amountCents!, 0) === amountCents;
  if (splittable) {
    return transactions.map((t, index) => ({
      ...base,
      batch: { index: index + 1, count: transactions.length },
      bankTransactionCode: entryCode ?? t.bankTransactionCode,
      amountCents: t.amountCents!,
      bankRef: t.bankRef ?? entryBankRef,
      endToEndId: t.endToEndId,
      batchRef: t.batchRef ?? entryBatchRef,
      isReturn: t.returnInfo || isReturnCode(entryCode ?? t.bankTransactionCode),
      returnReason: t.returnReason,
      remittance: collapse([...t.ustrd, ...t.creditorReferences]),
      creditorReferences: t.creditorReferences,
      label: t.label ?? entryLabel ?? '',
      counterpartyName: t.counterpartyName,
      counterpartyIban: t.counterpartyIban,
    }));
  }

  // One line for the entry: it carried one transaction, or a batch whose parts have no
  // amount of their own or do not add up to it (charges deducted by the bank), so the line
  // keeps the amount that really moved and gathers the references of its parts.
  const one = transactions.length === 1 ? transactions[0] : undefined;
  const same = <K extends keyof TransactionReading>(key: K) => {
    const values = new Set(transactions.map((t) => t[key]));
    return values.size === 1 ? (transactions[0]![key] as TransactionReading[K]) : null;
  };
  return [
    {
      ...base,
      batch: null,
      bankTransactionCode: entryCode ?? (transactions.length ? (same('bankTransactionCode') as string | null) : null),
      amountCents,
      bankRef: one?.bankRef ?? entryBankRef,
      endToEndId: one?.endToEndId ?? null,
      batchRef: entryBatchRef ?? (transactions.length ? (same('batchRef') as string | null) : null),
      isReturn: transactions.some((t) => t.returnInfo) || isReturnCode(entryCode ?? (transactions.length ? (same('bankTransactionCode') as string | null) : null)),
      returnReason: one?.returnReason ?? (transactions.length ? (same('returnReason') as string | null) : null),
      remittance: collapse(transactions.flatMap((t) => [...t.ustrd, ...t.creditorReferences])),
      creditorReferences: transactions.flatMap((t) => t.creditorReferences),
      label: collapse([one?.label ?? entryLabel]),
      counterpartyName: transactions.length ? (same('counterpartyName') as string | null) : null,
      counterpartyIban: transactions.length ? (same('counterpartyIban') as string | null) : null,
    },
  ];
}

/**
 * ISO bank transaction sub-families of a payment that came back: a returned or rejected
 * credit transfer (RRTN, RRJT), an unpaid or returned direct debit (UPDD, RRTN), whatever the family.
 */
const RETURN_SUB_FAMILIES = new Set(['RRTN', 'RRJT', 'UPDD', 'RPCR']);
function isReturnCode(code: string | null): boolean {
  if (!code) return false;
  const parts = code.split('/');
  return parts.length === 3 && parts[0] === 'PMNT' && RETURN_SUB_FAMILIES.has(parts[2]!);
}

function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
