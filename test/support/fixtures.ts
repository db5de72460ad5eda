import { hashPassword } from '../../src/platform/auth/passwords.js';
import { ensureUser, grantRole, setPasswordHash } from '../../src/platform/auth/service.js';
import type { Role } from '../../src/platform/auth/schema.js';
import type { Db } from '../../src/platform/db/client.js';
import { sql } from 'drizzle-orm';
import { luhnValid } from '../../src/platform/identifiers/luhn.js';
import { createCoop } from '../../src/modules/coops/index.js';

export { DEMO_PASSWORD } from '../../src/demo/seed-demo.js';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.js';

let hashed: Promise<string> | undefined;
const demoHash = () => (hashed ??= hashPassword(DEMO_PASSWORD));

/** A SIREN with a valid Luhn key, different for each seed. */
export function sirenFor(seed: number): string {
  const body = String(10_000_000 + (seed % 89_999_999)).padStart(8, '0');
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

/** A SIRET of that SIREN (establishment 00010 or the next valid one). */
export function siretFor(siren: string): string {
  for (let nic = 10; nic < 100_000; nic++) {
    const siret = siren + String(nic).padStart(5, '0');
    if (luhnValid(siret)) return siret;
  }
  throw new Error('unreachable');
}

let counter = 0;

export async function createPerson(db: Db, coopId: string, email: string, displayName: string, roles: Role[]) {
  const { user } = await ensureUser(db, { email, displayName });
  await setPasswordHash(db, user.id, await demoHash());
  for (const r of roles) await grantRole(db, coopId, user.id, r);
  return { id: user.id, email, displayName };
}

/** A cooperative with an admin, two staff and one member account, all with DEMO_PASSWORD. */
export async function createTestCoop(db: Db, label: string) {
  const n = ++counter + Math.floor(Math.random() * 1_000_000);
  const siren = sirenFor(n * 7919);
  const coop = await createCoop(db, {
    name: `Coop ${label}`,
    legalForm: 'scop_sa',
    siren,
    siret: siretFor(siren),
    registryKind: 'RCS',
    registryCity: 'Paris',
    addressLine1: '1 rue de la Coopération',
    postalCode: '75011',
    city: 'Paris',
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
    poles: ['project_management', 'technical'],
  });
  const domain = `${label}-${n}.test`;
  return {
    id: coop.id,
    name: coop.name,
    admin: await createPerson(db, coop.id, `admin@${domain}`, 'Alice Admin', ['admin']),
    staff: await createPerson(db, coop.id, `advisor@${domain}`, 'Sam Staff', ['staff']),
    accountant: await createPerson(db, coop.id, `accountant@${domain}`, 'Anna Accountant', ['staff']),
    member: await createPerson(db, coop.id, `member@${domain}`, 'Mia Member', ['member']),
  };
}

/**
 * A cooperative row as an old schema takes it, for the tests of a data migration: only the
 * columns every version of `coops` has (the service writes today's columns, which a database
 * migrated to an earlier point lacks).
 */
export async function createCoopRowForMigrationTest(db: Db, label: string): Promise<{ id: string; iban: string }> {
  const n = ++counter + Math.floor(Math.random() * 1_000_000);
  const siren = sirenFor(n * 7919);
  const iban = 'FR7630006000011234567890189';
  // From migration 0031 on, a coop has a mandatory electronic address (its SIREN by default).
  const columns = (await db.execute(
    sql`select 1 from information_schema.columns where table_schema = current_schema() and table_name = 'coops' and column_name = 'electronic_address'`,
  )) as unknown as { rows: unknown[] };
  const result = (await db.execute(
    columns.rows.length
      ? sql`insert into coops (name, legal_form, siren, siret, vat_number, address_line1, postal_code, city, iban, bic, electronic_address)
        values (${`Coop ${label}`}, 'scop_sa', ${siren}, ${siretFor(siren)}, ${`FR00${siren}`}, '1 rue de la Coopération', '75011', 'Paris', ${iban}, 'AGRIFRPP', ${siren}) returning id`
      : sql`insert into coops (name, legal_form, siren, siret, vat_number, address_line1, postal_code, city, iban, bic)
        values (${`Coop ${label}`}, 'scop_sa', ${siren}, ${siretFor(siren)}, ${`FR00${siren}`}, '1 rue de la Coopération', '75011', 'Paris', ${iban}, 'AGRIFRPP') returning id`,
  )) as unknown as { rows: { id: string }[] };
  return { id: result.rows[0]!.id, iban };
}
