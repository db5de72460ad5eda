import { describe, expect, it } from 'vitest';
import { describeAuditChange, describeValue, humaniseKey, type ChangeLabels } from './describe-audit-change';

const CLIENT = '0b6c1a52-3f0e-4a51-9a6e-2d3c4b5a6f70';
const INVOICE = '5d1e2f30-4a5b-4c6d-8e7f-901a2b3c4d5e';
const ENTRY = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';

function labelsIn(lang: 'fr' | 'en'): ChangeLabels {
  const fields: Record<string, Record<string, string>> = {
    fr: { amountCents: 'Montant', status: 'Statut', dueDate: "Date d'échéance", clientId: 'Client', invoiceId: 'Facture', allocations: 'Imputations', contributionRateBp: 'Taux de contribution' },
    en: { amountCents: 'Amount', status: 'Status', dueDate: 'Due date', clientId: 'Client', invoiceId: 'Invoice', allocations: 'Allocations', contributionRateBp: 'Contribution rate' },
  };
  const values: Record<string, Record<string, string>> = { fr: { paid: 'Payée', sent: 'Envoyée' }, en: { paid: 'Paid', sent: 'Sent' } };
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  return {
    field: (key) => fields[lang]![key] ?? null,
    value: (_key, value) => values[lang]![value] ?? null,
    // As the app's formatters (lib/format.ts, which loads the i18n runtime a node test lacks) do.
    money: (cents) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100),
    date: (iso) => iso.split('-').reverse().join('/'),
    dateTime: (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)),
    percent: (bp) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000),
    quantity: (milli) => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(milli / 1000),
    pair: (label, value) => (lang === 'fr' ? `${label} : ${value}` : `${label}: ${value}`),
    yes: lang === 'fr' ? 'oui' : 'yes',
    no: lang === 'fr' ? 'non' : 'no',
    none: '—',
    hidden: lang === 'fr' ? '(masqué)' : '(hidden)',
    records: { [CLIENT]: 'Boulangerie du Parc', [INVOICE]: 'F2026-00012' },
  };
}

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('an audited change as staff read it', () => {
  it('names the fields from the catalogue, in French and in English', () => {
    const changes = { status: { before: 'sent', after: 'paid' } };
    expect(describeAuditChange(changes, labelsIn('fr'))).toEqual([{ key: 'status', label: 'Statut', before: 'Envoyée', after: 'Payée' }]);
    expect(describeAuditChange(changes, labelsIn('en'))).toEqual([{ key: 'status', label: 'Status', before: 'Sent', after: 'Paid' }]);
  });

  it('shows amounts in cents as money and days as dates, never as raw numbers', () => {
    const [amount, due] = describeAuditChange({ amountCents: { before: null, after: 123_456 }, dueDate: { before: '2026-03-31', after: '2026-04-30' } }, labelsIn('fr'));
    expect(amount!.before).toBe('—');
    expect(nbsp(amount!.after)).toBe('1 234,56 €');
    expect(due).toMatchObject({ label: "Date d'échéance", before: '31/03/2026', after: '30/04/2026' });
    expect(nbsp(describeValue('amountCents', 123_456, labelsIn('en')))).toBe('€1,234.56');
  });

  it('shows a rate in basis points as a percentage', () => {
    const [rate] = describeAuditChange({ contributionRateBp: { before: 1000, after: 1150 } }, labelsIn('fr'));
    expect(nbsp(rate!.before)).toBe('10 %');
    expect(nbsp(rate!.after)).toBe('11,5 %');
  });

  it('replaces an id by the record it names, and shortens one it cannot name', () => {
    const [client, entry] = describeAuditChange({ clientId: { before: null, after: CLIENT }, entryId: { before: null, after: ENTRY } }, labelsIn('fr'));
    expect(client!.after).toBe('Boulangerie du Parc');
    expect(entry!.label).toBe('Entry id');
    expect(entry!.after).toBe('#9f8e7d6c');
  });

  it('reads a list of allocations as sentences, not as a JSON blob', () => {
    const [allocations] = describeAuditChange({ allocations: { before: null, after: [{ invoiceId: INVOICE, amountCents: 5_000 }] } }, labelsIn('fr'));
    expect(allocations!.label).toBe('Imputations');
    expect(nbsp(allocations!.after)).toBe('Facture : F2026-00012, Montant : 50,00 €');
    expect(allocations!.after).not.toMatch(/[{}"[\]]/);
  });

  it("leaves out the record's own id and its coop, which the entry already says", () => {
    const changes = { id: { before: null, after: ENTRY }, coopId: { before: null, after: CLIENT }, status: { before: null, after: 'paid' } };
    expect(describeAuditChange(changes, labelsIn('fr')).map((c) => c.key)).toEqual(['status']);
  });

  it('gives a field the catalogue does not know a readable name', () => {
    expect(humaniseKey('paymentTermsDays')).toBe('Payment terms days');
    expect(humaniseKey('legal_name')).toBe('Legal name');
    expect(humaniseKey('vatID')).toBe('Vat id');
  });

  it('says yes or no, and keeps a secret hidden', () => {
    expect(describeValue('active', true, labelsIn('fr'))).toBe('oui');
    expect(describeValue('password', '***', labelsIn('en'))).toBe('(hidden)');
  });
});
