import type { Db } from '../../platform/db/client.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { ensureUser, grantRole, setPasswordHash } from '../../platform/auth/service.js';
import type { Role } from '../../platform/auth/schema.js';
import { createCoop, DEFAULT_POLES } from '../coops/index.js';

/** Every demo account shares this password (demo seed only; real accounts follow the policy). */
export const DEMO_PASSWORD = 'mutualise-demo';
export const DEMO_ADMIN_EMAIL = 'admin@demo.mutualise.coop';

export interface DemoLogin {
  email: string;
  role: Role;
  name: string;
}

/**
 * "Coopérative Démo": a CAE that also hosts independents and coworkers, so every membership
 * type and screen has something to show. Runs in one transaction: all or nothing.
 */
export async function seedDemo(db: Db): Promise<{ coopId: string; logins: DemoLogin[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const coop = await createCoop(tx, {
      name: 'Coopérative Démo',
      legalForm: 'scop_sa',
      // SIREN 552 081 317 with a Luhn key; the SIRET is its head office.
      siren: '552081317',
      siret: '55208131700018',
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

    const logins: DemoLogin[] = [];
    const person = async (email: string, name: string, role: Role) => {
      const { user } = await ensureUser(tx, { email, displayName: name });
      await setPasswordHash(tx, user.id, passwordHash);
      await grantRole(tx, coop.id, user.id, role);
      logins.push({ email, role, name });
      return user.id;
    };
    await person(DEMO_ADMIN_EMAIL, 'Claire Administratrice', 'admin');
    await person('conseiller@demo.mutualise.coop', 'Karim Conseiller', 'staff');
    await person('comptable@demo.mutualise.coop', 'Sophie Comptable', 'staff');
    return { coopId: coop.id, logins };
  });
}
