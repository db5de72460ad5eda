import { createHash, randomUUID } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import { auditLog } from '../../src/platform/audit/schema.js';
import { coopRoles, users } from '../../src/platform/auth/schema.js';
import { ensureUser, grantRole, setPasswordHash } from '../../src/platform/auth/service.js';
import type { Db } from '../../src/platform/db/client.js';
import { luhnValid } from '../../src/platform/identifiers/luhn.js';
import { frenchVatNumberFromSiren } from '../../src/platform/identifiers/vat.js';
import { activities, activityMembers } from '../../src/modules/activities/schema.js';
import { clientActivities, clientAddresses, clientContacts, clients } from '../../src/modules/clients/schema.js';
import { createCoop, DEFAULT_POLES } from '../../src/modules/coops/index.js';
import { memberDocuments, members, memberStatusChanges } from '../../src/modules/members/schema.js';
import type { MemberStatus } from '../../src/modules/members/index.js';
import {
  ascii,
  BUSINESSES,
  CITIES,
  CONTACT_ROLES,
  FIRST_NAMES,
  LAST_NAMES,
  LEGAL_FORMS,
  PUBLIC_BODIES,
  randomSource,
  STREETS,
  TRADES,
  type Random,
} from './french-names.js';

export interface CoopSize {
  members: number;
  activities: number;
  clients: number;
}

/** What the measurements need to know of a loaded cooperative. */
export interface LoadedCoop {
  id: string;
  domain: string;
  admin: { email: string };
  staff: { email: string };
  /** A member account holding two activities (one shared), to measure "my activities / my clients". */
  member: { email: string; memberId: string; activityIds: string[] };
  memberIds: string[];
  activityIds: string[];
  clientIds: string[];
  /** SIRENs of the clients that are not archived (those the list shows by default). */
  sirens: string[];
  counts: Record<string, number>;
}

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Multi-row INSERTs of `batch` rows (PostgreSQL takes at most 65,535 parameters a statement). */
async function insertAll<T extends PgTable>(db: Db, table: T, rows: T['$inferInsert'][], batch = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) await db.insert(table).values(rows.slice(i, i + batch) as never);
}

/** A Luhn-valid SIREN per `n`, distinct for distinct `n` below 10 million. */
function sirenOf(n: number): string {
  const body = String(10_000_000 + n).padStart(8, '0');
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}
function siretOf(siren: string): string {
  for (let nic = 10; nic < 100_000; nic++) {
    const siret = siren + String(nic).padStart(5, '0');
    if (luhnValid(siret)) return siret;
  }
  throw new Error('unreachable');
}

const PATHS: Record<'entrepreneur_salarie' | 'independent' | 'coworker', Record<string, MemberStatus[]>> = {
  entrepreneur_salarie: {
    candidate: [],
    in_support: ['in_support'],
    employee: ['in_support', 'employee'],
    associate: ['in_support', 'employee', 'associate'],
    leaving: ['in_support', 'employee', 'leaving'],
    left: ['in_support', 'employee', 'leaving', 'left'],
  },
  independent: { candidate: [], active: ['active'], associate: ['active', 'associate'], leaving: ['active', 'leaving'], left: ['active', 'leaving', 'left'] },
  coworker: { candidate: [], active: ['active'], leaving: ['active', 'leaving'], left: ['active', 'leaving', 'left'] },
};
const STATUS_WEIGHTS = {
  entrepreneur_salarie: { candidate: 6, in_support: 18, employee: 38, associate: 20, leaving: 4, left: 14 },
  independent: { candidate: 5, active: 55, associate: 20, leaving: 5, left: 15 },
  coworker: { candidate: 5, active: 75, leaving: 5, left: 15 },
};

export const ADVISORS = ['Sandrine Aubry', 'Thierry Lemoine', 'Géraldine Perret', 'Olivier Chassagne', 'Armelle Quéré', 'Pascal Étiévant', 'Bénédicte Hurel', 'Damien Sauvé', 'Corinne Vallée', 'Hervé Lainé', 'Isabelle Précourt', 'Jean-Marc Rivière'];

/**
 * A cooperative of realistic shape, loaded in bulk: the coop and its staff through the
 * services (createCoop, ensureUser, grantRole), the thousands of rows under it by multi-row
 * INSERTs straight into the tables, as a migration from another tool would.
 */
export async function loadCoop(db: Db, opts: { label: string; seed: number; size: CoopSize; passwordHash: string; today?: Date }): Promise<LoadedCoop> {
  const rnd = randomSource(opts.seed);
  const today = opts.today ?? new Date();
  const daysAgo = (n: number) => new Date(today.getTime() - n * DAY);
  const domain = `${opts.label}-${randomUUID().slice(0, 8)}.bench`;
  const sirenBase = rnd.int(1, 1_000) * 10_000 + opts.seed * 3_000_000;

  const coopSiren = sirenOf(sirenBase + 9_999_999 - opts.seed);
  const coop = await createCoop(db, {
    name: `Coopérative ${opts.label}`,
    legalForm: 'scop_sa',
    siren: coopSiren,
    siret: siretOf(coopSiren),
    addressLine1: '12 rue de la Coopération',
    postalCode: '69003',
    city: 'Lyon',
    country: 'FR',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP',
    contributionRateBp: 1000,
    contributionBasis: 'validation',
    dealBringerRateBp: 800,
    monthlyMemberFeeCents: 0,
    invoiceNumberFormat: 'F{YYYY}-{SEQ:5}',
    paymentTermsDays: 30,
    paymentTermsEndOfMonth: false,
    latePenaltyRateBp: 1215,
    leavingNoticeMonths: 1,
    membershipTypes: ['entrepreneur_salarie', 'independent', 'coworker'],
    poles: DEFAULT_POLES,
  });
  const coopId = coop.id;

  const person = async (email: string, displayName: string, role: 'admin' | 'staff' | 'member') => {
    const { user } = await ensureUser(db, { email, displayName });
    await setPasswordHash(db, user.id, opts.passwordHash);
    await grantRole(db, coopId, user.id, role);
    return user.id;
  };
  const adminEmail = `direction@${domain}`;
  await person(adminEmail, 'Marianne Delorme', 'admin');
  const advisorIds: string[] = [];
  for (const [i, name] of ADVISORS.entries()) advisorIds.push(await person(`${ascii(name)}.${i}@${domain}`, name, 'staff'));
  const staffEmail = `${ascii(ADVISORS[0])}.0@${domain}`;

  // Members, their accounts, their lifecycle and their paperwork.
  const memberRows: (typeof members.$inferInsert)[] = [];
  const userRows: (typeof users.$inferInsert)[] = [];
  const roleRows: (typeof coopRoles.$inferInsert)[] = [];
  const changeRows: (typeof memberStatusChanges.$inferInsert)[] = [];
  const documentRows: (typeof memberDocuments.$inferInsert)[] = [];
  const auditRows: (typeof auditLog.$inferInsert)[] = [];
  const audit = (at: Date, action: string, entityType: string, entityId: string, actorUserId: string | null, after: Record<string, unknown>) =>
    auditRows.push({ coopId, at, actorUserId, action, entityType, entityId, changes: Object.fromEntries(Object.entries(after).map(([k, v]) => [k, { before: null, after: v }])) });

  const trades: (typeof TRADES)[number][] = [];
  for (let i = 0; i < opts.size.members; i++) {
    const id = randomUUID();
    const firstName = rnd.pick(FIRST_NAMES);
    const lastName = rnd.pick(LAST_NAMES);
    const type = rnd.weighted({ entrepreneur_salarie: 65, independent: 20, coworker: 15 });
    const status = rnd.weighted(STATUS_WEIGHTS[type] as Record<string, number>) as MemberStatus;
    const trade = rnd.pick(TRADES);
    trades.push(trade);
    const place = rnd.pick(CITIES);
    const joined = daysAgo(rnd.int(20, 2_400));
    const steps = PATHS[type][status];
    const span = (today.getTime() - joined.getTime()) / (steps.length + 1);
    const stepDates = steps.map((_, k) => isoDay(new Date(joined.getTime() + span * (k + 1))));
    const dateOf = (s: MemberStatus) => stepDates[steps.indexOf(s)] ?? null;
    const advisorUserId = rnd.chance(0.85) ? rnd.pick(advisorIds) : null;
    const company = type === 'independent' ? { name: `${lastName} ${trade.business} ${rnd.pick(['SARL', 'EURL', 'SASU'])}`, siret: siretOf(sirenOf(sirenBase + 2_000_000 + i)) } : null;
    const email = `${ascii(firstName)}.${ascii(lastName)}.${i}@${domain}`;

    let userId: string | null = null;
    if (status !== 'candidate' && rnd.chance(0.9)) {
      userId = randomUUID();
      const passwordHash = rnd.chance(0.9) ? opts.passwordHash : null;
      userRows.push({ id: userId, email, displayName: `${firstName} ${lastName}`, passwordHash, createdAt: joined });
      // Those who chose a password accepted their invitation; the others are still invited.
      roleRows.push({ coopId, userId, role: 'member', createdAt: joined, acceptedAt: passwordHash ? joined : null });
    }
    memberRows.push({
      id,
      coopId,
      userId,
      firstName,
      lastName,
      email,
      phone: `0${rnd.pick([6, 7])} ${String(rnd.int(10, 99))} ${String(rnd.int(10, 99))} ${String(rnd.int(10, 99))} ${String(rnd.int(10, 99))}`,
      membershipType: type,
      status,
      statusSince: stepDates[stepDates.length - 1] ?? isoDay(joined),
      pole: trade.pole,
      skills: rnd.sample(trade.skills, rnd.int(1, 3)),
      trades: [trade.trade],
      advisorUserId,
      bio: rnd.chance(0.5) ? `${trade.trade[0].toUpperCase()}${trade.trade.slice(1)} installé·e à ${place.city}, ${rnd.int(2, 25)} ans d’expérience.` : null,
      addressLine1: `${rnd.int(1, 120)} ${rnd.pick(STREETS)}`,
      postalCode: place.postalCode,
      city: place.city,
      companyName: company?.name ?? null,
      siret: company?.siret ?? null,
      supportStartDate: dateOf('in_support'),
      supportEndDate: dateOf('in_support') ? isoDay(new Date(new Date(dateOf('in_support')!).getTime() + 365 * DAY)) : null,
      employmentStartDate: dateOf('employee'),
      associateSince: dateOf('associate'),
      noticeDate: dateOf('leaving'),
      leavingDate: dateOf('left') ?? (status === 'leaving' ? isoDay(new Date(today.getTime() + 20 * DAY)) : null),
      createdAt: joined,
      updatedAt: joined,
    });
    audit(joined, 'member.created', 'member', id, advisorUserId, { firstName, lastName, email, membershipType: type });
    let from: MemberStatus | null = null;
    for (const [k, to] of (['candidate', ...steps] as MemberStatus[]).entries()) {
      const effective = k === 0 ? isoDay(joined) : stepDates[k - 1];
      const at = new Date(`${effective}T09:30:00Z`);
      changeRows.push({ coopId, memberId: id, fromStatus: from, toStatus: to, effectiveDate: effective, byUserId: advisorUserId, at });
      if (k > 0) audit(at, 'member.moved', 'member', id, advisorUserId, { status: to });
      from = to;
    }
    const document = (kind: 'charter' | 'fiscal_statement', title: string, extra: { signedOn?: string; year?: number }) => {
      const docId = randomUUID();
      documentRows.push({
        id: docId,
        coopId,
        memberId: id,
        kind,
        title,
        fileName: `${kind}-${ascii(lastName)}.pdf`,
        contentType: 'application/pdf',
        sizeBytes: rnd.int(40_000, 900_000),
        sha256: createHash('sha256').update(docId).digest('hex'),
        storageKey: `members/${id}/${docId}`,
        uploadedBy: advisorUserId,
        uploadedAt: joined,
        ...extra,
      });
    };
    if (status !== 'candidate' && rnd.chance(0.85)) document('charter', 'Charte signée', { signedOn: isoDay(joined) });
    if (type === 'independent' && status !== 'candidate') {
      for (let y = today.getFullYear() - 1; y >= joined.getFullYear() && y >= today.getFullYear() - 3; y--) {
        if (rnd.chance(0.75)) document('fiscal_statement', `Déclaration fiscale ${y}`, { year: y });
      }
    }
  }

  // The measured member account: an entrepreneur-salarié employed for two years.
  const me = memberRows[0];
  Object.assign(me, { membershipType: 'entrepreneur_salarie', status: 'employee', firstName: 'Étienne', lastName: 'Lefèvre', companyName: null, siret: null });
  const meEmail = `etienne.lefevre@${domain}`;
  const meUserId = await person(meEmail, 'Étienne Lefèvre', 'member');
  const meIndex = userRows.findIndex((u) => u.id === me.userId);
  if (meIndex >= 0) {
    userRows.splice(meIndex, 1);
    roleRows.splice(meIndex, 1);
  }
  me.userId = meUserId;

  // Activities: one per member who got past candidacy, more for some, one in ten shared.
  const holdersPool = memberRows.filter((m) => m.status !== 'candidate');
  const activityRows: (typeof activities.$inferInsert)[] = [];
  const holderRows: (typeof activityMembers.$inferInsert)[] = [];
  const meActivityIds: string[] = [];
  const addActivity = (holders: (typeof members.$inferInsert)[], n: number) => {
    const id = randomUUID();
    const main = holders[0];
    const trade = trades[memberRows.indexOf(main)] ?? rnd.pick(TRADES);
    const name = rnd.weighted({ business: 5, person: 3, atelier: 2 });
    const createdAt = new Date(Math.max(main.createdAt!.getTime() + rnd.int(1, 60) * DAY, today.getTime() - 2_000 * DAY));
    activityRows.push({
      id,
      coopId,
      code: `${ascii(main.lastName).toUpperCase().slice(0, 12)}-${String(n).padStart(5, '0')}`,
      name:
        name === 'business'
          ? `${trade.business} ${main.lastName}`
          : name === 'person'
            ? `${main.firstName} ${main.lastName} ${trade.business}`
            : `Atelier ${main.firstName} ${rnd.pick(CITIES).city}`,
      description: rnd.chance(0.6) ? `${trade.business} pour les particuliers et les entreprises, autour de ${rnd.pick(CITIES).city}.` : null,
      status: main.status === 'left' ? 'closed' : rnd.chance(0.1) ? 'suspended' : 'active',
      createdAt,
      updatedAt: createdAt,
    });
    const shares = holders.length === 1 ? [10_000] : holders.length === 2 ? [6_000, 4_000] : [4_000, 3_000, 3_000];
    holders.forEach((h, k) => holderRows.push({ coopId, activityId: id, memberId: h.id!, shareBp: shares[k] }));
    audit(createdAt, 'activity.created', 'activity', id, main.advisorUserId ?? null, { code: activityRows[activityRows.length - 1].code, name: activityRows[activityRows.length - 1].name });
    if (holders.includes(me)) meActivityIds.push(id);
    return id;
  };
  addActivity([me], 0);
  addActivity([holdersPool[1], me], 1);
  for (let n = 2; n < opts.size.activities; n++) {
    const main = n - 2 < holdersPool.length ? holdersPool[n - 2] : rnd.pick(holdersPool);
    const holders = [main];
    if (rnd.chance(0.1)) for (const other of [rnd.pick(holdersPool), rnd.pick(holdersPool)].slice(0, rnd.int(1, 2))) if (!holders.includes(other) && other !== me) holders.push(other);
    addActivity(holders, n);
  }
  const liveActivities = activityRows.filter((a) => a.status !== 'closed').map((a) => a.id!);

  // Clients: companies (SIREN, SIRET, VAT number) and individuals, with addresses, contacts and links.
  const clientRows: (typeof clients.$inferInsert)[] = [];
  const addressRows: (typeof clientAddresses.$inferInsert)[] = [];
  const contactRows: (typeof clientContacts.$inferInsert)[] = [];
  const linkRows: (typeof clientActivities.$inferInsert)[] = [];
  const sirens: string[] = [];
  for (let i = 0; i < opts.size.clients; i++) {
    const id = randomUUID();
    const isCompany = rnd.chance(0.75);
    const place = rnd.pick(CITIES);
    const shape = rnd.weighted({ business: 6, partners: 2, public: 1 });
    const name = !isCompany
      ? `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`
      : shape === 'business'
        ? `${rnd.pick(BUSINESSES)} ${rnd.pick(LAST_NAMES)}${rnd.chance(0.5) ? ` ${rnd.pick(LEGAL_FORMS)}` : ''}`
        : shape === 'partners'
          ? `${rnd.pick(LAST_NAMES)} & ${rnd.pick(LAST_NAMES)} ${rnd.pick(LEGAL_FORMS)}`
          : `${rnd.pick(PUBLIC_BODIES)} ${place.city}`;
    const siren = isCompany ? sirenOf(sirenBase + i) : null;
    const archivedAt = rnd.chance(0.04) ? daysAgo(rnd.int(1, 300)) : null;
    if (siren && !archivedAt) sirens.push(siren);
    const createdAt = daysAgo(rnd.int(1, 2_000));
    clientRows.push({
      id,
      coopId,
      kind: isCompany ? 'company' : 'individual',
      name,
      legalForm: isCompany && shape !== 'public' ? rnd.pick(LEGAL_FORMS) : null,
      siren,
      siret: siren ? siretOf(siren) : null,
      vatNumber: siren ? frenchVatNumberFromSiren(siren) : null,
      email: `contact.${i}@${ascii(name).slice(0, 40)}.fr`,
      phone: `0${rnd.int(1, 5)} ${rnd.int(10, 99)} ${rnd.int(10, 99)} ${rnd.int(10, 99)} ${rnd.int(10, 99)}`,
      website: isCompany && rnd.chance(0.4) ? `https://www.${ascii(name).slice(0, 40)}.fr` : null,
      notes: rnd.chance(0.2) ? 'Relancer en fin de trimestre ; préfère les échanges par courriel.' : null,
      archivedAt,
      createdAt,
      updatedAt: createdAt,
    });
    addressRows.push({ coopId, clientId: id, kind: 'billing', line1: `${rnd.int(1, 200)} ${rnd.pick(STREETS)}`, postalCode: place.postalCode, city: place.city, isDefault: true });
    if (rnd.chance(0.2)) {
      const other = rnd.pick(CITIES);
      addressRows.push({ coopId, clientId: id, kind: 'delivery', line1: `${rnd.int(1, 200)} ${rnd.pick(STREETS)}`, postalCode: other.postalCode, city: other.city, isDefault: true });
    }
    if (isCompany) {
      for (let k = rnd.int(1, 3); k > 0; k--) {
        const first = rnd.pick(FIRST_NAMES);
        const last = rnd.pick(LAST_NAMES);
        contactRows.push({ coopId, clientId: id, firstName: first, lastName: last, role: rnd.pick(CONTACT_ROLES), email: `${ascii(first)}.${ascii(last)}@${ascii(name).slice(0, 30)}.fr`, isPrimary: k === 1 });
      }
    }
    const linked = i < 30 ? [meActivityIds[i % 2]] : Array.from({ length: rnd.chance(0.8) ? 1 : rnd.int(2, 3) }, () => rnd.pick(liveActivities));
    for (const activityId of new Set(linked)) linkRows.push({ coopId, clientId: id, activityId, createdAt });
    audit(createdAt, 'client.created', 'client', id, rnd.pick(advisorIds), { name, kind: isCompany ? 'company' : 'individual', siren });
  }

  await insertAll(db, users, userRows);
  await insertAll(db, coopRoles, roleRows);
  await insertAll(db, members, memberRows, 500);
  await insertAll(db, memberStatusChanges, changeRows);
  await insertAll(db, memberDocuments, documentRows);
  // Shares of an activity are checked at commit: each statement carries whole activities.
  await insertAll(db, activities, activityRows);
  for (let i = 0; i < holderRows.length; ) {
    let j = Math.min(i + 1000, holderRows.length);
    while (j < holderRows.length && holderRows[j].activityId === holderRows[j - 1].activityId) j++;
    await db.insert(activityMembers).values(holderRows.slice(i, j));
    i = j;
  }
  await insertAll(db, clients, clientRows);
  await insertAll(db, clientAddresses, addressRows);
  await insertAll(db, clientContacts, contactRows);
  await insertAll(db, clientActivities, linkRows);
  auditRows.sort((a, b) => a.at!.getTime() - b.at!.getTime());
  await insertAll(db, auditLog, auditRows);

  return {
    id: coopId,
    domain,
    admin: { email: adminEmail },
    staff: { email: staffEmail },
    member: { email: meEmail, memberId: me.id!, activityIds: meActivityIds },
    memberIds: memberRows.map((m) => m.id!),
    activityIds: activityRows.map((a) => a.id!),
    clientIds: clientRows.map((c) => c.id!),
    sirens,
    counts: {
      users: userRows.length + ADVISORS.length + 2,
      members: memberRows.length,
      statusChanges: changeRows.length,
      documents: documentRows.length,
      activities: activityRows.length,
      holders: holderRows.length,
      clients: clientRows.length,
      addresses: addressRows.length,
      contacts: contactRows.length,
      clientActivities: linkRows.length,
      auditEntries: auditRows.length,
    },
  };
}
