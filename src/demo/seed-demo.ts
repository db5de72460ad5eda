import type { Db } from '../platform/db/client.js';
import type { FileStorage } from '../platform/files/storage.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { ensureUser, grantRole, setPasswordHash } from '../platform/auth/service.js';
import type { Role } from '../platform/auth/schema.js';
import type { Actor } from '../platform/http/context.js';
import { createActivity } from '../modules/activities/index.js';
import { createClient, type NewClient } from '../modules/clients/index.js';
import { createCoop, DEFAULT_POLES } from '../modules/coops/index.js';
import { ensureDefaultBankAccount } from '../modules/banking/index.js';
import { ensureChartOfAccounts } from '../modules/ledger/index.js';
import { createMember, moveMember, updateMember, type NewMember } from '../modules/members/index.js';
import { DEMO_CLIENTS, DEMO_MEMBERS, type DemoMember } from './demo-data.js';
import { seedDemoSales } from './seed-demo-sales.js';
import { seedDemoJobs } from './seed-jobs.js';
import { seedDemoSalaries } from './seed-salaries.js';
import { seedDemoAdvances } from './seed-advances.js';
import { seedDemoPayouts } from './seed-payouts.js';
import { seedDemoExpenses } from './seed-expenses.js';
import { seedDemoPurchases } from './seed-purchases.js';
import { seedDemoFees } from './seed-fees.js';
import { seedDemoWorkclubs } from './seed-workclubs.js';
import { todayInFrance } from '../platform/calendar/index.js';
import { seedDemoEvents } from './seed-events.js';
import { seedDemoCochallenge } from './seed-cochallenge.js';
import { seedDemoIndependents } from './seed-independents.js';
import { seedDemoDirectory } from './seed-directory.js';
import { seedDemoKnowledge } from './seed-knowledge.js';
import { seedDemoResources } from './seed-resources.js';
import { seedDemoPlans } from './seed-plans.js';
import { listChargeableBookings } from '../modules/resources/index.js';

/** Every demo account shares this password (demo seed only; real accounts follow the policy). */
export const DEMO_PASSWORD = 'mutualise-demo';
export const DEMO_ADMIN_EMAIL = 'admin@demo.mutualise.coop';

export interface DemoLogin {
  email: string;
  role: Role;
  name: string;
}

export interface DemoSeedOptions {
  /**
   * Where the files of the sales chain go (the PDF of a sent quote, attached to its mail).
   * Without it the demo has its people, activities and clients but no sales: the end-to-end
   * journeys start from that, so the totals they check are only their own.
   */
  storage?: FileStorage;
  /** Base of the links mails carry (the quote portal). */
  publicUrl?: string;
}

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * "Coopérative Démo": a CAE that also hosts independents and coworkers, so every membership
 * type, status and screen has something to show, with five months of sales when given a
 * storage. Everything goes through the modules' services (checks, history, audit, ledger),
 * in one transaction: all or nothing. The same `now` gives the same cooperative.
 */
export async function seedDemo(db: Db, now = new Date(), opts: DemoSeedOptions = {}): Promise<{ coopId: string; logins: DemoLogin[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const coop = await createCoop(tx, {
      name: 'Coopérative Démo',
      legalForm: 'scop_sa',
      // A SIREN and SIRET with valid Luhn keys; the VAT number is derived from the SIREN.
      siren: '552081317',
      siret: '55208131700018',
      // Printed on every document as "RCS Lyon 552 081 317" (Code de commerce R123-237).
      registryKind: 'RCS',
      registryCity: 'Lyon',
      addressLine1: '12 rue des Coopérateurs',
      addressLine2: null,
      postalCode: '69001',
      city: 'Lyon',
      country: 'FR',
      email: 'contact@demo.mutualise.coop',
      phone: '04 78 00 00 00',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      contributionRateBp: 1000,
      contributionBasis: 'validation',
      dealBringerRateBp: 800,
      monthlyMemberFeeCents: 9000,
      invoiceNumberFormat: 'F{YYYY}-{SEQ:5}',
      paymentTermsDays: 30,
      paymentTermsEndOfMonth: false,
      latePenaltyRateBp: 1215,
      leavingNoticeMonths: 1,
      membershipTypes: ['entrepreneur_salarie', 'independent', 'coworker'],
      poles: DEFAULT_POLES,
    });
    await ensureChartOfAccounts(tx, coop.id, { today: isoDay(now) });
    // The account of the coop's IBAN, where the demo's statements are imported (512, journal BQ).
    await ensureDefaultBankAccount(tx, { coopId: coop.id, userId: null });

    const logins: DemoLogin[] = [];
    const person = async (email: string, name: string, role: Role) => {
      const { user } = await ensureUser(tx, { email, displayName: name });
      await setPasswordHash(tx, user.id, passwordHash);
      await grantRole(tx, coop.id, user.id, role);
      logins.push({ email, role, name });
      return user.id;
    };
    const adminId = await person(DEMO_ADMIN_EMAIL, 'Claire Administratrice', 'admin');
    const advisorId = await person('conseiller@demo.mutualise.coop', 'Karim Conseiller', 'staff');
    const accountantId = await person('comptable@demo.mutualise.coop', 'Sophie Comptable', 'accountant');

    const actor: Actor = { coopId: coop.id, userId: adminId, roles: ['admin'], ip: '127.0.0.1', locale: 'fr' };
    // moveMember opens its own transaction; inside this one it becomes a savepoint.
    const asDb = tx as unknown as Db;
    const memberIds = new Map<string, string>();
    const userIds = new Map<string, string>();

    for (const m of DEMO_MEMBERS) {
      const userId = await person(m.email, `${m.firstName} ${m.lastName}`, 'member');
      userIds.set(m.email, userId);
      const joined = new Date(now.getTime() - m.joinedDaysAgo * DAY);
      const input: NewMember = {
        firstName: m.firstName,
        lastName: m.lastName,
        email: m.email,
        membershipType: m.type,
        userId,
        phone: m.phone,
        pole: m.pole,
        skills: m.skills,
        trades: m.trades,
        advisorUserId: advisorId,
        companyName: m.company?.name ?? null,
        siret: m.company?.siret ?? null,
      };
      const { id } = await createMember(tx, actor, input, joined);
      memberIds.set(m.email, id);
      // An independent's company seat: a mandatory mention of the invoices they send the coop.
      if (m.address) await updateMember(asDb, actor, id, { addressLine1: m.address.line1, postalCode: m.address.postalCode, city: m.address.city });
      await walkLifecycle(asDb, actor, id, m, joined);
    }

    const activityIds = new Map<string, string>();
    for (const m of DEMO_MEMBERS) {
      if (!m.activity) continue;
      const { id } = await createActivity(tx, actor, {
        code: m.activity.code,
        name: m.activity.name,
        description: m.activity.description,
        holders: [{ memberId: memberIds.get(m.email)!, shareBp: 10_000 }],
      });
      activityIds.set(m.activity.code, id);
    }
    // A shared activity: two members renovate houses together, 60 / 40.
    const shared = await createActivity(tx, actor, {
      code: 'ECO-RENOVATION',
      name: 'Collectif Éco-Rénovation',
      description: 'Rénovation énergétique de maisons anciennes, menuiserie et isolation biosourcée.',
      holders: [
        { memberId: memberIds.get('etienne.lefevre@demo.mutualise.coop')!, shareBp: 6_000 },
        { memberId: memberIds.get('hugo.petit@demo.mutualise.coop')!, shareBp: 4_000 },
      ],
    });
    activityIds.set('ECO-RENOVATION', shared.id);

    const clientIds = new Map<string, string>();
    for (const c of DEMO_CLIENTS) {
      const input: NewClient = { ...c.client, activityId: activityIds.get(c.activityCode) } as NewClient;
      clientIds.set(c.client.name, (await createClient(tx, actor, input)).id);
    }

    await seedDemoPayouts({ db: asDb, memberActor: (email) => ({ ...actor, userId: userIds.get(email)!, roles: ['member'] }), memberIds });
    await seedDemoKnowledge({ db: asDb, advisor: { ...actor, userId: advisorId, roles: ['staff'] }, camille: { ...actor, userId: userIds.get('camille.martin@demo.mutualise.coop')!, roles: ['member'] }, nathalie: { ...actor, userId: userIds.get('nathalie.roux@demo.mutualise.coop')!, roles: ['member'] } });
    if (opts.storage) {
      const staff = (userId: string): Actor => ({ ...actor, userId, roles: ['staff'] });
      const drafters = new Map(DEMO_MEMBERS.filter((m) => m.activity).map((m) => [m.activity!.code, m.email]));
      // The shared activity's invoices are drafted by its main holder.
      drafters.set('ECO-RENOVATION', 'etienne.lefevre@demo.mutualise.coop');
      await seedDemoSales({
        db: asDb,
        storage: opts.storage,
        publicUrl: opts.publicUrl ?? 'http://localhost:3000',
        coopId: coop.id,
        now,
        advisor: staff(advisorId),
        // The accountant reads the books and changes nothing: the advisor records the money.
        accountant: staff(advisorId),
        memberActor: (email) => ({ ...actor, userId: userIds.get(email)!, roles: ['member'] }),
        drafterOf: (code) => drafters.get(code)!,
        activityIds,
        clientIds,
      });
      await seedDemoSalaries({ db: asDb, now, advisor: staff(advisorId), memberActor: (email) => ({ ...actor, userId: userIds.get(email)!, roles: ['member'] }), drafterOf: (code) => drafters.get(code)!, activityIds });
      await seedDemoAdvances({ db: asDb, admin: actor, advisor: staff(advisorId), today: isoDay(now) });
      await seedDemoExpenses({ db: asDb, storage: opts.storage, advisor: staff(advisorId), member: { ...actor, userId: userIds.get('camille.martin@demo.mutualise.coop')!, roles: ['member'] }, activityId: activityIds.get('CAMILLE-GRAPHISME')!, today: isoDay(now) });
      await seedDemoPurchases({ db: asDb, storage: opts.storage, advisor: staff(advisorId), activityId: activityIds.get('ECO-RENOVATION')!, today: isoDay(now) });
      await seedDemoFees({ db: asDb, storage: opts.storage, admin: { ...actor, roles: ['admin'] }, advisor: staff(advisorId), nathalieId: memberIds.get('nathalie.roux@demo.mutualise.coop')!, today: isoDay(now) });
    }
    await seedDemoEvents({ db: asDb, storage: opts.storage, now, advisor: { ...actor, userId: advisorId, roles: ['staff'] }, memberActor: (email) => ({ ...actor, userId: userIds.get(email)!, roles: ['member'] }), memberIds });
    await seedDemoJobs({ db: asDb, advisor: { ...actor, userId: advisorId, roles: ['staff'] }, today: isoDay(now), activityIds, clientIds, memberIds, withSales: Boolean(opts.storage) });
    await seedDemoWorkclubs({ db: asDb, advisor: { ...actor, userId: advisorId, roles: ['staff'] }, memberActor: (email) => ({ ...actor, userId: userIds.get(email)!, roles: ['member'] }), memberIds, now, today: todayInFrance(now), publicUrl: opts.publicUrl ?? 'http://localhost:3000', storage: opts.storage });
    await seedDemoCochallenge({ db: asDb, advisor: { ...actor, userId: advisorId, roles: ['staff'] }, today: isoDay(now), memberIds });
    await seedDemoResources({ db: asDb, advisor: { ...actor, userId: advisorId, roles: ['staff'] }, now, memberIds, activityIds, storage: opts.storage ?? null });
    if (opts.storage) await seedDemoIndependents({ db: asDb, storage: opts.storage, advisor: { ...actor, userId: advisorId, roles: ['staff'] }, today: isoDay(now), activityIds, clientIds, memberIds });
    await seedDemoDirectory({ db: asDb, storage: opts.storage, memberIds, admin: { ...actor, roles: ['admin'] }, advisor: { ...actor, userId: advisorId, roles: ['staff'] }, memberActor: (email) => ({ ...actor, userId: userIds.get(email)!, roles: ['member'] }) });
    // Last month's billing posts to the ledger: like the other money of the demo, only in the full
    // demo (with storage); the browser journeys' bare seed keeps the books to what they post.
    await seedDemoPlans({ db: asDb, advisor: { ...actor, userId: advisorId, roles: ['staff'] }, memberIds, activityIds, today: isoDay(now), bookingsOf: listChargeableBookings, storage: opts.storage ?? null });
    return { coopId: coop.id, logins };
  });
}

/** Moves a demo member along the dated steps of their story (CAPE, CESA, associate, notice…). */
async function walkLifecycle(db: Db, actor: Actor, memberId: string, m: DemoMember, joined: Date) {
  let day = joined.getTime();
  for (const step of m.path) {
    day += step.afterDays * DAY;
    const date = isoDay(new Date(day));
    if (step.to === 'in_support') {
      await moveMember(db, actor, memberId, { to: 'in_support', effectiveDate: date, contractStartDate: date, contractEndDate: isoDay(new Date(day + 364 * DAY)) });
    } else if (step.to === 'employee') {
      await moveMember(db, actor, memberId, { to: 'employee', effectiveDate: date, contractStartDate: date });
    } else if (step.to === 'leaving') {
      await moveMember(db, actor, memberId, { to: 'leaving', effectiveDate: date, noticeDate: date });
    } else {
      await moveMember(db, actor, memberId, { to: step.to, effectiveDate: date });
    }
  }
}

