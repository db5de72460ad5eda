import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField, platformErrors, type FieldError } from '../../platform/errors.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { activityScopeOf, activitySummaries, assertActivitiesExist } from '../activities/index.js';
import { createClientBody, type Client, type NewClient } from './contract.js';
import { defaultAddressFlags, postalCodeProblem, primaryContactFlags } from './domain/address-rules.js';
import { getClient } from './get-client.js';
import { asIdentityViolation, identityOrThrow } from './identity-fields.js';
import { clientActivities, clientAddresses, clientContacts, clients } from './schema.js';

/** Throws a 400 on `field` unless the activity exists and still takes new business. */
export async function assertActivityOpen(tx: Executor, coopId: string, activityIds: string[], field: string): Promise<void> {
  await assertActivitiesExist(tx, coopId, activityIds, field);
  const summaries = await activitySummaries(tx, coopId, activityIds);
  if ([...summaries.values()].some((a) => a.status === 'closed')) {
    throw invalidField(field, { fr: 'Cette activité est clôturée.', en: 'This activity is closed.' });
  }
}

/**
 * Records a client with its addresses and contacts, linked to an activity when one is
 * given, in the caller's transaction. Who may link to which activity is the caller's rule
 * (see `createClientAs`); this checks the data.
 */
export async function createClient(tx: Executor, actor: AuditActor, raw: NewClient): Promise<{ id: string }> {
  // Other modules call this without the HTTP edge: the same schema applies to them.
  const parsed = createClientBody.safeParse(raw);
  if (!parsed.success) {
    throw platformErrors.VALIDATION_FAILED(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  }
  const input = parsed.data;
  const identity = identityOrThrow({
    kind: input.kind,
    legalForm: input.legalForm ?? null,
    siren: input.siren ?? null,
    siret: input.siret ?? null,
    vatNumber: input.vatNumber ?? null,
    electronicAddress: input.electronicAddress ?? null,
  });
  const addresses = input.addresses ?? [];
  const contacts = input.contacts ?? [];
  const problems: FieldError[] = addresses.flatMap((a, i) => {
    const problem = postalCodeProblem(a.country, a.postalCode);
    return problem ? [{ path: `addresses.${i}.postalCode`, message: problem }] : [];
  });
  const defaults = defaultAddressFlags(addresses);
  if (!defaults) problems.push({ path: 'addresses', message: { fr: 'Une seule adresse par défaut par type.', en: 'Only one default address per kind.' } });
  const primaries = primaryContactFlags(contacts);
  if (!primaries) problems.push({ path: 'contacts', message: { fr: 'Un seul contact principal.', en: 'Only one primary contact.' } });
  if (problems.length) throw platformErrors.VALIDATION_FAILED(problems);
  if (input.activityId) await assertActivityOpen(tx, actor.coopId, [input.activityId], 'activityId');

  try {
    const [row] = await tx
      .insert(clients)
      .values({
        coopId: actor.coopId,
        ...identity,
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        website: input.website ?? null,
        notes: input.notes ?? null,
      })
      .returning();
    const ofClient = { coopId: actor.coopId, clientId: row.id };
    if (addresses.length) {
      await tx.insert(clientAddresses).values(addresses.map((a, i) => ({ ...ofClient, ...a, line2: a.line2 ?? null, isDefault: defaults![i]! })));
    }
    if (contacts.length) {
      await tx.insert(clientContacts).values(contacts.map((c, i) => ({ ...ofClient, ...c, isPrimary: primaries![i]! })));
    }
    if (input.activityId) await tx.insert(clientActivities).values({ ...ofClient, activityId: input.activityId });
    const { createdAt: _c, updatedAt: _u, coopId: _coop, ...after } = row;
    await recordAudit(tx, actor, {
      action: 'client.created',
      entityType: 'client',
      entityId: row.id,
      after: { ...after, addresses: addresses.length, contacts: contacts.length, activityIds: input.activityId ? [input.activityId] : [] },
    });
    return { id: row.id };
  } catch (err) {
    throw asIdentityViolation(err);
  }
}

/**
 * A client created from the API: a member must name one of their own activities, and
 * the client is linked to it, so that they keep seeing it; advisors may name any activity
 * or none.
 */
export async function createClientAs(db: Db, actor: Actor, input: NewClient): Promise<Client> {
  const { id } = await db.transaction(async (tx) => {
    if (!isStaff(actor)) {
      const own = await activityScopeOf(tx, actor);
      if (!input.activityId || own === 'all' || !own.includes(input.activityId)) {
        throw invalidField('activityId', { fr: 'Choisissez une de vos activités.', en: 'Choose one of your activities.' });
      }
    }
    return createClient(tx, actor, input);
  });
  return getClient(db, actor, id);
}
