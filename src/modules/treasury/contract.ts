import { z } from 'zod';
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

export const activityTreasury = treasuryFigures.extend({ activityId: z.string(), asOf: z.string() });
export type ActivityTreasury = z.infer<typeof activityTreasury>;
