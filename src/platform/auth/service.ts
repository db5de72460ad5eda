import { and, count, eq, gt, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueMail } from '../mail/outbox.js';
import { authErrors } from './errors.js';
import { assertPasswordPolicy } from './password-messages.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { authTokens, coopRoles, loginAttempts, sessions, users, type Role, type UserRow } from './schema.js';
import { newToken, sha256 } from './tokens.js';

export const SESSION_DAYS = 7;
const RESET_LINK_HOURS = 2;
export const INVITATION_DAYS = 14;
/**
 * Failed logins tolerated inside a window: per account *and* address (so a stranger's guesses
 * do not lock the owner out), per address (one machine trying many accounts), and per account
 * from anywhere over a longer window (a guess spread over many addresses still stops).
 */
export const LOGIN_LIMIT = { perAccountAndIp: 5, perIp: 30, windowMinutes: 15, perAccount: 50, accountWindowMinutes: 60 };

export interface AuthContext {
  userId: string;
  email: string;
  displayName: string;
  locale: 'fr' | 'en';
  sessionTokenHash: string;
  csrfToken: string;
  /** The cooperative every request of this session acts in. */
  coopId: string | null;
  roles: Role[];
}

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * An account is shared by the cooperatives where the person holds a role: a change to it
 * (password, invitation accepted) is written to the audit log of each, without values.
 */
async function auditAccountChange(tx: Executor, userId: string, action: string, ip: string | null, fields: string[]): Promise<void> {
  for (const { coopId } of await coopsOf(tx, userId)) {
    const changed = Object.fromEntries(fields.map((f) => [f, true]));
    await recordAudit(tx, { coopId, userId, ip }, { action, entityType: 'person', entityId: userId, before: null, after: changed, omit: fields });
  }
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${normalizeEmail(email)}`);
  return user;
}

export async function findUserById(db: Executor, userId: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user;
}

/** Display names of accounts, by id, in one query (a page names a handful of people). */
export async function displayNamesOf(db: Executor, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, [...new Set(userIds)]));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

export async function rolesOf(db: Executor, userId: string, coopId: string): Promise<Role[]> {
  const rows = await db.select({ role: coopRoles.role }).from(coopRoles).where(and(eq(coopRoles.userId, userId), eq(coopRoles.coopId, coopId)));
  return rows.map((r) => r.role).sort();
}

/** Every cooperative where the person holds a role, with those roles. */
export async function coopsOf(db: Executor, userId: string): Promise<{ coopId: string; roles: Role[] }[]> {
  const rows = await db.select({ coopId: coopRoles.coopId, role: coopRoles.role }).from(coopRoles).where(eq(coopRoles.userId, userId));
  const byCoop = new Map<string, Role[]>();
  for (const r of rows) byCoop.set(r.coopId, [...(byCoop.get(r.coopId) ?? []), r.role]);
  return [...byCoop].map(([coopId, roles]) => ({ coopId, roles: roles.sort() }));
}

/**
 * Reserves a failed attempt before the password is checked, and refuses when a limit is
 * reached. Counting and reserving hold transaction locks on the account and on the address,
 * so concurrent attempts are counted one after another: 40 at once evaluate exactly the limit.
 * Returns the attempt's id, marked succeeded once the password matches.
 */
async function reserveAttempt(db: Db, email: string, ip: string, now: Date): Promise<string> {
  const since = new Date(now.getTime() - LOGIN_LIMIT.windowMinutes * 60_000);
  const accountSince = new Date(now.getTime() - LOGIN_LIMIT.accountWindowMinutes * 60_000);
  return db.transaction(async (tx) => {
    // Always the account first, then the address: two attempts never wait on each other in a cycle.
    await tx.execute(sql`select pg_advisory_xact_lock(1, hashtext(${email}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(2, hashtext(${ip}))`);
    const failed = and(eq(loginAttempts.succeeded, false), gte(loginAttempts.at, accountSince));
    const [counts] = await tx
      .select({
        pair: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email} and ${loginAttempts.ip} = ${ip} and ${loginAttempts.at} >= ${since})`.mapWith(Number),
        account: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email})`.mapWith(Number),
      })
      .from(loginAttempts)
      .where(and(failed, eq(loginAttempts.email, email)));
    const [byIp] = await tx
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gte(loginAttempts.at, since)));
    if (counts.pair >= LOGIN_LIMIT.perAccountAndIp || counts.account >= LOGIN_LIMIT.perAccount || byIp.n >= LOGIN_LIMIT.perIp) throw authErrors.TOO_MANY_ATTEMPTS();
    const [attempt] = await tx.insert(loginAttempts).values({ email, ip, succeeded: false, at: now }).returning({ id: loginAttempts.id });
    return attempt.id;
  });
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

async function openSession(db: Executor, userId: string, meta: { ip: string; userAgent?: string }, now: Date): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  const [first] = await coopsOf(db, userId);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    coopId: first?.coopId ?? null,
    csrfToken,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500),
  });
  return { token, csrfToken, expiresAt };
}

/**
 * Checks a password and opens a session. Failed attempts are counted in the database, so the
 * limits hold with several app instances.
 */
export async function logIn(
  db: Db,
  input: { email: string; password: string; ip: string; userAgent?: string },
  now = new Date(),
): Promise<NewSession> {
  const email = normalizeEmail(input.email);
  const attemptId = await reserveAttempt(db, email, input.ip, now);
  const user = await findUserByEmail(db, email);
  const ok = user?.passwordHash && !user.disabledAt
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password), false);
  if (ok) await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
  if (!ok || !user) throw authErrors.INVALID_CREDENTIALS();
  return openSession(db, user.id, input, now);
}

export async function resolveSession(db: Db, token: string, now = new Date()): Promise<AuthContext | null> {
  const tokenHash = sha256(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
  if (!row) return null;
  const roles = row.session.coopId ? await rolesOf(db, row.user.id, row.session.coopId) : [];
  return {
    userId: row.user.id,
    email: row.user.email,
    displayName: row.user.displayName,
    locale: row.user.locale === 'en' ? 'en' : 'fr',
    sessionTokenHash: tokenHash,
    csrfToken: row.session.csrfToken,
    coopId: roles.length > 0 ? row.session.coopId : null,
    roles,
  };
}

export async function logOut(db: Db, sessionTokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sessionTokenHash));
}

export async function switchCoop(db: Db, auth: AuthContext, coopId: string): Promise<void> {
  if ((await rolesOf(db, auth.userId, coopId)).length === 0) throw authErrors.NOT_A_MEMBER_OF_COOP();
  await db.update(sessions).set({ coopId }).where(eq(sessions.tokenHash, auth.sessionTokenHash));
}

export async function changePassword(db: Db, auth: AuthContext, current: string, next: string, ip?: string): Promise<void> {
  const user = await findUserById(db, auth.userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current))) throw authErrors.WRONG_PASSWORD([{ path: 'currentPassword', message: { fr: 'Le mot de passe actuel est incorrect.', en: 'The current password is wrong.' } }]);
  assertPasswordPolicy('newPassword', next, { email: user.email, displayName: user.displayName });
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await auditAccountChange(tx, user.id, 'person.password_changed', ip ?? null, ['password']);
    // Every other session of the person ends: a changed password locks out whoever had it.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), sql`${sessions.tokenHash} <> ${auth.sessionTokenHash}`));
  });
}

/** Creates a one-time link token of `kind` for the user; returns the secret to put in the link. */
export async function issueToken(
  tx: Executor,
  input: { kind: 'password_reset' | 'invitation'; userId: string; coopId?: string; role?: Role; createdBy?: string },
  now = new Date(),
): Promise<string> {
  const token = newToken();
  const hours = input.kind === 'invitation' ? INVITATION_DAYS * 24 : RESET_LINK_HOURS;
  // A new reset link voids the older ones: a link left in a mailbox must not outlive the one used.
  if (input.kind === 'password_reset') await voidResetLinks(tx, input.userId, now);
  await tx.insert(authTokens).values({
    kind: input.kind,
    tokenHash: sha256(token),
    userId: input.userId,
    coopId: input.coopId ?? null,
    role: input.role ?? null,
    createdBy: input.createdBy ?? null,
    expiresAt: new Date(now.getTime() + hours * 3_600_000),
  });
  return token;
}

/** Marks every unused reset link of the account as used. */
async function voidResetLinks(tx: Executor, userId: string, now: Date): Promise<void> {
  await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.kind, 'password_reset'), isNull(authTokens.usedAt)));
}

async function findLiveToken(db: Executor, kind: 'password_reset' | 'invitation', token: string, now: Date) {
  const [row] = await db
    .select()
    .from(authTokens)
    .where(and(eq(authTokens.tokenHash, sha256(token)), eq(authTokens.kind, kind), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)));
  return row;
}

/** Sets a new password from a reset link; the link works once. */
export async function resetPassword(db: Db, token: string, password: string, now = new Date(), ip?: string): Promise<void> {
  const row = await findLiveToken(db, 'password_reset', token, now);
  if (!row) throw authErrors.INVALID_TOKEN();
  const user = await findUserById(db, row.userId);
  if (!user) throw authErrors.INVALID_TOKEN();
  assertPasswordPolicy('newPassword', password, { email: user.email, displayName: user.displayName });
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const used = await tx
      .update(authTokens)
      .set({ usedAt: now })
      .where(and(eq(authTokens.id, row.id), isNull(authTokens.usedAt)))
      .returning({ id: authTokens.id });
    if (used.length === 0) throw authErrors.INVALID_TOKEN();
    await voidResetLinks(tx, user.id, now);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await auditAccountChange(tx, user.id, 'person.password_reset', ip ?? null, ['password']);
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
  });
}

export interface InvitationView {
  email: string;
  displayName: string;
  coopId: string;
  role: Role;
}

/**
 * An invitation link lets whoever reads it (the inviting cooperative's admins, in its outbox)
 * choose the account's password. That is harmless only while the account opens no other
 * cooperative; otherwise the password is chosen through a reset link, which no outbox shows.
 */
async function assertAccountOnlyIn(db: Executor, userId: string, coopId: string): Promise<void> {
  if ((await coopsOf(db, userId)).some((c) => c.coopId !== coopId)) throw authErrors.INVITATION_OF_SHARED_ACCOUNT();
}

export async function viewInvitation(db: Db, token: string, now = new Date()): Promise<InvitationView> {
  const row = await findLiveToken(db, 'invitation', token, now);
  const user = row && (await findUserById(db, row.userId));
  // Invitation links sit in the inviting cooperative's outbox, readable by its admins: once the
  // person has chosen a password, an older link must not set another one (account takeover).
  if (!row || !user || user.passwordHash !== null || !row.coopId || !row.role) throw authErrors.INVITATION_NOT_FOUND();
  await assertAccountOnlyIn(db, user.id, row.coopId);
  return { email: user.email, displayName: user.displayName, coopId: row.coopId, role: row.role };
}

/** The invited person chooses their password; the invitation works once; a session opens. */
export async function acceptInvitation(
  db: Db,
  input: { token: string; displayName: string; password: string; ip: string; userAgent?: string },
  now = new Date(),
): Promise<NewSession> {
  const invitation = await viewInvitation(db, input.token, now);
  assertPasswordPolicy('password', input.password, { email: invitation.email, displayName: input.displayName });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const used = await tx
      .update(authTokens)
      .set({ usedAt: now })
      .where(and(eq(authTokens.tokenHash, sha256(input.token)), isNull(authTokens.usedAt)))
      .returning({ userId: authTokens.userId });
    if (used.length === 0) throw authErrors.INVITATION_NOT_FOUND();
    await assertAccountOnlyIn(tx, used[0].userId, invitation.coopId);
    const chosen = await tx
      .update(users)
      .set({ passwordHash, displayName: input.displayName })
      .where(and(eq(users.id, used[0].userId), isNull(users.passwordHash)))
      .returning({ id: users.id });
    if (chosen.length === 0) throw authErrors.INVITATION_NOT_FOUND();
    await recordAudit(tx, { coopId: invitation.coopId, userId: used[0].userId, ip: input.ip }, {
      action: 'person.invitation_accepted',
      entityType: 'person',
      entityId: used[0].userId,
      before: { displayName: invitation.displayName, password: null },
      after: { displayName: input.displayName, password: true },
      omit: ['password'],
    });
    const session = await openSession(tx, used[0].userId, input, now);
    await tx.update(sessions).set({ coopId: invitation.coopId }).where(eq(sessions.tokenHash, sha256(session.token)));
    return session;
  });
}

/** Finds or creates the account of a person by email (without a password until they accept). */
export async function ensureUser(tx: Executor, input: { email: string; displayName: string; locale?: 'fr' | 'en' }): Promise<{ user: UserRow; created: boolean }> {
  const existing = await findUserByEmail(tx, input.email);
  if (existing) return { user: existing, created: false };
  const [user] = await tx
    .insert(users)
    .values({ email: input.email.trim(), displayName: input.displayName, locale: input.locale ?? 'fr' })
    .returning();
  return { user, created: true };
}

export async function grantRole(tx: Executor, coopId: string, userId: string, role: Role): Promise<boolean> {
  const rows = await tx.insert(coopRoles).values({ coopId, userId, role }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function revokeRole(tx: Executor, coopId: string, userId: string, role: Role): Promise<boolean> {
  const rows = await tx
    .delete(coopRoles)
    .where(and(eq(coopRoles.coopId, coopId), eq(coopRoles.userId, userId), eq(coopRoles.role, role)))
    .returning();
  return rows.length > 0;
}

export interface PersonInCoop {
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  /** False while an invitation has not been accepted. */
  active: boolean;
}

/**
 * Names in the order a French reader expects (Élodie with the E, not after Z). Sorted here
 * rather than by the database, whose collation differs between PGlite and a server.
 */
const byFrenchName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The people who hold a role in a cooperative, with their roles, by name. */
export async function peopleOf(db: Executor, coopId: string): Promise<PersonInCoop[]> {
  const rows = await db
    .select({ userId: users.id, email: users.email, displayName: users.displayName, hasPassword: sql<boolean>`${users.passwordHash} is not null`, role: coopRoles.role })
    .from(coopRoles)
    .innerJoin(users, eq(users.id, coopRoles.userId))
    .where(eq(coopRoles.coopId, coopId));
  const byUser = new Map<string, PersonInCoop>();
  for (const r of rows) {
    const person = byUser.get(r.userId) ?? { userId: r.userId, email: r.email, displayName: r.displayName, roles: [], active: r.hasPassword };
    person.roles.push(r.role);
    byUser.set(r.userId, person);
  }
  return [...byUser.values()].sort((a, b) => byFrenchName.compare(a.displayName, b.displayName) || a.userId.localeCompare(b.userId));
}

export async function setPasswordHash(tx: Executor, userId: string, passwordHash: string): Promise<void> {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/**
 * Sends a one-time reset link when the address belongs to an account. The answer is the
 * same either way, so the form cannot be used to learn who has an account.
 */
export async function requestPasswordReset(db: Db, email: string, publicUrl: string, now = new Date()): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user || user.disabledAt) return;
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, { kind: 'password_reset', userId: user.id }, now);
    const link = `${publicUrl}/reset-password?token=${token}`;
    const fr = user.locale !== 'en';
    await enqueueMail(tx, {
      coopId: null,
      to: user.email,
      template: 'password_reset',
      subject: fr ? 'Réinitialisation de votre mot de passe Mutualise' : 'Reset your Mutualise password',
      text: fr
        ? `Bonjour ${user.displayName},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable ${RESET_LINK_HOURS} heures, une seule fois) :\n${link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.`
        : `Hello ${user.displayName},\n\nTo choose a new password, open this link (valid ${RESET_LINK_HOURS} hours, once):\n${link}\n\nIf you did not ask for this, ignore this message.`,
    });
  });
}
