import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION, type Db, type Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { assertMembersExist, memberNames } from '../members/index.js';
import type { AmendMandateBody, CreateMandateBody, Mandate } from './contract.js';
import { sequenceTypeOf } from './domain/sequence-type.js';
import { toSepaText } from './domain/sepa-identifiers.js';
import { feesErrors } from './errors.js';
import { ownerScope } from './fee-access.js';
import { mandates, type MandateRow } from './schema.js';

export async function mandateViews(db: Executor, coopId: string, rows: MandateRow[], today: string): Promise<Mandate[]> {
  const names = await memberNames(db, coopId, [...new Set(rows.map((r) => r.memberId))]);
  return rows.map((r) => ({
    id: r.id,
    memberId: r.memberId,
    memberName: names.get(r.memberId) ?? '',
    reference: r.reference,
    debtorName: r.debtorName,
    iban: r.iban,
    bic: r.bic,
    signedOn: r.signedOn,
    status: r.status,
    lastCollectedOn: r.lastCollectedOn,
    nextSequence: sequenceTypeOf(r, today),
    amended: r.amendedFromIban !== null,
    revokedOn: r.revokedOn,
    revokedReason: r.revokedReason,
  }));
}

const mandateAudit = (r: MandateRow) => ({ memberId: r.memberId, reference: r.reference, debtorName: r.debtorName, iban: r.iban, bic: r.bic, signedOn: r.signedOn, status: r.status });

function asMandateConflict(err: unknown): unknown {
  if (sqlState(err) !== UNIQUE_VIOLATION) return err;
  if (sqlConstraint(err) === 'mandates_reference_key') return feesErrors.MANDATE_REFERENCE_TAKEN([{ path: 'reference', message: feesErrors.MANDATE_REFERENCE_TAKEN().text }]);
  if (sqlConstraint(err) === 'mandates_active_member_key') return feesErrors.MANDATE_ALREADY_ACTIVE([{ path: 'memberId', message: feesErrors.MANDATE_ALREADY_ACTIVE().text }]);
  return err;
}

/**
 * Records a mandate the member signed on paper (staff keep the paper: the creditor must
 * produce it if the debtor's bank asks, rulebook 4.5). The reference is the coop's (unique
 * in it); one active mandate per member, so a collection knows which one to use.
 */
export async function createMandate(db: Db, actor: Actor, input: CreateMandateBody, today: string): Promise<Mandate> {
  if (input.signedOn > today) throw invalidField('signedOn', { fr: 'La signature ne peut pas être datée après aujourd’hui.', en: 'The signature cannot be dated after today.' });
  try {
    return await db.transaction(async (tx) => {
      await assertMembersExist(tx, actor.coopId, [input.memberId], 'memberId');
      const [row] = await tx
        .insert(mandates)
        .values({ coopId: actor.coopId, memberId: input.memberId, reference: input.reference, debtorName: toSepaText(input.debtorName, 70) || input.debtorName, iban: input.iban, bic: input.bic ?? null, signedOn: input.signedOn, createdBy: actor.userId })
        .returning();
      await recordAudit(tx, actor, { action: 'mandate.created', entityType: 'member', entityId: row!.memberId, after: { mandateId: row!.id, ...mandateAudit(row!) } });
      return (await mandateViews(tx, actor.coopId, [row!], today))[0]!;
    });
  } catch (err) {
    throw asMandateConflict(err);
  }
}

async function lockedMandate(tx: Executor, coopId: string, id: string): Promise<MandateRow> {
  const [row] = await tx.select().from(mandates).where(and(eq(mandates.coopId, coopId), eq(mandates.id, id))).for('update');
  if (!row) throw feesErrors.MANDATE_NOT_FOUND();
  return row;
}

/**
 * The debtor moved their account: the mandate keeps its reference and signature, the new
 * IBAN is recorded with the one it replaces, and the next debit tells the bank (AmdmntInd,
 * SMNDA when it is another bank), after which the amendment is spent.
 */
export async function amendMandate(db: Db, actor: Actor, id: string, input: AmendMandateBody, today: string): Promise<Mandate> {
  return db.transaction(async (tx) => {
    const before = await lockedMandate(tx, actor.coopId, id);
    if (before.status !== 'active') throw feesErrors.MANDATE_REVOKED();
    const changedIban = input.iban !== before.iban;
    const [row] = await tx
      .update(mandates)
      .set({
        iban: input.iban,
        bic: input.bic === undefined ? before.bic : input.bic,
        debtorName: input.debtorName ? toSepaText(input.debtorName, 70) || input.debtorName : before.debtorName,
        // An earlier amendment not yet carried keeps its first IBAN: the bank knows that one.
        amendedFromIban: changedIban ? (before.amendedFromIban ?? before.iban) : before.amendedFromIban,
        updatedAt: new Date(),
      })
      .where(and(eq(mandates.coopId, actor.coopId), eq(mandates.id, id)))
      .returning();
    await recordAudit(tx, actor, { action: 'mandate.amended', entityType: 'member', entityId: row!.memberId, before: { mandateId: id, ...mandateAudit(before) }, after: { mandateId: id, ...mandateAudit(row!) } });
    return (await mandateViews(tx, actor.coopId, [row!], today))[0]!;
  });
}

/** Ends a mandate (the member withdrew it, or the bank said it cannot be used), audited. */
export async function revokeMandate(tx: Executor, actor: { coopId: string; userId: string | null }, id: string, reason: string, today: string): Promise<MandateRow> {
  const before = await lockedMandate(tx, actor.coopId, id);
  if (before.status !== 'active') throw feesErrors.MANDATE_REVOKED();
  const [row] = await tx
    .update(mandates)
    .set({ status: 'revoked', revokedOn: today, revokedReason: reason.slice(0, 200), updatedAt: new Date() })
    .where(and(eq(mandates.coopId, actor.coopId), eq(mandates.id, id)))
    .returning();
  await recordAudit(tx, actor, { action: 'mandate.revoked', entityType: 'member', entityId: row!.memberId, before: { mandateId: id, status: before.status }, after: { mandateId: id, memberId: row!.memberId, status: 'revoked', reason } });
  return row!;
}

export async function revokeMandateByStaff(db: Db, actor: Actor, id: string, reason: string, today: string): Promise<Mandate> {
  return db.transaction(async (tx) => (await mandateViews(tx, actor.coopId, [await revokeMandate(tx, actor, id, reason, today)], today))[0]!);
}

/** The mandates the actor may read: a member their own, the team everyone's. */
export async function listMandates(db: Db, actor: Actor, today: string): Promise<Mandate[]> {
  const scope = await ownerScope(db, actor, { coopId: mandates.coopId, memberId: mandates.memberId });
  if (!scope) return [];
  const rows = await db.select().from(mandates).where(scope).orderBy(asc(mandates.status), asc(mandates.reference));
  return mandateViews(db, actor.coopId, rows, today);
}
