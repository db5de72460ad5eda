import { eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { platformErrors, type FieldError } from '../../platform/errors.js';
import { isDirectoryAddressOf } from '../../platform/identifiers/directory-address.js';
import { sqlState, UNIQUE_VIOLATION, type Db, type Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { frenchVatNumberFromSiren } from '../../platform/identifiers/vat.js';
import type { CoopSettings, MembershipType, UpdateCoopSettings } from './contract.js';
import { coopErrors } from './errors.js';
import { coops, type CoopRow } from './schema.js';

const toSettings = (row: CoopRow): CoopSettings => row as CoopSettings;
const sirenTaken = () =>
  coopErrors.SIREN_TAKEN([{ path: 'siren', message: { fr: 'Ce SIREN est déjà celui d’une autre coopérative.', en: 'This SIREN already belongs to another cooperative.' } }]);

export async function getCoop(db: Executor, coopId: string): Promise<CoopSettings> {
  const [row] = await db.select().from(coops).where(eq(coops.id, coopId));
  if (!row) throw coopErrors.COOP_NOT_FOUND();
  return toSettings(row);
}

export async function coopNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: coops.id, name: coops.name }).from(coops).where(inArray(coops.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every cooperative of the instance, for jobs that run for each (the dunning scheduler). */
export async function allCoopIds(db: Executor): Promise<string[]> {
  return (await db.select({ id: coops.id }).from(coops).orderBy(coops.id)).map((r) => r.id);
}

export async function membershipTypesOf(db: Executor, coopId: string): Promise<MembershipType[]> {
  return (await getCoop(db, coopId)).membershipTypes;
}

type OptionalOnCreation = 'addressLine2' | 'email' | 'phone' | 'registryKind' | 'registryCity' | 'electronicAddress';
export type NewCoop = Required<Omit<UpdateCoopSettings, OptionalOnCreation>> & Pick<UpdateCoopSettings, OptionalOnCreation>;

/**
 * The registration and directory address the coop ends up with, checked together: the register
 * and its city go together, and the directory address is one of the coop's SIREN (BR-FR-22).
 */
function registrationProblems(after: { siren: string; registryKind: string | null; registryCity: string | null; electronicAddress: string }): FieldError[] {
  const fields: FieldError[] = [];
  if ((after.registryKind === null) !== (after.registryCity === null)) {
    fields.push({ path: after.registryKind === null ? 'registryKind' : 'registryCity', message: { fr: 'Le registre et la ville du greffe vont ensemble.', en: 'The register and the city of its registry go together.' } });
  }
  if (!isDirectoryAddressOf(after.electronicAddress, after.siren)) {
    fields.push({ path: 'electronicAddress', message: { fr: `L'adresse de l'annuaire doit commencer par le SIREN (${after.siren}).`, en: `The directory address must start with the SIREN (${after.siren}).` } });
  }
  return fields;
}

/** Creates a cooperative (CLI, demo seed). The VAT number and, unless given, the directory address follow the SIREN. */
export async function createCoop(tx: Executor, input: NewCoop): Promise<CoopSettings> {
  if (!input.siret.startsWith(input.siren)) throw coopErrors.SIRET_NOT_OF_SIREN();
  const values = { ...input, registryKind: input.registryKind ?? null, registryCity: input.registryCity ?? null, electronicAddress: input.electronicAddress ?? input.siren };
  const problems = registrationProblems(values);
  if (problems.length) throw platformErrors.VALIDATION_FAILED(problems);
  try {
    const [row] = await tx.insert(coops).values({ ...values, vatNumber: frenchVatNumberFromSiren(input.siren) }).returning();
    await recordAudit(tx, { coopId: row.id, userId: null }, { action: 'coop.created', entityType: 'coop', entityId: row.id, after: row });
    return toSettings(row);
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw sirenTaken();
    throw err;
  }
}

/** Changes the settings of the actor's cooperative; the VAT number follows the SIREN. */
export async function updateCoopSettings(db: Db, actor: Actor, patch: UpdateCoopSettings): Promise<CoopSettings> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(coops).where(eq(coops.id, actor.coopId)).for('update');
    if (!before) throw coopErrors.COOP_NOT_FOUND();
    const siren = patch.siren ?? before.siren;
    const siret = patch.siret ?? before.siret;
    if (!siret.startsWith(siren)) throw coopErrors.SIRET_NOT_OF_SIREN([{ path: 'siret', message: { fr: 'Le SIRET doit commencer par le SIREN.', en: 'The SIRET must start with the SIREN.' } }]);
    // A directory address that was only the old SIREN follows the new one, as the VAT number does.
    const electronicAddress = patch.electronicAddress ?? (before.electronicAddress === before.siren ? siren : before.electronicAddress);
    const registry = { registryKind: patch.registryKind !== undefined ? patch.registryKind : before.registryKind, registryCity: patch.registryCity !== undefined ? patch.registryCity : before.registryCity };
    const problems = registrationProblems({ siren, electronicAddress, ...registry });
    if (problems.length) throw platformErrors.VALIDATION_FAILED(problems);
    try {
      const [after] = await tx
        .update(coops)
        .set({ ...patch, electronicAddress, vatNumber: frenchVatNumberFromSiren(siren), updatedAt: new Date() })
        .where(eq(coops.id, actor.coopId))
        .returning();
      await recordAudit(tx, actor, { action: 'coop.settings_updated', entityType: 'coop', entityId: actor.coopId, before, after });
      return toSettings(after);
    } catch (err) {
      if (sqlState(err) === UNIQUE_VIOLATION) throw sirenTaken();
      throw err;
    }
  });
}
