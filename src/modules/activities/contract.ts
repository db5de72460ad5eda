import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.js';
import { bilingual } from '../../platform/http/messages.js';
import { ACTIVITY_CODE_MAX, ACTIVITY_CODE_PATTERN } from './domain/activity-code.js';
import { ACTIVITY_STATUSES } from './domain/activity-status.js';

// Shared by the routes and the web client: the API's types are written once, here.

export { ACTIVITY_STATUSES };
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

// Pure rules the web applies while the user types, the same code the server decides with.
export { nextStatusesOf } from './domain/activity-status.js';
export { bpToPercent, evenSplit, FULL_SHARE_BP, percentToBp } from './domain/shares.js';

const holderIn = z.object({
  memberId: z.uuid(),
  // Only the type here: the rules on shares (positive, adding up to 100 %) are the domain's,
  // so they answer on the `holders` field as a whole, where the form shows them.
  shareBp: z.number().int(),
});

/** Who holds an activity and their share, in basis points (10,000 = 100 %). */
export const holdersInput = z.array(holderIn).max(50);

export const activityCode = z
  .string()
  .trim()
  .toUpperCase()
  .max(ACTIVITY_CODE_MAX)
  .regex(ACTIVITY_CODE_PATTERN, {
    message: bilingual({
      fr: 'Code invalide : lettres A–Z, chiffres, - et _ (20 caractères au plus).',
      en: 'Invalid code: letters A–Z, digits, - and _ (20 characters at most).',
    }),
  });

export const createActivityBody = z.object({
  code: activityCode.optional(),
  name: z.string().trim().min(2).max(200),
  description: z.string().trim().max(5000).nullable().optional(),
  holders: holdersInput,
});
export type CreateActivityBody = z.infer<typeof createActivityBody>;

export const updateActivityBody = z
  .object({
    name: z.string().trim().min(2).max(200),
    description: z.string().trim().max(5000).nullable(),
    status: z.enum(ACTIVITY_STATUSES),
  })
  .partial();
export type UpdateActivityBody = z.infer<typeof updateActivityBody>;

export const changeHoldersBody = z.object({ holders: holdersInput });
export type ChangeHoldersBody = z.infer<typeof changeHoldersBody>;

export const activityHolder = z.object({ memberId: z.string(), name: z.string(), shareBp: z.number().int() });
export type ActivityHolder = z.infer<typeof activityHolder>;

export const activity = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  holders: z.array(activityHolder),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Activity = z.infer<typeof activity>;

export const listActivitiesQuery = pageQuery.extend({
  status: z.enum(ACTIVITY_STATUSES).optional(),
  memberId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuery>;

export const activityParams = z.object({ id: z.uuid() });
