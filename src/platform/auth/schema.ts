import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { coopId, createdAt, id } from '../db/columns.js';

/** `accountant`: reads the books, the bank, invoices and payments of the whole coop, and changes none of them. */
export const ROLES = ['admin', 'staff', 'accountant', 'member'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A person who can log in. Identity is global on purpose: one person may hold roles in
 * several cooperatives of a federation, with one password.
 */
export const users = pgTable(
  'users',
  {
    id: id(),
    email: varchar({ length: 254 }).notNull(),
    displayName: varchar({ length: 200 }).notNull(),
    /** argon2id; null until an invitation is accepted. */
    passwordHash: text(),
    locale: varchar({ length: 5 }).notNull().default('fr'),
    createdAt: createdAt(),
    disabledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    check('users_locale_check', sql`${t.locale} in ('fr', 'en')`),
  ],
);

/**
 * Which roles a person holds in which cooperative. A role given by an invitation waits for the
 * person to accept it (`accepted_at` null): until then the cooperative does not open for them
 * and does not learn of their account's own events (password changes, resets).
 */
export const coopRoles = pgTable(
  'coop_roles',
  {
    coopId: coopId(),
    userId: uuid().notNull().references(() => users.id),
    role: varchar({ length: 16 }).$type<Role>().notNull(),
    createdAt: createdAt(),
    acceptedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.userId, t.role] }),
    index('coop_roles_user_idx').on(t.userId),
    check('coop_roles_role_check', sql`${t.role} in ('admin', 'staff', 'accountant', 'member')`),
  ],
);

/** Server-side sessions; the cookie holds a random token whose SHA-256 is the key here. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: varchar({ length: 64 }).primaryKey(),
    userId: uuid().notNull().references(() => users.id),
    /** The cooperative the person is acting in (null when they hold no role anywhere). */
    coopId: uuid(),
    csrfToken: varchar({ length: 64 }).notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: varchar({ length: 64 }),
    userAgent: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const TOKEN_KINDS = ['password_reset', 'invitation'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** One-time links (password reset, invitation); only the SHA-256 of the token is stored. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: id(),
    kind: varchar({ length: 20 }).$type<TokenKind>().notNull(),
    tokenHash: varchar({ length: 64 }).notNull().unique(),
    userId: uuid().notNull().references(() => users.id),
    /** For invitations: the cooperative and role the person is invited into. */
    coopId: uuid(),
    role: varchar({ length: 16 }).$type<Role>(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('auth_tokens_user_idx').on(t.userId),
    check('auth_tokens_kind_check', sql`${t.kind} in ('password_reset', 'invitation')`),
  ],
);

/** Login attempts, kept in the database so that the limit holds across app instances. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: id(),
    email: varchar({ length: 254 }).notNull(),
    ip: varchar({ length: 64 }).notNull(),
    succeeded: boolean().notNull(),
    at: createdAt(),
  },
  (t) => [index('login_attempts_email_idx').on(t.email, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)],
);

/**
 * Password reset requests waiting to be handled. The form only writes one here, whatever the
 * address, so it answers in the same time for a known and an unknown one (the time would tell
 * who has an account); the job runner then looks the account up, issues the link and queues
 * the mail, and deletes the request in the same transaction (see send-requested-reset-links.ts).
 */
export const passwordResetRequests = pgTable(
  'password_reset_requests',
  {
    id: id(),
    email: varchar({ length: 254 }).notNull(),
    requestedAt: createdAt(),
  },
  (t) => [index('password_reset_requests_requested_idx').on(t.requestedAt)],
);

export type UserRow = typeof users.$inferSelect;
