import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/http/context.js';
import { updateMember } from '../modules/members/index.js';

/**
 * The accounts the coop pays its members to, as each member gave it on their profile: fictitious
 * French IBANs whose RIB key and ISO 13616 check digits are both right (computed, not real
 * accounts), at two banks. Coworkers rent desks and are paid nothing: they gave none.
 */
export const DEMO_MEMBER_BANK_DETAILS: Readonly<Record<string, { iban: string; bic: string }>> = {
  'camille.martin@demo.mutualise.coop': { iban: 'FR7610278000000012345678945', bic: 'CMCIFR2A' },
  'etienne.lefevre@demo.mutualise.coop': { iban: 'FR7620041079190012456790079', bic: 'PSSTFRPP' },
  'ines.moreau@demo.mutualise.coop': { iban: 'FR7610278158380012567901175', bic: 'CMCIFR2A' },
  'lucas.bernard@demo.mutualise.coop': { iban: 'FR7620041237570012679012212', bic: 'PSSTFRPP' },
  'chloe.dubois@demo.mutualise.coop': { iban: 'FR7610278316760012790123308', bic: 'CMCIFR2A' },
  'hugo.petit@demo.mutualise.coop': { iban: 'FR7620041395950012901234442', bic: 'PSSTFRPP' },
  'nathalie.roux@demo.mutualise.coop': { iban: 'FR7610278475140013012345538', bic: 'CMCIFR2A' },
  'julien.fournier@demo.mutualise.coop': { iban: 'FR7620041554330013123456672', bic: 'PSSTFRPP' },
  'sarah.girard@demo.mutualise.coop': { iban: 'FR7610278633520013234567768', bic: 'CMCIFR2A' },
};

/** Each member enters their own bank details, through the same door as the profile page. */
export async function seedDemoPayouts(ctx: { db: Db; memberActor: (email: string) => Actor; memberIds: ReadonlyMap<string, string> }): Promise<void> {
  for (const [email, bank] of Object.entries(DEMO_MEMBER_BANK_DETAILS)) {
    const memberId = ctx.memberIds.get(email);
    if (memberId) await updateMember(ctx.db, ctx.memberActor(email), memberId, bank);
  }
}
