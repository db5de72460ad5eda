/**
 * Builds a camt.053.001.02 statement for tests, as a French bank sends it after executing (or
 * returning) the coop's transfers: one `Ntry` per movement, with `TxDtls` per transaction.
 * The balances are computed so the file is accepted (opening + booked = closing).
 */
export interface CamtTx {
  amountCents: number;
  endToEndId?: string;
  pmtInfId?: string;
  name?: string;
  ustrd?: string;
  returnReason?: string;
}
export interface CamtEntry {
  /** Signed: a debit of the account is negative. */
  amountCents: number;
  bookingDate: string;
  code?: string;
  /** Transactions with amounts (split per transaction), or without (`amountCents` kept only on the entry). */
  txs?: CamtTx[];
  txAmounts?: boolean;
  batch?: { pmtInfId?: string; msgId?: string; count: number };
  label?: string;
}

const euros = (cents: number) => (Math.abs(cents) / 100).toFixed(2);

export function buildCamt053(input: { iban: string; statementId: string; openingCents?: number; entries: CamtEntry[] }): string {
  const opening = input.openingCents ?? 1_000_000;
  const closing = input.entries.reduce((sum, e) => sum + e.amountCents, opening);
  const bal = (code: string, cents: number, date: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${euros(cents)}</Amt><CdtDbtInd>${cents < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
  const day = input.entries[0]?.bookingDate ?? '2026-11-30';
  const entries = input.entries
    .map((e, i) => {
      const dir = e.amountCents < 0 ? 'DBIT' : 'CRDT';
      const [domain, family, sub] = (e.code ?? (e.amountCents < 0 ? 'PMNT/ICDT/ESCT' : 'PMNT/RCDT/ESCT')).split('/');
      const txs = (e.txs ?? [])
        .map((t) => {
          const side = e.amountCents < 0 ? 'Cdtr' : 'Dbtr';
          return `<TxDtls><Refs>${t.pmtInfId ? `<PmtInfId>${t.pmtInfId}</PmtInfId>` : ''}<EndToEndId>${t.endToEndId ?? 'NOTPROVIDED'}</EndToEndId></Refs>${
            e.txAmounts === false ? '' : `<AmtDtls><TxAmt><Amt Ccy="EUR">${euros(t.amountCents)}</Amt></TxAmt></AmtDtls>`
          }${t.name ? `<RltdPties><${side}><Nm>${t.name}</Nm></${side}></RltdPties>` : ''}${t.ustrd ? `<RmtInf><Ustrd>${t.ustrd}</Ustrd></RmtInf>` : ''}${
            t.returnReason ? `<RtrInf><Rsn><Cd>${t.returnReason}</Cd></Rsn></RtrInf>` : ''
          }</TxDtls>`;
        })
        .join('');
      const batch = e.batch
        ? `<Btch>${e.batch.msgId ? `<MsgId>${e.batch.msgId}</MsgId>` : ''}${e.batch.pmtInfId ? `<PmtInfId>${e.batch.pmtInfId}</PmtInfId>` : ''}<NbOfTxs>${e.batch.count}</NbOfTxs></Btch>`
        : '';
      return `<Ntry><NtryRef>${i + 1}</NtryRef><Amt Ccy="EUR">${euros(e.amountCents)}</Amt><CdtDbtInd>${dir}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${e.bookingDate}</Dt></BookgDt><ValDt><Dt>${e.bookingDate}</Dt></ValDt><AcctSvcrRef>REF${i + 1}-${input.statementId}</AcctSvcrRef><BkTxCd><Domn><Cd>${domain}</Cd><Fmly><Cd>${family}</Cd><SubFmlyCd>${sub}</SubFmlyCd></Fmly></Domn></BkTxCd>${
        batch || txs ? `<NtryDtls>${batch}${txs}</NtryDtls>` : ''
      }${e.label ? `<AddtlNtryInf>${e.label}</AddtlNtryInf>` : ''}</Ntry>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>MSG-${input.statementId}</MsgId><CreDtTm>${day}T20:00:00</CreDtTm></GrpHdr><Stmt><Id>${input.statementId}</Id><CreDtTm>${day}T20:00:00</CreDtTm><Acct><Id><IBAN>${input.iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>${bal('OPBD', opening, day)}${bal('CLBD', closing, day)}${entries}</Stmt></BkToCstmrStmt></Document>`;
}
