/**
 * The identifiers a batch and its transfers carry in the pain.001, drawn from their row ids
 * (random UUIDs, unique in the coop and beyond): the bank reports them back in the camt.053
 * (EndToEndId per transfer, PmtInfId or MsgId for a batch booked as one line), which is how
 * a statement line finds what it paid. 33 characters: under the 35 ISO 20022 allows.
 */
const hexOf = (uuid: string) => uuid.replace(/-/g, '').toUpperCase();

export const messageIdOf = (batchId: string) => `M${hexOf(batchId)}`;
export const paymentInfoIdOf = (batchId: string) => `P${hexOf(batchId)}`;
export const endToEndIdOf = (itemId: string) => `E${hexOf(itemId)}`;
