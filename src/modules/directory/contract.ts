import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { pageOf } from '../../platform/http/pagination.js';
import { AVAILABILITIES, PROFILE_FIELDS, VISIBILITIES } from './domain/visible-profile.js';

// Shared by the routes and the web client: the API's types are written once, here.
export { AVAILABILITIES, PROFILE_FIELDS, VISIBILITIES, type Availability, type ProfileField, type Visibility } from './domain/visible-profile.js';
export { normalizeSearch } from './domain/normalize-search.js';
export { PHOTO_TYPES, PORTFOLIO_TYPES } from './domain/profile-file-type.js';

const visibility = z.enum(VISIBILITIES, { error: bilingual({ fr: 'Visibilité : hidden, members ou public.', en: 'Visibility: hidden, members or public.' }) });
const availability = z.enum(AVAILABILITIES, { error: bilingual({ fr: 'Disponibilité : available, partly ou unavailable.', en: 'Availability: available, partly or unavailable.' }) });

export const fieldVisibility = z.object(Object.fromEntries(PROFILE_FIELDS.map((f) => [f, visibility])) as Record<(typeof PROFILE_FIELDS)[number], typeof visibility>);

const portfolioLink = z.object({ label: z.string(), url: z.string() });
const portfolioFile = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), visibility, url: z.string() });
export type PortfolioFileView = z.infer<typeof portfolioFile>;

/**
 * A profile as one viewer may read it: the name always, every other key only when that viewer
 * is allowed it (domain/visible-profile.ts). The schema is also the allow-list of what leaves.
 */
export const profileView = z.object({
  memberId: z.string(),
  name: z.string(),
  listed: z.boolean().optional(),
  visibility: fieldVisibility.optional(),
  trade: z.string().nullable().optional(),
  skills: z.array(z.string()).optional(),
  poles: z.array(z.string()).optional(),
  sectors: z.array(z.string()).optional(),
  pitch: z.string().nullable().optional(),
  links: z.array(portfolioLink).optional(),
  files: z.array(portfolioFile).optional(),
  city: z.string().nullable().optional(),
  availability: availability.nullable().optional(),
  availabilityNote: z.string().nullable().optional(),
  languages: z.array(z.string()).optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  photoUrl: z.string().nullable().optional(),
  /** The day the member left the coop: only the staff (and she herself) still see such a profile. */
  leftOn: z.string().nullable().optional(),
  updatedAt: z.date().optional(),
});
export type ProfileView = z.infer<typeof profileView>;
export const profilePage = pageOf(profileView);
export type ProfilePage = z.infer<typeof profilePage>;

const filterText = (max: number) => z.string().trim().max(max, { error: bilingual({ fr: `${max} caractères au plus.`, en: `${max} characters at most.` }) }).optional();

export const directoryQuery = z.object({
  q: filterText(100),
  skill: filterText(60),
  trade: filterText(120),
  pole: filterText(60),
  city: filterText(120),
  availability: availability.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
});
export type DirectoryQuery = z.infer<typeof directoryQuery>;

const fileId = z.uuid({ error: bilingual({ fr: 'Identifiant de fichier invalide.', en: 'Invalid file id.' }) });
export const memberFileParams = z.object({ memberId: z.uuid({ error: bilingual({ fr: 'Identifiant de membre invalide.', en: 'Invalid member id.' }) }), fileId });
export const publicMemberFileParams = z.object({ slug: z.string().max(60), memberId: z.uuid({ error: bilingual({ fr: 'Identifiant de membre invalide.', en: 'Invalid member id.' }) }), fileId });
/** The text field sent beside a portfolio file (multipart): who may see it, hidden unless chosen. */
export const portfolioFileFields = z.object({ visibility: visibility.default('hidden') });
export const fileVisibilityBody = z.object({ visibility });
/** A profile keeps a short portfolio: a book and a few case studies, not an archive. */
export const MAX_PORTFOLIO_FILES = 12;

export const memberParams = z.object({ memberId: z.uuid({ error: bilingual({ fr: 'Identifiant de membre invalide.', en: 'Invalid member id.' }) }) });
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { error: bilingual({ fr: '3 caractères au moins.', en: '3 characters at least.' }) })
  .max(60, { error: bilingual({ fr: '60 caractères au plus.', en: '60 characters at most.' }) })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: bilingual({ fr: 'Lettres minuscules, chiffres et tirets (ex. : coop-lyon).', en: 'Lower-case letters, digits and dashes (e.g. coop-lyon).' }) });
export const publicParams = z.object({ slug: z.string().max(60) });
export const publicMemberParams = z.object({ slug: z.string().max(60), memberId: z.uuid({ error: bilingual({ fr: 'Identifiant de membre invalide.', en: 'Invalid member id.' }) }) });

const words = (max: number, each: number, label: { fr: string; en: string }) =>
  z
    .array(z.string().trim().min(1, { error: bilingual({ fr: `${label.fr} : texte vide.`, en: `${label.en}: empty text.` }) }).max(each, { error: bilingual({ fr: `${each} caractères au plus.`, en: `${each} characters at most.` }) }))
    .max(max, { error: bilingual({ fr: `${max} au plus.`, en: `${max} at most.` }) });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: bilingual({ fr: `${max} caractères au plus.`, en: `${max} characters at most.` }) })
    .transform((s) => (s === '' ? null : s))
    .nullable();

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        return false;
      }
    },
    { error: bilingual({ fr: 'Adresse web invalide (https://…).', en: 'Invalid web address (https://…).' }) },
  );

/** What the member writes on her own profile (the whole of it: the editor sends every field). */
export const saveProfileBody = z.object({
  listed: z.boolean(),
  visibility: fieldVisibility,
  trade: optionalText(120),
  skills: words(30, 60, { fr: 'Compétence', en: 'Skill' }),
  poles: words(10, 60, { fr: 'Pôle', en: 'Pole' }),
  sectors: words(10, 60, { fr: 'Secteur', en: 'Sector' }),
  pitch: optionalText(600),
  links: z.array(z.object({ label: z.string().trim().min(1).max(80), url: httpUrl })).max(10, { error: bilingual({ fr: '10 liens au plus.', en: '10 links at most.' }) }),
  city: optionalText(120),
  availability: availability.nullable(),
  availabilityNote: optionalText(200),
  languages: words(10, 40, { fr: 'Langue', en: 'Language' }),
  email: z.email({ error: bilingual({ fr: 'Adresse e-mail invalide.', en: 'Invalid e-mail address.' }) }).max(254).nullable(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ().-]*$/, { error: bilingual({ fr: 'Téléphone : chiffres, espaces, + . - ( ) seulement.', en: 'Phone: digits, spaces, + . - ( ) only.' }) })
    .transform((s) => (s === '' ? null : s))
    .nullable(),
});
export type SaveProfileBody = z.input<typeof saveProfileBody>;

export const skillView = z.object({ id: z.string(), label: z.string() });
export const skillList = z.object({ items: z.array(skillView) });
export const skillBody = z.object({ label: z.string().trim().min(2, { error: bilingual({ fr: '2 caractères au moins.', en: '2 characters at least.' }) }).max(60, { error: bilingual({ fr: '60 caractères au plus.', en: '60 characters at most.' }) }) });
export const skillParams = z.object({ id: z.uuid({ error: bilingual({ fr: 'Identifiant invalide.', en: 'Invalid id.' }) }) });
/** Words members wrote that the vocabulary lacks, with how many profiles use them: what staff may promote. */
export const freeSkillList = z.object({ items: z.array(z.object({ label: z.string(), profiles: z.number().int() })) });

export const directorySettingsView = z.object({ publicDirectory: z.boolean(), publicSlug: z.string().nullable() });
export type DirectorySettingsView = z.infer<typeof directorySettingsView>;
export const directorySettingsBody = z
  .object({ publicDirectory: z.boolean(), publicSlug: slug.nullable() })
  .refine((b) => !b.publicDirectory || b.publicSlug !== null, { path: ['publicSlug'], error: bilingual({ fr: "Choisissez l'adresse de l'annuaire public.", en: 'Choose the address of the public directory.' }) });

/** The coop's name beside its public directory, and nothing else of it. */
export const publicDirectoryPage = profilePage.extend({ coopName: z.string() });

/** The poles the directory's pole filter offers (those the viewer may read on some profile). */
export const poleList = z.object({ items: z.array(z.string()) });
