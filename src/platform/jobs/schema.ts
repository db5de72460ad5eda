import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { coopId, createdAt } from '../db/columns.js';

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Work that must happen after a business transaction commits (render an issued invoice's
 * files…). The row is written in that transaction, like a mail in the outbox: the work is
 * never done for an action that rolled back, and never lost to a crash after the commit —
 * the next start of the app finds the row and does it.
 */
export const jobs = pgTable(
  'jobs',
  {
    coopId: coopId(),
    id: uuid().notNull().defaultRandom(),
    /** Which handler runs it; the composition root registers one per kind. */
    kind: varchar({ length: 64 }).notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: varchar({ length: 16 }).$type<JobStatus>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    /**
     * When a runner may take it: now for a new job, later after a failure (backoff), and the
     * end of the lease while one runs (a runner that died mid-job lets it go at that time).
     */
    runAfter: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    // The runner's pick: due work only, oldest first; done and failed rows never weigh on it.
    index('jobs_due_idx').on(t.runAfter).where(sql`${t.status} in ('pending', 'running')`),
    check('jobs_status_check', sql`${t.status} in ('pending', 'running', 'done', 'failed')`),
  ],
);
