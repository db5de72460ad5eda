import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { members } from '../members/schema.js';
import type { ActivityStatus } from './domain/activity-status.js';

export { ACTIVITY_STATUSES, type ActivityStatus } from './domain/activity-status.js';

/**
 * An activity (enseigne, analytic code): what money is booked to. It belongs to one member
 * or is shared by several, each with a share of its result.
 */
export const activities = pgTable(
  'activities',
  {
    id: rowId(),
    coopId: coopId(),
    /** Analytic code, unique in the cooperative, printed on entries and exports. */
    code: varchar({ length: 20 }).notNull(),
    name: varchar({ length: 200 }).notNull(),
    description: text(),
    status: varchar({ length: 16 }).$type<ActivityStatus>().notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('activities_coop_code_key').on(t.coopId, t.code),
    check('activities_status_check', sql`${t.status} in ('active', 'suspended', 'closed')`),
    check('activities_code_check', sql`${t.code} ~ '^[A-Z0-9][A-Z0-9_-]*$'`),
  ],
);

/** Who holds an activity, and their share of it in basis points (they add up to 10,000). */
export const activityMembers = pgTable(
  'activity_members',
  {
    coopId: coopId(),
    activityId: uuid().notNull(),
    memberId: uuid().notNull(),
    shareBp: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.activityId, t.memberId] }),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }).onDelete('cascade'),
    // A plain foreign key to another module's table is fine; no ORM relation reaches into it.
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    index('activity_members_member_idx').on(t.coopId, t.memberId),
    check('activity_members_share_check', sql`${t.shareBp} > 0 and ${t.shareBp} <= 10000`),
  ],
);

export type ActivityRow = typeof activities.$inferSelect;
