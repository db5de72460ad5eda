import { and, asc, desc, eq, inArray, isNull, ne, notExists } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION, type Db, type Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { unreadableFile } from '../../platform/files/file-errors.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { enqueueJob } from '../../platform/jobs/enqueue-job.js';
import type { JobHandler } from '../../platform/jobs/run-due-jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { takeNextNumber } from '../../platform/numbering/take-next-number.js';
import { ensureDefaultBankAccount } from '../banking/index.js';
import { getCoop } from '../coops/index.js';
import { memberContacts, memberNames } from '../members/index.js';
import type { BuildCollectionBody, Collectable, Collection } from './contract.js';
import { collectionDateProblem, earliestCollectionDate } from './domain/collection-date.js';
import { buildPain008, type DirectDebitItem, type PainVersion } from './domain/pain008.js';
import { returnReasonText } from './domain/return-reasons.js';
import { sequenceTypeOf } from './domain/sequence-type.js';
import { toSepaText } from './domain/sepa-identifiers.js';
import { feesErrors } from './errors.js';
import { getFeeSettings } from './fee-settings.js';
import { collectionItems, collections, mandates, memberFees, type CollectionRow, type MandateRow, type MemberFeeRow } from './schema.js';

export const PRENOTIFY_COLLECTION = 'fees.prenotify_collection';

const euros = (cents: number, locale: 'fr' | 'en') => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** Unpaid fees, in no live collection, of members with an active mandate usable at `collectionDate`. */
async function collectableRows(db: Executor, coopId: string, collectionDate: string, feeIds?: string[]): Promise<{ fee: MemberFeeRow; mandate: MandateRow; sequenceType: 'FRST' | 'RCUR' }[]> {
  const live = db
    .select({ one: collectionItems.id })
    .from(collectionItems)
    .where(and(eq(collectionItems.coopId, coopId), eq(collectionItems.feeId, memberFees.id), ne(collectionItems.status, 'returned')));
  const rows = await db
    .select({ fee: memberFees, mandate: mandates })
    .from(memberFees)
    .innerJoin(mandates, and(eq(mandates.coopId, memberFees.coopId), eq(mandates.memberId, memberFees.memberId), eq(mandates.status, 'active')))
    .where(and(eq(memberFees.coopId, coopId), eq(memberFees.status, 'unpaid'), notExists(live), feeIds ? inArray(memberFees.id, feeIds) : undefined))
    .orderBy(asc(memberFees.dueDate), asc(memberFees.number));
  return rows.flatMap((r) => {
    const sequenceType = sequenceTypeOf(r.mandate, collectionDate);
    return sequenceType === 'lapsed' ? [] : [{ ...r, sequenceType }];
  });
}

/** What staff may put in a collection today, and the earliest date they may choose. */
export async function listCollectable(db: Db, actor: Actor, today: string): Promise<Collectable> {
  const settings = await getFeeSettings(db, actor.coopId);
  const earliest = earliestCollectionDate(today, settings.prenotificationDays);
  const rows = await collectableRows(db, actor.coopId, earliest);
  const names = await memberNames(db, actor.coopId, [...new Set(rows.map((r) => r.fee.memberId))]);
  return {
    earliestCollectionDate: earliest,
    prenotificationDays: settings.prenotificationDays,
    creditorId: settings.creditorId,
    items: rows.map((r) => ({ feeId: r.fee.id, number: r.fee.number, memberName: names.get(r.fee.memberId) ?? '', grossCents: r.fee.grossCents, dueDate: r.fee.dueDate, mandateReference: r.mandate.reference, sequenceType: r.sequenceType })),
  };
}

const compactDay = (day: string) => day.replaceAll('-', '');

/**
 * Builds a direct debit file of the chosen fees for a date, in one transaction: the date
 * checked (D-2 business days, the pre-notification delay), each fee checked collectable again
 * under lock, the pain.008 written and stored, the items recorded (the partial unique key on a
 * fee's live item refuses a fee already in another collection, even a concurrent one), the
 * mandates' last collection moved (FRST spent, amendment carried), and the pre-notifications
 * queued as a durable job.
 */
export async function buildCollection(db: Db, storage: FileStorage, actor: Actor, input: BuildCollectionBody, now: Date, today: string): Promise<Collection> {
  const settings = await getFeeSettings(db, actor.coopId);
  if (!settings.creditorId) throw feesErrors.CREDITOR_ID_MISSING();
  const problem = collectionDateProblem(input.collectionDate, today, settings.prenotificationDays);
  if (problem) throw invalidField('collectionDate', problem);
  const feeIds = [...new Set(input.feeIds)];
  let storedKey: string | null = null;
  try {
    return await db.transaction(async (tx) => {
      // Locks the fees in one order, so two builds over the same fees queue instead of crossing.
      await tx.select({ id: memberFees.id }).from(memberFees).where(and(eq(memberFees.coopId, actor.coopId), inArray(memberFees.id, feeIds))).orderBy(asc(memberFees.id)).for('update');
      const rows = await collectableRows(tx, actor.coopId, input.collectionDate, feeIds);
      const found = new Set(rows.map((r) => r.fee.id));
      const missing = input.feeIds.findIndex((id) => !found.has(id));
      if (missing >= 0) throw feesErrors.FEE_NOT_COLLECTABLE([{ path: `feeIds.${missing}`, message: feesErrors.FEE_NOT_COLLECTABLE().text }]);
      const coop = await getCoop(tx, actor.coopId);
      const [bank] = await ensureDefaultBankAccount(tx, actor);
      const seq = await takeNextNumber(tx, { coopId: actor.coopId, series: 'fee-collection' });
      const messageId = `PRLV-${compactDay(today)}-${String(seq).padStart(6, '0')}`;
      const names = await memberNames(tx, actor.coopId, [...new Set(rows.map((r) => r.fee.memberId))]);
      const items: (DirectDebitItem & { feeId: string; mandateId: string })[] = rows.map((r) => ({
        feeId: r.fee.id,
        mandateId: r.mandate.id,
        endToEndId: `${r.fee.number}-${seq}`.slice(0, 35),
        amountCents: r.fee.grossCents,
        sequenceType: r.sequenceType,
        mandateReference: r.mandate.reference,
        signedOn: r.mandate.signedOn,
        amendedFromIban: r.mandate.amendedFromIban,
        debtorName: toSepaText(r.mandate.debtorName || names.get(r.fee.memberId) || '', 70) || 'NOTPROVIDED',
        debtorIban: r.mandate.iban,
        debtorBic: r.mandate.bic,
        remittance: toSepaText(`${r.fee.kind === 'resources' ? 'Ressources' : 'Cotisation'} ${r.fee.month} ${r.fee.number}`, 140),
      }));
      const xml = buildPain008({
        version: settings.painVersion as PainVersion,
        messageId,
        createdAt: now,
        collectionDate: input.collectionDate,
        creditor: { name: toSepaText(coop.name, 70), iban: bank!.iban, bic: bank!.bic, creditorId: settings.creditorId! },
        items,
      });
      const storageKey = `coops/${actor.coopId}/fee-collections/${messageId}.xml`;
      const { sha256 } = await storage.put(storageKey, Buffer.from(xml, 'utf8'));
      storedKey = storageKey;
      const totalCents = items.reduce((s, i) => s + i.amountCents, 0);
      const [row] = await tx
        .insert(collections)
        .values({ coopId: actor.coopId, messageId, collectionDate: input.collectionDate, painVersion: settings.painVersion, creditorId: settings.creditorId!, bankAccountId: bank!.id, itemCount: items.length, totalCents, storageKey, sha256, createdBy: actor.userId })
        .returning();
      await tx.insert(collectionItems).values(items.map((i) => ({ coopId: actor.coopId, collectionId: row!.id, feeId: i.feeId, mandateId: i.mandateId, endToEndId: i.endToEndId, sequenceType: i.sequenceType, amountCents: i.amountCents })));
      for (const i of items) {
        await tx.update(mandates).set({ lastCollectedOn: input.collectionDate, amendedFromIban: null, updatedAt: new Date() }).where(and(eq(mandates.coopId, actor.coopId), eq(mandates.id, i.mandateId)));
      }
      await enqueueJob(tx, { coopId: actor.coopId, kind: PRENOTIFY_COLLECTION, payload: { collectionId: row!.id } });
      await recordAudit(tx, actor, { action: 'collection.built', entityType: 'collection', entityId: row!.id, after: { messageId, collectionDate: input.collectionDate, itemCount: items.length, totalCents, feeIds: items.map((i) => i.feeId) } });
      return (await collectionViews(tx, actor.coopId, [row!]))[0]!;
    });
  } catch (err) {
    if (storedKey) await storage.remove(storedKey).catch(() => undefined);
    if (sqlState(err) === UNIQUE_VIOLATION && sqlConstraint(err) === 'collection_items_live_fee_key') throw feesErrors.FEE_NOT_COLLECTABLE();
    throw err;
  }
}

export async function collectionViews(db: Executor, coopId: string, rows: CollectionRow[]): Promise<Collection[]> {
  if (rows.length === 0) return [];
  const items = await db
    .select({ item: collectionItems, fee: { number: memberFees.number, memberId: memberFees.memberId } })
    .from(collectionItems)
    .innerJoin(memberFees, and(eq(memberFees.coopId, collectionItems.coopId), eq(memberFees.id, collectionItems.feeId)))
    .where(and(eq(collectionItems.coopId, coopId), inArray(collectionItems.collectionId, rows.map((r) => r.id))))
    .orderBy(asc(collectionItems.endToEndId));
  const names = await memberNames(db, coopId, [...new Set(items.map((i) => i.fee.memberId))]);
  return rows.map((r) => ({
    id: r.id,
    messageId: r.messageId,
    collectionDate: r.collectionDate,
    painVersion: r.painVersion as PainVersion,
    itemCount: r.itemCount,
    totalCents: r.totalCents,
    createdAt: r.createdAt,
    items: items
      .filter((i) => i.item.collectionId === r.id)
      .map(({ item, fee }) => ({
        id: item.id,
        feeId: item.feeId,
        feeNumber: fee.number,
        memberName: names.get(fee.memberId) ?? '',
        endToEndId: item.endToEndId,
        sequenceType: item.sequenceType,
        amountCents: item.amountCents,
        status: item.status,
        returnReason: item.returnCode ? { code: item.returnCode, ...returnReasonText(item.returnCode) } : null,
      })),
  }));
}

export async function listCollections(db: Db, actor: Actor): Promise<Collection[]> {
  const rows = await db.select().from(collections).where(eq(collections.coopId, actor.coopId)).orderBy(desc(collections.createdAt)).limit(100);
  return collectionViews(db, actor.coopId, rows);
}

/** The pain.008 of a collection, checked against the hash taken when it was stored. */
export async function openCollectionFile(db: Db, storage: FileStorage, actor: Actor, id: string): Promise<{ fileName: string; content: Buffer }> {
  const [row] = await db.select().from(collections).where(and(eq(collections.coopId, actor.coopId), eq(collections.id, id)));
  if (!row) throw feesErrors.COLLECTION_NOT_FOUND();
  const read = await storage.read(row.storageKey, { sha256: row.sha256 });
  if (!read.ok) throw read.problem === 'missing' ? feesErrors.COLLECTION_NOT_FOUND() : unreadableFile(read.problem);
  return { fileName: `${row.messageId}.xml`, content: read.bytes };
}

/**
 * The pre-notification of each debit of a collection (rulebook AT-D016: amount, date, mandate
 * reference, creditor identifier), one mail per debtor through the outbox. An item is marked
 * once its mail is queued, in the same transaction: a job run again writes no second mail.
 */
export const prenotifyCollectionJob =
  (db: Db): JobHandler =>
  async (job) => {
    const collectionId = String(job.payload.collectionId ?? '');
    await db.transaction(async (tx) => {
      const [collection] = await tx.select().from(collections).where(and(eq(collections.coopId, job.coopId), eq(collections.id, collectionId)));
      if (!collection) return;
      const coop = await getCoop(tx, job.coopId);
      const items = await tx
        .select({ item: collectionItems, fee: memberFees, mandate: mandates })
        .from(collectionItems)
        .innerJoin(memberFees, and(eq(memberFees.coopId, collectionItems.coopId), eq(memberFees.id, collectionItems.feeId)))
        .innerJoin(mandates, and(eq(mandates.coopId, collectionItems.coopId), eq(mandates.id, collectionItems.mandateId)))
        .where(and(eq(collectionItems.coopId, job.coopId), eq(collectionItems.collectionId, collectionId), isNull(collectionItems.prenotifiedAt)))
        .for('update', { of: collectionItems });
      const contacts = await memberContacts(tx, job.coopId, [...new Set(items.map((i) => i.fee.memberId))]);
      for (const { item, fee, mandate } of items) {
        const to = contacts.get(fee.memberId);
        if (to) {
          await enqueueMail(tx, {
            coopId: job.coopId,
            to: to.email,
            subject: `Prélèvement SEPA de votre cotisation ${fee.number} le ${collection.collectionDate} / SEPA direct debit of your fee`,
            text:
              `Bonjour ${to.name},\n\n${coop.name} prélèvera ${euros(item.amountCents, 'fr')} sur votre compte ${mandate.iban.slice(0, 4)}…${mandate.iban.slice(-4)} le ${collection.collectionDate}, pour la cotisation ${fee.number} (${fee.month}).\n` +
              `Référence unique de mandat (RUM) : ${mandate.reference}\nIdentifiant créancier SEPA (ICS) : ${collection.creditorId}\n\n` +
              `Hello ${to.name},\n\n${coop.name} will debit ${euros(item.amountCents, 'en')} from your account on ${collection.collectionDate}, for fee ${fee.number} (${fee.month}).\nMandate reference: ${mandate.reference}\nCreditor identifier: ${collection.creditorId}\n`,
            template: 'fees.prenotification',
          });
        }
        await tx.update(collectionItems).set({ prenotifiedAt: new Date() }).where(and(eq(collectionItems.coopId, job.coopId), eq(collectionItems.id, item.id)));
      }
    });
  };
