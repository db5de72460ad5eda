import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';

// Shared by the routes and the web client: the API's types are written once, here.

const label = (what: { fr: string; en: string }) =>
  z
    .string({ error: bilingual({ fr: `${what.fr} obligatoire.`, en: `${what.en} required.` }) })
    .trim()
    .min(1, { error: bilingual({ fr: `${what.fr} obligatoire.`, en: `${what.en} required.` }) })
    .max(100, { error: bilingual({ fr: '100 caractères au plus.', en: '100 characters at most.' }) });

export const spendingCategory = z.object({
  id: z.uuid(),
  code: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  account: z.string(),
  inContributionBase: z.boolean(),
  active: z.boolean(),
});
export type SpendingCategory = z.infer<typeof spendingCategory>;
export const spendingCategoryList = z.object({ items: z.array(spendingCategory) });

export const spendingCategoryListQuery = z.object({
  /** The team manages every category; a form offers only the active ones. */
  includeInactive: z.enum(['true', 'false']).optional(),
});

const account = z
  .string({ error: bilingual({ fr: 'Compte obligatoire.', en: 'Account required.' }) })
  .trim()
  .regex(/^6[0-9]{1,11}$/, { error: bilingual({ fr: 'Un compte de charges (classe 6) du plan comptable, ex. 6064.', en: 'An expense account (class 6) of the chart, e.g. 6064.' }) });

export const createSpendingCategoryBody = z.object({
  code: z
    .string({ error: bilingual({ fr: 'Code obligatoire.', en: 'Code required.' }) })
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, { error: bilingual({ fr: 'Code : lettres minuscules, chiffres et _ (40 au plus).', en: 'Code: lower-case letters, digits and _ (40 at most).' }) }),
  labelFr: label({ fr: 'Libellé français', en: 'French label' }),
  labelEn: label({ fr: 'Libellé anglais', en: 'English label' }),
  account,
  inContributionBase: z.boolean().default(false),
});
export type CreateSpendingCategoryBody = z.input<typeof createSpendingCategoryBody>;

export const updateSpendingCategoryBody = z
  .object({
    labelFr: label({ fr: 'Libellé français', en: 'French label' }),
    labelEn: label({ fr: 'Libellé anglais', en: 'English label' }),
    account,
    inContributionBase: z.boolean(),
    active: z.boolean(),
  })
  .partial();
export type UpdateSpendingCategoryBody = z.input<typeof updateSpendingCategoryBody>;

export const idParams = z.object({ id: z.uuid({ error: bilingual({ fr: 'Identifiant invalide.', en: 'Invalid id.' }) }) });
