import { XMLBuilder } from 'fast-xml-parser';
import { centsToDecimal, SEPA_LIMITS, toSepaText } from './sepa-text.js';

/**
 * The two versions of the SEPA credit transfer initiation French banks take: 001.001.09 (the
 * 2019 message the EPC rulebook asks for since November 2025) and 001.001.03 (2009), which
 * many banks' EBICS channels still require.
 */
export const PAIN001_VERSIONS = ['001.001.09', '001.001.03'] as const;
export type Pain001Version = (typeof PAIN001_VERSIONS)[number];

export interface Pain001Transfer {
  endToEndId: string;
  amountCents: number;
  creditorName: string;
  creditorIban: string;
  creditorBic: string | null;
  remittance: string;
}

export interface Pain001Input {
  version: Pain001Version;
  messageId: string;
  paymentInfoId: string;
  /** ISO date-time of creation, passed in: no clock is read here. */
  createdAt: string;
  executionDate: string;
  debtor: { name: string; iban: string; bic: string | null };
  transfers: Pain001Transfer[];
}

/**
 * Builds the pain.001 of a batch: one payment information block (one debit of the coop's
 * account, one execution date), one transaction per transfer. NbOfTxs and CtrlSum are
 * computed from the transfers, names and texts are cut and transliterated to what SEPA
 * banks take, amounts written from cents. Validated against the official XSD by
 * scripts/validate-sepa.sh for every file the tests build.
 *
 * Built with fast-xml-parser's XMLBuilder (already a dependency) rather than a SEPA
 * library: the npm `sepa` package writes pain.001.001.03 (and .08/.09 only partly, with
 * a float sum), which would leave the 2019 version, now the one banks ask for, to us anyway.
 */
export function buildPain001(input: Pain001Input): string {
  if (input.transfers.length === 0) throw new RangeError('a batch holds at least one transfer');
  const v09 = input.version === '001.001.09';
  const total = input.transfers.reduce((sum, t) => sum + t.amountCents, 0);
  const count = String(input.transfers.length);
  const agent = (bic: string | null) => ({ FinInstnId: bic ? (v09 ? { BICFI: bic } : { BIC: bic }) : { Othr: { Id: 'NOTPROVIDED' } } });
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Document: {
      '@_xmlns': `urn:iso:std:iso:20022:tech:xsd:pain.${input.version}`,
      CstmrCdtTrfInitn: {
        GrpHdr: {
          MsgId: input.messageId,
          CreDtTm: input.createdAt,
          NbOfTxs: count,
          CtrlSum: centsToDecimal(total),
          InitgPty: { Nm: toSepaText(input.debtor.name, SEPA_LIMITS.name) },
        },
        PmtInf: {
          PmtInfId: input.paymentInfoId,
          PmtMtd: 'TRF',
          BtchBookg: 'true',
          NbOfTxs: count,
          CtrlSum: centsToDecimal(total),
          PmtTpInf: { SvcLvl: { Cd: 'SEPA' } },
          ReqdExctnDt: v09 ? { Dt: input.executionDate } : input.executionDate,
          Dbtr: { Nm: toSepaText(input.debtor.name, SEPA_LIMITS.name) },
          DbtrAcct: { Id: { IBAN: input.debtor.iban } },
          DbtrAgt: agent(input.debtor.bic),
          ChrgBr: 'SLEV',
          CdtTrfTxInf: input.transfers.map((t) => ({
            PmtId: { EndToEndId: t.endToEndId },
            Amt: { InstdAmt: { '@_Ccy': 'EUR', '#text': centsToDecimal(t.amountCents) } },
            ...(t.creditorBic ? { CdtrAgt: agent(t.creditorBic) } : {}),
            Cdtr: { Nm: toSepaText(t.creditorName, SEPA_LIMITS.name) || 'NOTPROVIDED' },
            CdtrAcct: { Id: { IBAN: t.creditorIban } },
            RmtInf: { Ustrd: toSepaText(t.remittance, SEPA_LIMITS.remittance) || t.endToEndId },
          })),
        },
      },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true }).build(document) as string;
}
