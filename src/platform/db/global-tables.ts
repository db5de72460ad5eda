/**
 * The tables that belong to no single cooperative, each with the reason. Every other table
 * carries a NOT NULL `coop_id` that starts its primary key and every unique key, and that its
 * foreign keys to other coop tables include: so the rows of a coop can be distributed by
 * `coop_id` (Citus-style), the tables below being kept whole on every node. A table neither
 * here nor keyed by coop fails src/platform/db/distribution-keys.int.test.ts.
 */
export const GLOBAL_TABLES: Readonly<Record<string, string>> = {
  coops: 'the tenants themselves: every coop table points at one of them by coop_id',
  users: 'a person is global on purpose: one login and one password for roles in several coops of a federation',
  sessions: 'a session belongs to a person and switches between their coops (coop_id says where they act, null when they have no role)',
  auth_tokens: 'password reset and invitation links belong to a person; a reset names no coop',
  password_reset_requests: 'a reset is asked for an e-mail address, before anyone knows whether it opens an account, let alone in which coop',
  login_attempts: 'the login limit counts by e-mail address and IP, before anyone is known to belong to a coop',
  mail_outbox: 'one queue drained by one sender; mails about a person\'s account (password reset) belong to no coop, so coop_id is nullable',
  directory_settings: 'a public directory is found by its address (slug) before any coop is known, so the address is unique across the instance; one row per coop',
};
