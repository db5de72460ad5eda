import { describe, expect, it } from 'vitest';
import { centsToEuros, eurosToCents, nextNumberPreview, percentToBp, toFormValues, toPatch } from './settings-form';
import type { CoopSettingsData } from './use-coop-settings';

const settings: CoopSettingsData = {
  id: 'c1',
  name: 'Coopérative Démo',
  legalForm: 'scop_sa',
  siren: '552081317',
  siret: '55208131700018',
  vatNumber: 'FR03552081317',
  registryKind: 'RCS',
  registryCity: 'Lyon',
  electronicAddress: '552081317',
  addressLine1: '12 rue des Coopérateurs',
  addressLine2: null,
  postalCode: '69001',
  city: 'Lyon',
  country: 'FR',
  email: null,
  phone: '04 78 00 00 00',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP',
  contributionRateBp: 1150,
  contributionBasis: 'validation',
  dealBringerRateBp: 800,
  monthlyMemberFeeCents: 9050,
  invoiceNumberFormat: 'F{YYYY}-{SEQ:5}',
  paymentTermsDays: 30,
  paymentTermsEndOfMonth: false,
  latePenaltyRateBp: 1215,
  leavingNoticeMonths: 1,
  membershipTypes: ['entrepreneur_salarie'],
  poles: ['technical'],
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('coop settings form', () => {
  it('converts percentages with two decimals to exact basis points', () => {
    expect(percentToBp(8.25)).toBe(825);
    expect(percentToBp(12.15)).toBe(1215);
    expect(percentToBp(0.07)).toBe(7);
  });

  it('converts euros to exact cents', () => {
    expect(eurosToCents(90.5)).toBe(9050);
    expect(eurosToCents(19.99)).toBe(1999);
    expect(centsToEuros(9050)).toBe(90.5);
  });

  it('shows rates in percent, the fee in euros and the IBAN in groups of four', () => {
    const values = toFormValues(settings);
    expect(values.contributionRatePct).toBe(11.5);
    expect(values.monthlyMemberFeeEuros).toBe(90.5);
    expect(values.iban).toBe('FR76 3000 6000 0112 3456 7890 189');
    expect(values.email).toBe('');
  });

  it('gives back to the API what it sent, empty optional fields as null', () => {
    const patch = toPatch(toFormValues(settings));
    expect(patch).toMatchObject({ contributionRateBp: 1150, monthlyMemberFeeCents: 9050, latePenaltyRateBp: 1215, email: null, addressLine2: null });
  });

  it('shows the standard poles by their names and sends their codes back; a pole the coop named stays as typed', () => {
    const names: Record<string, string> = { project_management: 'Gestion de projet', technical: 'Technique' };
    const label = (code: string) => names[code] ?? code;
    const values = toFormValues({ ...settings, poles: ['project_management', 'technical', 'Vidéo'] }, label);
    expect(values.poles).toEqual(['Gestion de projet', 'Technique', 'Vidéo']);
    expect(toPatch({ ...values, poles: [...values.poles, 'Son '] }, label).poles).toEqual(['project_management', 'technical', 'Vidéo', 'Son']);
  });

  it('previews the next number of the series, not the first, once invoices were numbered', () => {
    const next = { year: 2026, yearly: 15, continuous: 1 };
    expect(nextNumberPreview('F{YYYY}-{SEQ:5}', next)).toBe('F2026-00015');
    expect(nextNumberPreview('FAC-{SEQ:6}', next)).toBe('FAC-000001');
  });

  it('sends the registration, none for an association, and a directory address that follows the SIREN while left empty', () => {
    const values = toFormValues(settings);
    expect(values).toMatchObject({ registryKind: 'RCS', registryCity: 'Lyon', electronicAddress: '' });
    expect(toPatch(values)).toMatchObject({ registryKind: 'RCS', registryCity: 'Lyon', electronicAddress: '552081317' });
    expect(toPatch({ ...values, siren: '732 829 320' }).electronicAddress).toBe('732829320');
    expect(toPatch({ ...values, electronicAddress: '552081317_FACTURES' }).electronicAddress).toBe('552081317_FACTURES');
    expect(toPatch({ ...values, registryKind: 'none', registryCity: 'Lyon' })).toMatchObject({ registryKind: null, registryCity: null });
  });
});
