import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCamt053 } from '../../../../test/support/camt053-builder.js';
import { parseCamt053, type Camt053Document } from './parse-camt053.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const V02 = fixture('camt053-v02-credit-cooperatif.xml');
const V08 = fixture('camt053-v08-banque-postale.xml');

function read(xml: string): Camt053Document {
  const result = parseCamt053(xml);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}

function problemsOf(xml: string) {
  const result = parseCamt053(xml);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('reading a camt.053.001.02 bank statement', () => {
  const doc = read(V02);
  const [statement] = doc.statements;
  const entries = statement!.entries;

  it('reads the statement header, the account and its opening and closing balances in cents', () => {
    expect(doc.version).toBe('001.02');
    expect(doc.messageId).toBe('CAMT053-20261120-000184');
    expect(statement).toMatchObject({
      statementId: '0812345678921-2026-11-20-224',
      account: { iban: 'FR7642559100000812345678921', currency: 'EUR' },
      createdAt: '2026-11-21T06:12:40+01:00',
      openingBalanceCents: 1_234_567,
      closingBalanceCents: 1_751_347,
    });
  });

  it('reads a client transfer as a credit with its invoice number, payer, bank and end-to-end references', () => {
    expect(entries[0]).toMatchObject({
      entryRef: '1',
      batch: null,
      bookingDate: '2026-11-20',
      valueDate: '2026-11-20',
      amountCents: 144_000,
      currency: 'EUR',
      status: 'BOOK',
      bankRef: '20261120CRT0000417',
      endToEndId: 'ADB-VIR-2026-1187',
      remittance: 'Reglement facture F2026-00042 du 15/10/2026 - merci',
      label: 'VIR SEPA RECU /DE ATELIER DU BOIS SARL',
      bankTransactionCode: 'PMNT/RCDT/ESCT',
      counterpartyName: 'ATELIER DU BOIS SARL',
      counterpartyIban: 'FR7630004000031234567890143',
    });
  });

  it('takes the structured creditor reference into the remittance and reads NOTPROVIDED as no end-to-end reference', () => {
    expect(entries[1]).toMatchObject({
      amountCents: 258_000,
      remittance: 'F2026-00045',
      creditorReferences: ['F2026-00045'],
      endToEndId: null,
      bankRef: '20261120CRT0000422',
      counterpartyName: 'COMMUNE DE SAINT-MALO',
    });
  });

  it('reads a direct debit as a negative amount whose counterparty is the creditor', () => {
    expect(entries[2]).toMatchObject({
      amountCents: -8_990,
      bankTransactionCode: 'PMNT/RDDT/ESDD',
      counterpartyName: 'ORANGE SA',
      counterpartyIban: 'FR7630003030100005001234567',
      remittance: 'Facture Pro 11/2026 ligne 02 99 12 34 56',
    });
  });

  it('reads a bank fee without transaction details as one debit line with the bank label', () => {
    expect(entries[3]).toMatchObject({
      amountCents: -1_230,
      label: 'COTISATION CARTE BUSINESS 4970 **** 1234',
      remittance: '',
      counterpartyName: null,
      bankRef: '20261120COM0000011',
    });
  });

  it('splits a batch entry into one line per transfer, adding up to the bank entry', () => {
    const batch = entries.filter((e) => e.entryRef === '5');
    expect(batch.map((e) => [e.batch, e.amountCents, e.bankRef, e.counterpartyName])).toEqual([
      [{ index: 1, count: 3 }, 50_000, '20261120LOT0000007-1', 'LA BOULANGERIE MARTIN'],
      [{ index: 2, count: 3 }, 45_000, '20261120LOT0000007-2', 'M. OU MME LEFEVRE PIERRE'],
      [{ index: 3, count: 3 }, 30_000, '20261120LOT0000007-3', "ASSOCIATION LES P'TITS POTAGERS"],
    ]);
    expect(batch[2]!.remittance).toBe('Atelier jardinage & compostage oct.');
    expect(batch.every((e) => e.valueDate === '2026-11-21' && e.label === 'REMISE VIREMENTS SEPA RECUS 3 OPERATIONS')).toBe(true);
    expect(entries).toHaveLength(7);
  });
});

describe('reading a camt.053.001.08 bank statement', () => {
  const doc = read(V08);
  const [statement] = doc.statements;
  const entries = statement!.entries;

  it('takes the previous closing balance as the opening balance when the bank gives no OPBD', () => {
    expect(doc.version).toBe('001.08');
    expect(statement).toMatchObject({
      statementId: 'LBP-20261123-0000123456X',
      account: { iban: 'FR7620041010050000123456X12', currency: 'EUR' },
      openingBalanceCents: 1_751_347,
      closingBalanceCents: 1_825_481,
    });
  });

  it('reads the status code, the party inside Pty and an ISO 11649 creditor reference', () => {
    expect(entries[0]).toMatchObject({
      status: 'BOOK',
      amountCents: 96_000,
      counterpartyName: 'BIOCOOP DES REMPARTS',
      counterpartyIban: 'FR7614445004000400012345678',
      remittance: 'RF55F202600047',
      endToEndId: 'BIOCOOP-2026-11-0877',
      bankRef: '2611230001VIR',
    });
    expect(entries[1]).toMatchObject({ amountCents: -123_456, counterpartyName: 'URSSAF BRETAGNE' });
    expect(entries[2]).toMatchObject({ amountCents: -450, bankTransactionCode: 'PMNT/CCRD/CHRG', valueDate: '2026-11-22' });
  });

  it('splits a batch by the amounts of its transactions and keeps the booking day of a date-time', () => {
    const batch = entries.filter((e) => e.entryRef === '225-004');
    expect(batch.map((e) => [e.amountCents, e.counterpartyName, e.bookingDate])).toEqual([
      [70_000, 'Garage Charpentier & Fils', '2026-11-23'],
      [32_040, 'Hélène Kerbrat', '2026-11-23'],
    ]);
  });

  it('keeps a pending entry as pending, outside the booked balance', () => {
    const pending = entries.find((e) => e.entryRef === '225-005');
    expect(pending).toMatchObject({ status: 'PDNG', bookingDate: null, amountCents: 15_000 });
  });
});

describe('refusing a statement that cannot be trusted', () => {
  it('refuses a statement whose booked entries do not lead to its closing balance', () => {
    const problems = problemsOf(V02.replace('<Amt Ccy="EUR">17513.47</Amt>', '<Amt Ccy="EUR">17513.48</Amt>'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.column).toBe('Stmt[1]/Bal');
    expect(problems[0]!.message.en).toContain('incomplete statement');
  });

  it('refuses an amount with a fraction of a cent, pointing at its line and element', () => {
    const xml = V02.replace('<Amt Ccy="EUR">89.90</Amt>', '<Amt Ccy="EUR">89.905</Amt>');
    const line = xml.split('\n').findIndex((l) => l.includes('89.905')) + 1;
    expect(problemsOf(xml)).toEqual([expect.objectContaining({ line, column: 'Stmt[1]/Ntry[3]/Amt' })]);
  });

  it('keeps a batch whole when its transactions do not add up to the bank entry (charges deducted)', () => {
    const doc = read(V08.replace('<Amt Ccy="EUR">320.40</Amt>', '<Amt Ccy="EUR">320.90</Amt>'));
    const batch = doc.statements[0]!.entries.filter((e) => e.entryRef === '225-004');
    expect(batch).toHaveLength(1);
    expect(batch[0]).toMatchObject({
      batch: null,
      amountCents: 102_040,
      counterpartyName: null,
      remittance: 'Fact. F2026-00044 / F2026-00049 Cours de céramique – novembre',
      bankRef: '2611230004LOT',
    });
  });

  it('refuses an entry with no direction', () => {
    const problems = problemsOf(V02.replace(/<CdtDbtInd>DBIT<\/CdtDbtInd>/, '<CdtDbtInd>DEBIT</CdtDbtInd>'));
    expect(problems[0]!.column).toBe('Stmt[1]/Ntry[3]/CdtDbtInd');
  });

  it('refuses another message or another camt.053 version', () => {
    expect(problemsOf(V02.replace('xsd:camt.053.001.02', 'xsd:camt.053.001.05'))[0]!.message.en).toContain('001.02, 001.03, 001.04, 001.08, 001.10');
    expect(problemsOf('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"/>')[0]!.line).toBe(1);
  });

  it('reports broken XML with its line and column', () => {
    const problems = problemsOf('<?xml version="1.0"?>\n<Document>\n  <BkToCstmrStmt>\n</Document>');
    expect(problems[0]).toMatchObject({ line: 4 });
    expect(problems[0]!.message.fr).toContain('Fichier XML illisible');
  });

  it('refuses a DOCTYPE, which a bank never sends and which could expand entities', () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE lol [<!ENTITY lol "lol">]>\n<Document/>';
    expect(problemsOf(xml)[0]).toMatchObject({ line: 2 });
  });

  it('refuses an entry booked on a day the calendar does not have, on that element', () => {
    const first = V02.indexOf('<BookgDt>');
    const bad = V02.slice(0, first) + V02.slice(first).replace(/<Dt>\d{4}-\d{2}-\d{2}<\/Dt>/, '<Dt>2026-02-30</Dt>');
    const result = parseCamt053(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => [p.column.endsWith('/BookgDt'), p.message.en])).toContainEqual([true, 'Impossible date: 2026-02-30.']);
  });
});

describe('reading the camt.053 versions banks send', () => {
  const cases = [
    ['camt053-v02-small.xml', '001.02', { iban: 'FR7630006000011234567890189', otherId: null }],
    ['camt053-v02-prefixed-othr-id.xml', '001.02', { iban: null, otherId: '44001234567' }],
    ['camt053-v03-small.xml', '001.03', { iban: 'FR7630006000011234567890189', otherId: null }],
    ['camt053-v04-prefixed.xml', '001.04', { iban: 'FR7630006000011234567890189', otherId: null }],
    ['camt053-v08-othr-id-tx-codes.xml', '001.08', { iban: null, otherId: '44001234567' }],
    ['camt053-v10-small.xml', '001.10', { iban: 'FR7630006000011234567890189', otherId: null }],
  ] as const;

  it.each(cases)('reads %s (version %s): the account, the balances and both entries with their bank transaction codes', (name, version, account) => {
    const doc = read(fixture(name));
    expect(doc.version).toBe(version);
    const [statement] = doc.statements;
    expect(statement).toMatchObject({ account: { ...account, currency: 'EUR' }, openingBalanceCents: 100_000, closingBalanceCents: 123_750 });
    expect(statement!.entries.map((e) => [e.amountCents, e.status, e.bankTransactionCode])).toEqual([
      [25_000, 'BOOK', 'PMNT/RCDT/ESCT'],
      [-1_250, 'BOOK', 'ACMT/MDOP/CHRG'],
    ]);
    expect(statement!.entries[0]).toMatchObject({ counterpartyName: 'ATELIER DU BOIS SARL', remittance: 'Facture F2026-00042' });
  });

  it('takes the bank transaction code from the transaction when the entry carries an empty one', () => {
    const xml = fixture('camt053-v10-small.xml');
    expect(xml).toContain('<BkTxCd/>');
    expect(read(xml).statements[0]!.entries[1]!.bankTransactionCode).toBe('ACMT/MDOP/CHRG');
  });

  it('reads the account currency of a statement in Swiss francs', () => {
    const [statement] = read(fixture('camt053-v08-chf-account.xml')).statements;
    expect(statement).toMatchObject({ account: { iban: 'CH9300762011623852957', currency: 'CHF' } });
    expect(statement!.entries[0]).toMatchObject({ amountCents: 218_700, currency: 'CHF' });
  });

  it('still refuses a prefixed file whose balances do not add up, and one holding no statement', () => {
    const prefixed = fixture('camt053-v04-prefixed.xml');
    expect(problemsOf(prefixed.replace('>1237.50<', '>1237.51<'))[0]!.message.en).toContain('do not lead from the opening balance');
    const empty = prefixed.replace(/<ns2:Stmt>[\s\S]*<\/ns2:Stmt>/, '');
    expect(problemsOf(empty)[0]!.message.en).toBe('The file holds no statement.');
  });

  it('refuses a statement account with neither an IBAN nor another identifier', () => {
    const xml = fixture('camt053-v03-small.xml').replace(/<Id><IBAN>[A-Z0-9]+<\/IBAN><\/Id>/, '<Id></Id>');
    expect(problemsOf(xml)[0]!.column).toBe('Stmt[1]/Acct/Id');
  });
});

describe('reading the references of the coop’s own transfers and their returns', () => {
  const xml = buildCamt053({
    iban: 'FR7630006000011234567890189',
    statementId: 'S-REFS',
    entries: [
      { amountCents: -12_000, bookingDate: '2026-11-30', txs: [{ amountCents: -12_000, endToEndId: 'PO-ABC-1', pmtInfId: 'PMT-1', name: 'Camille' }] },
      { amountCents: -30_000, bookingDate: '2026-11-30', batch: { pmtInfId: 'PMT-2', count: 2 }, txAmounts: false, txs: [{ amountCents: -10_000, endToEndId: 'PO-X-1' }, { amountCents: -20_000, endToEndId: 'PO-X-2' }] },
      { amountCents: 12_000, bookingDate: '2026-12-01', code: 'PMNT/ICDT/RRTN', txs: [{ amountCents: 12_000, endToEndId: 'PO-ABC-1', returnReason: 'AC04' }] },
      { amountCents: 5_000, bookingDate: '2026-12-01', txs: [{ amountCents: 5_000, endToEndId: 'CLIENT-9' }] },
    ],
  });
  const [paid, batch, returned, received] = read(xml).statements[0]!.entries;

  it('keeps the end-to-end id and the batch of a transfer paid', () => {
    expect(paid).toMatchObject({ endToEndId: 'PO-ABC-1', batchRef: 'PMT-1', isReturn: false, returnReason: null });
  });

  it('keeps one line for a batch whose transfers carry no amount, with the batch’s PmtInfId', () => {
    expect(batch).toMatchObject({ amountCents: -30_000, batch: null, endToEndId: null, batchRef: 'PMT-2' });
  });

  it('reads a transfer returned by the creditor’s bank as a return with its reason code', () => {
    expect(returned).toMatchObject({ amountCents: 12_000, endToEndId: 'PO-ABC-1', isReturn: true, returnReason: 'AC04' });
    expect(received).toMatchObject({ isReturn: false, returnReason: null });
  });
});
