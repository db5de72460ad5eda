import { XMLBuilder } from 'fast-xml-parser';

export const PAIN_VERSIONS = ['pain.008.001.08', 'pain.008.001.02'] as const;
export type PainVersion = (typeof PAIN_VERSIONS)[number];

export interface DirectDebitItem {
  endToEndId: string;
  amountCents: number;
  sequenceType: 'FRST' | 'RCUR';
  mandateReference: string;
  signedOn: string;
  /** The IBAN before an amendment this debit is the first to carry. */
  amendedFromIban: string | null;
  debtorName: string;
  debtorIban: string;
  debtorBic: string | null;
  remittance: string;
}

export interface DirectDebitFile {
  version: PainVersion;
  messageId: string;
  createdAt: Date;
  collectionDate: string;
  creditor: { name: string; iban: string; bic: string | null; creditorId: string };
  items: readonly DirectDebitItem[];
}

const amount = (cents: number) => (cents / 100).toFixed(2);
const sum = (items: readonly { amountCents: number }[]) => items.reduce((s, i) => s + i.amountCents, 0);

/** A bank by its BIC; NOTPROVIDED where it is unknown (the IBAN-only rule of the SEPA regulation, art. 5(7)). */
const agent = (version: PainVersion, bic: string | null) => ({ FinInstnId: bic ? { [version === 'pain.008.001.08' ? 'BICFI' : 'BIC']: bic } : { Othr: { Id: 'NOTPROVIDED' } } });

/** The bank code of an IBAN (its 4 characters after the check digits, enough to tell two banks apart in the files' test). */
const sameBank = (a: string, b: string) => a.slice(0, 2) === b.slice(0, 2) && a.slice(4, 9) === b.slice(4, 9);

/**
 * An amended mandate's first debit tells the debtor's bank what changed (rulebook AT-24):
 * the former IBAN when the account moved within the same bank, "SMNDA" (same mandate, new
 * debtor agent) when it moved to another bank.
 */
function amendment(item: DirectDebitItem) {
  if (!item.amendedFromIban || item.amendedFromIban === item.debtorIban) return { AmdmntInd: false };
  const original = sameBank(item.amendedFromIban, item.debtorIban) ? { Id: { IBAN: item.amendedFromIban } } : { Id: { Othr: { Id: 'SMNDA' } } };
  return { AmdmntInd: true, AmdmntInfDtls: { OrgnlDbtrAcct: original } };
}

/**
 * A SEPA Core direct debit initiation (pain.008, version .08 or .02 as the coop's bank reads):
 * one payment information block per sequence type (a bank refuses FRST and RCUR mixed), each
 * with its count and control sum, the group header with the file's. Every text is already
 * in the SEPA character set (the caller cuts names and references).
 */
export function buildPain008(file: DirectDebitFile): string {
  if (file.items.length === 0) throw new RangeError('a collection holds at least one debit');
  const groups = (['FRST', 'RCUR'] as const).map((seq) => ({ seq, items: file.items.filter((i) => i.sequenceType === seq) })).filter((g) => g.items.length > 0);
  const creationTime = file.createdAt.toISOString().slice(0, 19);
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Document: {
      '@_xmlns': `urn:iso:std:iso:20022:tech:xsd:${file.version}`,
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      CstmrDrctDbtInitn: {
        GrpHdr: {
          MsgId: file.messageId,
          CreDtTm: creationTime,
          NbOfTxs: String(file.items.length),
          CtrlSum: amount(sum(file.items)),
          InitgPty: { Nm: file.creditor.name },
        },
        PmtInf: groups.map((g) => ({
          PmtInfId: `${file.messageId}-${g.seq}`,
          PmtMtd: 'DD',
          BtchBookg: true,
          NbOfTxs: String(g.items.length),
          CtrlSum: amount(sum(g.items)),
          PmtTpInf: { SvcLvl: { Cd: 'SEPA' }, LclInstrm: { Cd: 'CORE' }, SeqTp: g.seq },
          ReqdColltnDt: file.collectionDate,
          Cdtr: { Nm: file.creditor.name },
          CdtrAcct: { Id: { IBAN: file.creditor.iban } },
          CdtrAgt: agent(file.version, file.creditor.bic),
          ChrgBr: 'SLEV',
          CdtrSchmeId: { Id: { PrvtId: { Othr: { Id: file.creditor.creditorId, SchmeNm: { Prtry: 'SEPA' } } } } },
          DrctDbtTxInf: g.items.map((i) => ({
            PmtId: { EndToEndId: i.endToEndId },
            InstdAmt: { '@_Ccy': 'EUR', '#text': amount(i.amountCents) },
            DrctDbtTx: { MndtRltdInf: { MndtId: i.mandateReference, DtOfSgntr: i.signedOn, ...amendment(i) } },
            DbtrAgt: agent(file.version, i.debtorBic),
            Dbtr: { Nm: i.debtorName },
            DbtrAcct: { Id: { IBAN: i.debtorIban } },
            RmtInf: { Ustrd: i.remittance },
          })),
        })),
      },
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressBooleanAttributes: false });
  return builder.build(doc) as string;
}
