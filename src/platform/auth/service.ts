import { and, count, eq, gt, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalidField } from '../errors.js';
import { authErrors } from './errors.js';
import { assertPasswordPolicy } from './password-messages.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { authTokens, coopRoles, loginAttempts, sessions, users, type Role, type UserRow } from './schema.js';
import { newToken, sha256 } from './tokens.js';

export const SESSION_DAYS = 7;
export const RESET_LINK_HOURS = 2;
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
 * An account is shared by the cooperatives where the person holds a role they accepted: a change
 * to it (password, reset) is written to the audit log of each, without values. A cooperative that
 * only invited the person learns nothing of the account until they accept.
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

/** The roles the person holds in the cooperative, accepted or still offered by an invitation (what its admins manage). */
export async function rolesOf(db: Executor, userId: string, coopId: string): Promise<Role[]> {
  const rows = await db.select({ role: coopRoles.role }).from(coopRoles).where(and(eq(coopRoles.userId, userId), eq(coopRoles.coopId, coopId)));
  return rows.map((r) => r.role).sort();
}

/** The roles the person accepted in the cooperative: those a session acts with. */
async function acceptedRolesOf(db: Executor, userId: string, coopId: string): Promise<Role[]> {
  const rows = await db
    .select({ role: coopRoles.role })
    .from(coopRoles)
    .where(and(eq(coopRoles.userId, userId), eq(coopRoles.coopId, coopId), isNotNull(coopRoles.acceptedAt)));
  return rows.map((r) => r.role).sort();
}

/** Every cooperative where the person holds a role they accepted, with those roles. */
export async function coopsOf(db: Executor, userId: string): Promise<{ coopId: string; roles: Role[] }[]> {
  const rows = await db
    .select({ coopId: coopRoles.coopId, role: coopRoles.role })
    .from(coopRoles)
    .where(and(eq(coopRoles.userId, userId), isNotNull(coopRoles.acceptedAt)));
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
  const roles = row.session.coopId ? await acceptedRolesOf(db, row.user.id, row.session.coopId) : [];
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
  if ((await acceptedRolesOf(db, auth.userId, coopId)).length === 0) throw authErrors.NOT_A_MEMBER_OF_COOP();
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
  userId: string;
  email: string;
  displayName: string;
  coopId: string;
  role: Role;
  /** The person already logs in: they accept with their password instead of choosing one. */
  hasAccount: boolean;
}

/**
 * An invitation link lets whoever reads it (the inviting cooperative's admins, in its outbox)
 * choose the account's password when it has none. That is harmless only while the account opens
 * no other cooperative; an account that logs in accepts with its own password instead.
 */
async function assertAccountOnlyIn(db: Executor, userId: string, coopId: string): Promise<void> {
  if ((await coopsOf(db, userId)).some((c) => c.coopId !== coopId)) throw authErrors.INVITATION_OF_SHARED_ACCOUNT();
}

/** Whether the person still has to accept their roles in the cooperative (an invitation waits). */
export async function awaitsAcceptance(db: Executor, userId: string, coopId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: coopRoles.userId })
    .from(coopRoles)
    .where(and(eq(coopRoles.userId, userId), eq(coopRoles.coopId, coopId), isNull(coopRoles.acceptedAt)))
    .limit(1);
  return row !== undefined;
}

export async function viewInvitation(db: Db, token: string, now = new Date()): Promise<InvitationView> {
  const row = await findLiveToken(db, 'invitation', token, now);
  const user = row && (await findUserById(db, row.userId));
  // An invitation answered (or whose roles were taken back) opens nothing more.
  if (!row || !user || user.disabledAt || !row.coopId || !row.role || !(await awaitsAcceptance(db, user.id, row.coopId))) throw authErrors.INVITATION_NOT_FOUND();
  const hasAccount = user.passwordHash !== null;
  if (!hasAccount) await assertAccountOnlyIn(db, user.id, row.coopId);
  return { userId: user.id, email: user.email, displayName: user.displayName, coopId: row.coopId, role: row.role, hasAccount };
}

/**
 * The invited person accepts: a newcomer chooses their name and password; someone who already
 * logs in confirms with their password (counted as a login attempt). Their roles in the
 * cooperative take effect, the invitation works once, and a session opens there.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; displayName?: string; password: string; ip: string; userAgent?: string },
  now = new Date(),
): Promise<NewSession> {
  const invitation = await viewInvitation(db, input.token, now);
  let passwordHash: string | null = null;
  let displayName = invitation.displayName;
  if (invitation.hasAccount) {
    const attemptId = await reserveAttempt(db, normalizeEmail(invitation.email), input.ip, now);
    const user = await findUserById(db, invitation.userId);
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) {
      throw authErrors.WRONG_PASSWORD([{ path: 'password', message: { fr: 'Mot de passe incorrect.', en: 'Wrong password.' } }]);
    }
    await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
  } else {
    if (!input.displayName) throw invalidField('displayName', { fr: 'Indiquez votre nom.', en: 'Enter your name.' });
    displayName = input.displayName;
    assertPasswordPolicy('password', input.password, { email: invitation.email, displayName });
    passwordHash = await hashPassword(input.password);
  }
  return db.transaction(async (tx) => {
    const used = await tx
      .update(authTokens)
      .set({ usedAt: now })
      .where(and(eq(authTokens.tokenHash, sha256(input.token)), isNull(authTokens.usedAt)))
      .returning({ userId: authTokens.userId });
    if (used.length === 0 || used[0].userId !== invitation.userId) throw authErrors.INVITATION_NOT_FOUND();
    if (passwordHash) {
      await assertAccountOnlyIn(tx, invitation.userId, invitation.coopId);
      const chosen = await tx
        .update(users)
        .set({ passwordHash, displayName })
        .where(and(eq(users.id, invitation.userId), isNull(users.passwordHash)))
        .returning({ id: users.id });
      if (chosen.length === 0) throw authErrors.INVITATION_NOT_FOUND();
    }
    const accepted = await tx
      .update(coopRoles)
      .set({ acceptedAt: now })
      .where(and(eq(coopRoles.userId, invitation.userId), eq(coopRoles.coopId, invitation.coopId), isNull(coopRoles.acceptedAt)))
      .returning({ role: coopRoles.role });
    if (accepted.length === 0) throw authErrors.INVITATION_NOT_FOUND();
    await recordAudit(tx, { coopId: invitation.coopId, userId: invitation.userId, ip: input.ip }, {
      action: 'person.invitation_accepted',
      entityType: 'person',
      entityId: invitation.userId,
      before: passwordHash ? { displayName: invitation.displayName, password: null } : null,
      after: passwordHash ? { displayName, password: true } : { roles: accepted.map((r) => r.role).sort() },
      omit: passwordHash ? ['password'] : [],
    });
    const session = await openSession(tx, invitation.userId, input, now);
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

/**
 * Gives a role. An invitation gives it `awaitingAcceptance`: it opens nothing until the person
 * accepts. Otherwise a new role follows the person's standing in the cooperative: accepted if
 * they had accepted their other roles there (or hold none), still waiting if they had not.
 */
export async function grantRole(tx: Executor, coopId: string, userId: string, role: Role, opts: { awaitingAcceptance?: boolean } = {}): Promise<boolean> {
  const waiting = opts.awaitingAcceptance || (await awaitsAcceptance(tx, userId, coopId));
  const rows = await tx
    .insert(coopRoles)
    .values({ coopId, userId, role, acceptedAt: waiting ? null : sql`now()` })
    .onConflictDoNothing()
    .returning();
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
    .select({ userId: users.id, email: users.email, displayName: users.displayName, accepted: sql<boolean>`${coopRoles.acceptedAt} is not null`, role: coopRoles.role })
    .from(coopRoles)
    .innerJoin(users, eq(users.id, coopRoles.userId))
    .where(eq(coopRoles.coopId, coopId));
  const byUser = new Map<string, PersonInCoop>();
  for (const r of rows) {
    const person = byUser.get(r.userId) ?? { userId: r.userId, email: r.email, displayName: r.displayName, roles: [], active: r.accepted };
    person.roles.push(r.role);
    byUser.set(r.userId, person);
  }
  return [...byUser.values()].sort((a, b) => byFrenchName.compare(a.displayName, b.displayName) || a.userId.localeCompare(b.userId));
}

export async function setPasswordHash(tx: Executor, userId: string, passwordHash: string): Promise<void> {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
}
