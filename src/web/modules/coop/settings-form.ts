import { DEFAULT_POLES, isYearlySeries, renderNumber, type LEGAL_FORMS, type MembershipType, type REGISTRY_KINDS, type UpdateCoopSettings } from '../../../modules/coops/contract';
import type { NextInvoiceSequence } from '../../../modules/invoicing/contract';
import { formatIban } from '../../../platform/identifiers/contract';
import type { CoopSettingsData } from './use-coop-settings';

/**
 * The settings as people type them: rates in percent with two decimals, the fee in euros,
 * the IBAN in groups of four. The API keeps basis points and cents, exact integers.
 */
export interface SettingsFormValues {
  name: string;
  legalForm: (typeof LEGAL_FORMS)[number];
  siren: string;
  siret: string;
  /** 'none' for a coop in no register (an association). */
  registryKind: (typeof REGISTRY_KINDS)[number] | 'none';
  registryCity: string;
  /** '' while it is the SIREN, so that it follows the SIREN. */
  electronicAddress: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  country: string;
  email: string;
  phone: string;
  iban: string;
  bic: string;
  contributionRatePct: number | string;
  contributionBasis: 'validation' | 'payment';
  dealBringerRatePct: number | string;
  monthlyMemberFeeEuros: number | string;
  latePenaltyRatePct: number | string;
  invoiceNumberFormat: string;
  paymentTermsDays: number | string;
  paymentTermsEndOfMonth: boolean;
  leavingNoticeMonths: number | string;
  membershipTypes: MembershipType[];
  poles: string[];
}

/** 1,000 basis points = 10.00 %. */
export const bpToPercent = (bp: number) => bp / 100;
/** Rounded to the basis point: 8.25 % → 825, whatever the binary floating point makes of 8.25 × 100. */
export const percentToBp = (pct: number) => Math.round(pct * 100);
export const centsToEuros = (cents: number) => cents / 100;
export const eurosToCents = (euros: number) => Math.round(euros * 100);

/** Where an API field error goes in this form, when the names differ. */
export const API_TO_FORM_FIELDS: Record<string, string> = {
  contributionRateBp: 'contributionRatePct',
  dealBringerRateBp: 'dealBringerRatePct',
  latePenaltyRateBp: 'latePenaltyRatePct',
  monthlyMemberFeeCents: 'monthlyMemberFeeEuros',
};

/**
 * The name a pole shows under ("project_management" → "Gestion de projet"). The API keeps
 * codes for the standard poles, so a coop's list reads in each person's language; a pole the
 * coop named itself is its own name.
 */
export type PoleLabel = (code: string) => string;
const asTyped: PoleLabel = (code) => code;

/** Back from names to codes: a standard pole's name in the current language is its code again. */
export function poleCodes(names: readonly string[], poleLabel: PoleLabel): string[] {
  return names.map((name) => DEFAULT_POLES.find((code) => poleLabel(code) === name.trim()) ?? name.trim());
}

/**
 * The number the next invoice would take under the format being typed, from the coop's real
 * counters: a format showing the year continues this year's series, one without continues
 * the single series.
 */
export function nextNumberPreview(format: string, next: NextInvoiceSequence): string {
  return renderNumber(format, { year: next.year, seq: isYearlySeries(format) ? next.yearly : next.continuous });
}

export function toFormValues(s: CoopSettingsData, poleLabel: PoleLabel = asTyped): SettingsFormValues {
  return {
    name: s.name,
    legalForm: s.legalForm,
    siren: s.siren,
    siret: s.siret,
    registryKind: s.registryKind ?? 'none',
    registryCity: s.registryCity ?? '',
    electronicAddress: s.electronicAddress === s.siren ? '' : s.electronicAddress,
    addressLine1: s.addressLine1,
    addressLine2: s.addressLine2 ?? '',
    postalCode: s.postalCode,
    city: s.city,
    country: s.country,
    email: s.email ?? '',
    phone: s.phone ?? '',
    iban: formatIban(s.iban),
    bic: s.bic,
    contributionRatePct: bpToPercent(s.contributionRateBp),
    contributionBasis: s.contributionBasis,
    dealBringerRatePct: bpToPercent(s.dealBringerRateBp),
    monthlyMemberFeeEuros: centsToEuros(s.monthlyMemberFeeCents),
    latePenaltyRatePct: bpToPercent(s.latePenaltyRateBp),
    invoiceNumberFormat: s.invoiceNumberFormat,
    paymentTermsDays: s.paymentTermsDays,
    paymentTermsEndOfMonth: s.paymentTermsEndOfMonth,
    leavingNoticeMonths: s.leavingNoticeMonths,
    membershipTypes: s.membershipTypes,
    poles: s.poles.map(poleLabel),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function toPatch(v: SettingsFormValues, poleLabel: PoleLabel = asTyped): UpdateCoopSettings {
  return {
    name: v.name.trim(),
    legalForm: v.legalForm,
    siren: v.siren,
    siret: v.siret,
    registryKind: v.registryKind === 'none' ? null : v.registryKind,
    registryCity: v.registryKind === 'none' ? null : orNull(v.registryCity),
    electronicAddress: v.electronicAddress.trim() || v.siren.replace(/\s/g, ''),
    addressLine1: v.addressLine1.trim(),
    addressLine2: orNull(v.addressLine2),
    postalCode: v.postalCode.trim(),
    city: v.city.trim(),
    country: v.country.trim().toUpperCase(),
    email: orNull(v.email),
    phone: orNull(v.phone),
    iban: v.iban,
    bic: v.bic,
    contributionRateBp: percentToBp(Number(v.contributionRatePct)),
    contributionBasis: v.contributionBasis,
    dealBringerRateBp: percentToBp(Number(v.dealBringerRatePct)),
    monthlyMemberFeeCents: eurosToCents(Number(v.monthlyMemberFeeEuros)),
    latePenaltyRateBp: percentToBp(Number(v.latePenaltyRatePct)),
    invoiceNumberFormat: v.invoiceNumberFormat.trim(),
    paymentTermsDays: Number(v.paymentTermsDays),
    paymentTermsEndOfMonth: v.paymentTermsEndOfMonth,
    leavingNoticeMonths: Number(v.leavingNoticeMonths),
    membershipTypes: v.membershipTypes,
    poles: poleCodes(v.poles, poleLabel),
  };
}
