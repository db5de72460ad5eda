import { z } from 'zod';
import { sortQuery } from '../../platform/http/list-sort.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import { generalLedgerLine } from '../ledger/contract.js';
import { TREASURY_GROUP_NAMES } from './domain/activity-treasury.js';

// Shared by the routes and the web client: the API's types are written once, here.

export { TREASURY_GROUP_NAMES };

const cents = z.number().int();

export const treasuryFigures = z.object({
  invoicedCents: cents,
  collectedCents: cents,
  owedCents: cents,
  receivableCents: cents,
  contributionCents: cents,
  commissionsInCents: cents,
  commissionsOutCents: cents,
  expensesCents: cents,
  salariesCents: cents,
  advanceFeesCents: cents,
  advancesOutstandingCents: cents,
  loansOutstandingCents: cents,
  reservedCents: cents,
  availableCents: cents,
});
export type TreasuryFiguresView = z.infer<typeof treasuryFigures>;

export const activityTreasury = treasuryFigures.extend({ activityId: z.string(), asOf: z.string() });
export type ActivityTreasury = z.infer<typeof activityTreasury>;

export const activityParams = z.object({ activityId: z.uuid() });

/** The groups of accounts a figure stands on, whose lines the treasury page opens. */
export const TREASURY_LINE_GROUPS = ['revenue', 'receivables', 'contribution', 'commissionsIn', 'commissionsOut', 'expenses', 'salaries', 'advanceFees', 'advances', 'loans'] as const;
export type TreasuryLineGroup = (typeof TREASURY_LINE_GROUPS)[number];

export const treasuryLinesQuery = pageQuery.extend({ group: z.enum(TREASURY_LINE_GROUPS) });
export type TreasuryLinesQuery = z.infer<typeof treasuryLinesQuery>;
export const treasuryLinesPage = pageOf(generalLedgerLine);
export type TreasuryLinesPage = z.infer<typeof treasuryLinesPage>;

export const treasuryMonth = z.object({ month: z.string(), invoicedCents: cents, collectedCents: cents, chargesCents: cents });
export type TreasuryMonthView = z.infer<typeof treasuryMonth>;
export const treasuryMonths = z.object({ activityId: z.string(), asOf: z.string(), months: z.array(treasuryMonth) });
export type TreasuryMonths = z.infer<typeof treasuryMonths>;

/** The columns the coop-wide table sorts by; by default, what each activity may pay out, largest first. */
export const COOP_TREASURY_SORTS = ['available', 'invoiced', 'collected', 'owed', 'salaries', 'advances'] as const;
export type CoopTreasurySort = (typeof COOP_TREASURY_SORTS)[number];

export const coopTreasuryQuery = pageQuery.extend({ ...sortQuery(COOP_TREASURY_SORTS) });
export type CoopTreasuryQuery = z.infer<typeof coopTreasuryQuery>;
export const exportCoopTreasuryQuery = coopTreasuryQuery.omit({ page: true, pageSize: true });
export type ExportCoopTreasuryQuery = z.infer<typeof exportCoopTreasuryQuery>;

export const coopTreasuryRow = treasuryFigures.extend({ activityId: z.string(), activityCode: z.string(), activityName: z.string() });
export type CoopTreasuryRow = z.infer<typeof coopTreasuryRow>;
export const coopTreasuryPage = pageOf(coopTreasuryRow).extend({ asOf: z.string(), totals: treasuryFigures });
export type CoopTreasuryPage = z.infer<typeof coopTreasuryPage>;

export const guaranteeFund = z.object({
  asOf: z.string(),
  endowmentCents: cents,
  incomeCents: cents,
  writeOffsCents: cents,
  advancesOutstandingCents: cents,
  availableCents: cents,
});
export type GuaranteeFund = z.infer<typeof guaranteeFund>;

/** A member's money on the dashboard: per activity they hold, what counts first. */
export const myTreasuryRow = z.object({
  activityId: z.string(),
  activityCode: z.string(),
  activityName: z.string(),
  availableCents: cents,
  collectedCents: cents,
  owedCents: cents,
  /** Invoiced since 1 January of this year, excluding VAT, net of credit notes. */
  invoicedThisYearCents: cents,
});
export type MyTreasuryRow = z.infer<typeof myTreasuryRow>;
export const myTreasury = z.object({ asOf: z.string(), activities: z.array(myTreasuryRow) });
export type MyTreasury = z.infer<typeof myTreasury>;
