import type { LocalizedText } from '../../../platform/errors.js';
import type { PlanRefusal } from './plan-cochallenge.js';

/** Why no plan was made, in words staff can act on. */
export function planRefusalText(refusal: PlanRefusal, companyName: (id: string) => string): LocalizedText {
  switch (refusal.reason) {
    case 'NO_PAIRS':
      return { fr: 'Formez d’abord les binômes.', en: 'Form the pairs first.' };
    case 'NO_COMPANIES':
      return { fr: 'Inscrivez d’abord des entreprises.', en: 'Register companies first.' };
    case 'TOO_FEW_PROFILES':
      return {
        fr: `Il faut au moins ${refusal.needed} profils à présenter (les profils d’un rendez-vous plus les deux binômeurs, qui ne se présentent pas eux-mêmes) : ${refusal.given} inscrits.`,
        en: `At least ${refusal.needed} profiles are needed (a meeting's profiles plus the two pitchers, who never present themselves): ${refusal.given} registered.`,
      };
    case 'PAIR_MEMBER_REPEATED':
      return { fr: 'Un membre est dans deux binômes.', en: 'A member is in two pairs.' };
    case 'COMPANY_SLOTS_EXCEED_PAIRS':
      return { fr: `${companyName(refusal.companyId)} prend ${refusal.slots} rendez-vous pour ${refusal.pairs} binômes : chaque rendez-vous est avec un autre binôme.`, en: `${companyName(refusal.companyId)} takes ${refusal.slots} meetings for ${refusal.pairs} pairs: each meeting is with another pair.` };
    case 'COMPANY_SLOTS_EXCEED_PROFILES':
      return { fr: `${companyName(refusal.companyId)} prend trop de rendez-vous pour lui présenter chaque fois d’autres profils.`, en: `${companyName(refusal.companyId)} takes too many meetings to hear other profiles each time.` };
    case 'NO_BALANCED_PLAN':
      return {
        fr: 'Aucun plan ne donne à chaque profil sa juste part de présentations sans qu’un binômeur se présente lui-même : ajoutez des profils qui ne sont pas binômeurs, ou des binômes.',
        en: 'No plan gives every profile its fair share of presentations without a pitcher presenting themselves: add profiles who do not pitch, or pairs.',
      };
  }
}
