import type { TreasuryLineGroup } from '../../../modules/treasury/contract';
import type { ActivityTreasuryData } from './use-treasury';

type CentsKey = { [K in keyof ActivityTreasuryData]: ActivityTreasuryData[K] extends number ? K : never }[keyof ActivityTreasuryData];

/** A figure of the treasury card: its label key, its value, the accounts whose lines explain it, and its sign in "available". */
export interface FigureSpec {
  key: 'invoiced' | 'collected' | 'owed' | 'contribution' | 'commissionsIn' | 'commissionsOut' | 'expenses' | 'salaries' | 'advanceFees' | 'advances' | 'loans' | 'reserved';
  value: CentsKey;
  group?: TreasuryLineGroup;
  /** Whether it adds to available (+), takes from it (−) or only informs. */
  sign: '+' | '-' | null;
}

export const FIGURES: readonly FigureSpec[] = [
  { key: 'invoiced', value: 'invoicedCents', group: 'revenue', sign: null },
  { key: 'owed', value: 'owedCents', group: 'receivables', sign: null },
  { key: 'collected', value: 'collectedCents', group: 'receivables', sign: '+' },
  { key: 'commissionsIn', value: 'commissionsInCents', group: 'commissionsIn', sign: '+' },
  { key: 'advances', value: 'advancesOutstandingCents', group: 'advances', sign: '+' },
  { key: 'loans', value: 'loansOutstandingCents', group: 'loans', sign: '+' },
  { key: 'contribution', value: 'contributionCents', group: 'contribution', sign: '-' },
  { key: 'commissionsOut', value: 'commissionsOutCents', group: 'commissionsOut', sign: '-' },
  { key: 'expenses', value: 'expensesCents', group: 'expenses', sign: '-' },
  { key: 'salaries', value: 'salariesCents', group: 'salaries', sign: '-' },
  { key: 'advanceFees', value: 'advanceFeesCents', group: 'advanceFees', sign: '-' },
  { key: 'reserved', value: 'reservedCents', sign: '-' },
];

/** The figure a group of lines explains, for the title of the lines panel. */
export const figureOfGroup = (group: TreasuryLineGroup): FigureSpec['key'] => FIGURES.find((f) => f.group === group)?.key ?? 'invoiced';
