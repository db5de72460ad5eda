import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { addDays } from '../../platform/calendar/index.js';
import { sqlState, UNIQUE_VIOLATION, type Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { isValidBic, isValidIban } from '../../platform/identifiers/index.js';
import { bankAccountOf } from '../banking/index.js';
import { coopNames } from '../coops/index.js';
import type { BuildBatchBody } from './contract.js';
import { buildPain001 } from './domain/build-pain001.js';
import { SEPA_LIMITS, toSepaText } from './domain/sepa-text.js';
import { endToEndIdOf, messageIdOf, paymentInfoIdOf } from './domain/transfer-ids.js';
import { payoutErrors } from './errors.js';
import { mayBeBatched, openPayables } from './list-payables.js';
import type { PayableSources } from './payable-sources.js';
import { payoutSettingsOf } from './payout-settings.js';
import { payoutBatches, payoutItems, type PayoutBatchRow } from './schema.js';

/** Banks take an execution date up to a year ahead; further is a typing slip. */
const MAX_DAYS_AHEAD = 365;

export const batchFileKey = (coopId: string, batchId: string) => `coops/${coopId}/payout-batches/${batchId}.xml`;

/**
 * Builds a batch of SEPA transfers from what staff chose among the open payables: the items
 * are read again from their sources in the transaction (the amount, the payee and the IBAN
 * as they are now), the pain.001 is written and stored with its hash, and the batch and its
 * items are saved, audited once.
 *
 * A batch built twice pays nothing twice: a document is in at most one live batch (the
 * partial unique key on the items, which also settles two builds at once). Choosing again
 * exactly the items of a live batch returns that batch; any other overlap is refused (409).
 */
export async function buildBatch(db: Db, storage: FileStorage, actor: Actor, sources: PayableSources, input: BuildBatchBody, today: string, now: Date): Promise<{ batch: PayoutBatchRow; created: boolean }> {
  if (input.executionDate < today) throw invalidField('executionDate', { fr: 'La date d’exécution ne peut pas être passée.', en: 'The execution date cannot be in the past.' });
  if (input.executionDate > addDays(today, MAX_DAYS_AHEAD)) throw invalidField('executionDate', { fr: 'La date d’exécution est à plus d’un an.', en: 'The execution date is more than a year ahead.' });
  const keys = new Set(input.items.map((i) => `${i.sourceType}:${i.sourceId}`));
  if (keys.size !== input.items.length) throw invalidField('items', { fr: 'Un paiement est choisi deux fois.', en: 'A payment is chosen twice.' });
  for (const [i, item] of input.items.entries()) {
    if (!sources[item.sourceType]) throw invalidField(`items.${i}.sourceType`, { fr: 'Ce type de paiement n’est pas branché sur les virements.', en: 'This kind of payment is not connected to the transfers.' });
  }

  const batchId = randomUUID();
  const key = batchFileKey(actor.coopId, batchId);
  try {
    return await db.transaction(async (tx) => {
      const account = await bankAccountOf(tx, actor.coopId, input.bankAccountId).catch(() => {
        throw invalidField('bankAccountId', { fr: 'Ce compte bancaire n’est pas un compte de la coopérative.', en: 'This bank account is not an account of the cooperative.' });
      });
      if (!isValidIban(account.iban)) throw invalidField('bankAccountId', { fr: 'L’IBAN de ce compte bancaire n’est pas valide : corrigez-le dans les réglages (Banque).', en: 'The IBAN of this bank account is not valid: correct it in the settings (Bank).' });
      if (account.bic && !isValidBic(account.bic)) throw invalidField('bankAccountId', { fr: 'Le BIC de ce compte bancaire n’est pas valide.', en: 'The BIC of this bank account is not valid.' });
      if (account.currency !== 'EUR') throw invalidField('bankAccountId', { fr: 'Un virement SEPA part d’un compte en euros.', en: 'A SEPA transfer leaves from an account in euros.' });

      const existing = await sameLiveBatch(tx, actor.coopId, input.items);
      if (existing) return { batch: existing, created: false };

      const open = new Map((await openPayables(tx, actor.coopId, sources)).map((p) => [`${p.sourceType}:${p.sourceId}`, p]));
      const chosen = input.items.map((item, i) => {
        const payable = open.get(`${item.sourceType}:${item.sourceId}`);
        if (!payable) throw payoutErrors.PAYOUT_NOT_PAYABLE();
        if (!mayBeBatched(payable)) throw invalidField(`items.${i}`, { fr: `${payable.payeeName} : IBAN absent ou invalide, ce paiement ne peut pas partir par virement.`, en: `${payable.payeeName}: IBAN missing or invalid, this payment cannot leave by transfer.` });
        return { ...payable, id: randomUUID() };
      });

      const settings = await payoutSettingsOf(tx, actor.coopId);
      const coopName = (await coopNames(tx, [actor.coopId])).get(actor.coopId) ?? 'Cooperative';
      const items = chosen.map((p) => ({
        id: p.id,
        coopId: actor.coopId,
        batchId,
        sourceType: p.sourceType,
        sourceId: p.sourceId,
        activityId: p.activityId,
        payeeName: toSepaText(p.payeeName, SEPA_LIMITS.name) || 'NOTPROVIDED',
        payeeIban: p.payeeIban!,
        payeeBic: p.payeeBic,
        amountCents: p.amountCents,
        reference: toSepaText(p.reference, SEPA_LIMITS.remittance),
        endToEndId: endToEndIdOf(p.id),
      }));
      const totalCents = items.reduce((sum, i) => sum + i.amountCents, 0);
      const xml = buildPain001({
        version: settings.painVersion,
        messageId: messageIdOf(batchId),
        paymentInfoId: paymentInfoIdOf(batchId),
        createdAt: now.toISOString().slice(0, 19),
        executionDate: input.executionDate,
        debtor: { name: coopName, iban: account.iban, bic: account.bic },
        transfers: items.map((i) => ({ endToEndId: i.endToEndId, amountCents: i.amountCents, creditorName: i.payeeName, creditorIban: i.payeeIban, creditorBic: i.payeeBic, remittance: i.reference })),
      });
      const stored = await storage.put(key, Buffer.from(xml, 'utf8'));
      const [batch] = await tx
        .insert(payoutBatches)
        .values({
          id: batchId,
          coopId: actor.coopId,
          messageId: messageIdOf(batchId),
          paymentInfoId: paymentInfoIdOf(batchId),
          bankAccountId: account.id,
          executionDate: input.executionDate,
          painVersion: settings.painVersion,
          needsApproval: settings.secondApproval,
          itemCount: items.length,
          totalCents,
          storageKey: key,
          sha256: stored.sha256,
          createdBy: actor.userId,
        })
        .returning();
      await tx.insert(payoutItems).values(items);
      await recordAudit(tx, actor, {
        action: 'payout_batch.built',
        entityType: 'payout_batch',
        entityId: batchId,
        after: { bankAccountId: account.id, executionDate: input.executionDate, itemCount: items.length, totalCents, painVersion: settings.painVersion, needsApproval: settings.secondApproval, sha256: stored.sha256, items: items.map((i) => `${i.sourceType}:${i.sourceId}`) },
      });
      return { batch: batch!, created: true };
    });
  } catch (err) {
    await storage.remove(key).catch(() => undefined);
    // Another build took one of these documents meanwhile: the unique key of live items refused it.
    if (sqlState(err) === UNIQUE_VIOLATION) throw payoutErrors.PAYOUT_NOT_PAYABLE();
    throw err;
  }
}

/** The live batch holding exactly these documents, if one does (the same build sent again). */
async function sameLiveBatch(tx: Parameters<Parameters<Db['transaction']>[0]>[0], coopId: string, chosen: BuildBatchBody['items']): Promise<PayoutBatchRow | null> {
  const live = await tx
    .select({ batchId: payoutItems.batchId, sourceType: payoutItems.sourceType, sourceId: payoutItems.sourceId })
    .from(payoutItems)
    .where(and(eq(payoutItems.coopId, coopId), eq(payoutItems.status, 'pending'), inArray(payoutItems.sourceId, chosen.map((c) => c.sourceId))));
  if (live.length === 0) return null;
  const batchIds = new Set(live.map((l) => l.batchId));
  if (batchIds.size !== 1 || live.length !== chosen.length) throw payoutErrors.PAYOUT_NOT_PAYABLE();
  const [batch] = await tx.select().from(payoutBatches).where(and(eq(payoutBatches.coopId, coopId), eq(payoutBatches.id, [...batchIds][0]!)));
  if (!batch || batch.itemCount !== chosen.length) throw payoutErrors.PAYOUT_NOT_PAYABLE();
  return batch;
}
