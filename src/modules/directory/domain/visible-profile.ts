import { normalizeSearch } from './normalize-search.js';

/**
 * The parts of a profile a member shows or hides, one choice each. Portfolio files are not
 * among them: each file carries its own choice (a public book beside a case study kept for
 * the members), decided by the same rule below.
 */
export const PROFILE_FIELDS = ['trade', 'skills', 'poles', 'pitch', 'links', 'city', 'availability', 'languages', 'email', 'phone', 'photo'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Who may see a field: nobody but the member and the staff, the coop's members, or anyone (the public directory). */
export const VISIBILITIES = ['hidden', 'members', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export type FieldVisibility = Record<ProfileField, Visibility>;

export const AVAILABILITIES = ['available', 'partly', 'unavailable'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export interface PortfolioLink {
  label: string;
  url: string;
}

/** A profile's file is its photo or a piece of its portfolio. */
export const PROFILE_FILE_KINDS = ['photo', 'portfolio'] as const;
export type ProfileFileKind = (typeof PROFILE_FILE_KINDS)[number];

export interface PortfolioFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** Who may see the file; a viewer it does not reach never learns it exists. */
  visibility: Visibility;
  /** Where the viewer downloads it (a route that re-checks the same rule). */
  url: string;
}

/** The member's public face, whole: what the member and the staff read. */
export interface DirectoryProfile {
  memberId: string;
  /** The name is the one thing every viewer who may see the profile at all sees. */
  name: string;
  /** Opted in to the coop's public directory (when the coop publishes one). */
  listed: boolean;
  visibility: FieldVisibility;
  trade: string | null;
  skills: string[];
  poles: string[];
  sectors: string[];
  pitch: string | null;
  links: PortfolioLink[];
  files: PortfolioFile[];
  city: string | null;
  availability: Availability | null;
  availabilityNote: string | null;
  languages: string[];
  email: string | null;
  phone: string | null;
  /** Where the photo is read from, when there is one. */
  photoUrl: string | null;
  /**
   * The day the member left the coop (status `left`), else null. A member who left is no
   * longer in the directory: only the staff (and she herself) still open her profile.
   */
  leftOn: string | null;
  updatedAt: Date;
}

/** The keys of the profile each visibility choice governs. */
const KEYS_OF_FIELD = {
  trade: ['trade'],
  skills: ['skills'],
  poles: ['poles', 'sectors'],
  pitch: ['pitch'],
  links: ['links'],
  city: ['city'],
  availability: ['availability', 'availabilityNote'],
  languages: ['languages'],
  email: ['email'],
  phone: ['phone'],
  photo: ['photoUrl'],
} as const satisfies Record<ProfileField, readonly (keyof DirectoryProfile)[]>;

type GovernedKey = (typeof KEYS_OF_FIELD)[ProfileField][number];

/** What a viewer receives: the name always, each other key only when allowed (absent otherwise, never null-with-a-flag). */
export type VisibleProfile = { memberId: string; name: string } & Partial<Pick<DirectoryProfile, GovernedKey | 'files' | 'visibility' | 'listed' | 'leftOn' | 'updatedAt'>>;

/**
 * Who is looking. Staff (admin, advisors) keep the member file and see all of it; a member of
 * the coop (the owner among them); anyone else (a client, an anonymous visitor) is `public`.
 */
export type DirectoryViewer = { kind: 'staff' } | { kind: 'member'; memberId: string | null } | { kind: 'public' };

export interface DirectoryCoopSettings {
  /** The coop publishes a directory anyone may read, of the members who opted in. */
  publicDirectory: boolean;
}

/** Opt-in: a new profile shows nothing but the name until the member chooses otherwise. */
export const DEFAULT_VISIBILITY: FieldVisibility = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, 'hidden'])) as FieldVisibility;

/** The audience whose fields a viewer sees; the search reads the matching search column. */
export type Audience = 'staff' | 'members' | 'public';

const SHOWN_TO: Record<Exclude<Audience, 'staff'>, ReadonlySet<Visibility>> = {
  members: new Set(['members', 'public']),
  public: new Set(['public']),
};

/** Whether a field chosen at `visibility` reaches `audience`. */
export function reaches(visibility: Visibility, audience: Audience): boolean {
  return audience === 'staff' || SHOWN_TO[audience].has(visibility);
}

export function audienceOf(viewer: DirectoryViewer): Audience {
  return viewer.kind === 'staff' ? 'staff' : viewer.kind === 'member' ? 'members' : 'public';
}

/**
 * The one rule of who sees what in the directory; every route answers through it.
 * - staff see the whole profile, whatever the member chose (they keep the member file anyway);
 * - the member sees her own profile whole, with her choices, to edit them;
 * - another member sees the name and the fields at `members` or `public`;
 * - the public (clients, anonymous visitors) sees nothing unless the coop publishes a public
 *   directory and the member opted in to be listed, and then only the `public` fields;
 * - each portfolio file reaches the viewers its own visibility names, by the same test;
 * - a member who left the coop is seen by the staff (marked as gone) and by herself only.
 * Returns null when the viewer may not see the profile at all. Fields not allowed are
 * absent from the result, so they cannot leave the server by a forgotten `if`.
 */
export function visibleProfile(profile: DirectoryProfile, viewer: DirectoryViewer, coop: DirectoryCoopSettings): VisibleProfile | null {
  const whole = viewer.kind === 'staff' || (viewer.kind === 'member' && viewer.memberId === profile.memberId);
  if (whole) {
    const { memberId, name, listed, visibility, leftOn, updatedAt } = profile;
    const out: VisibleProfile = { memberId, name, listed, visibility: { ...visibility }, leftOn, updatedAt, files: structuredClone(profile.files) };
    for (const field of PROFILE_FIELDS) copyKeys(out, profile, field);
    return out;
  }
  if (profile.leftOn !== null) return null;
  const audience = audienceOf(viewer);
  if (audience === 'public' && !(coop.publicDirectory && profile.listed)) return null;
  const out: VisibleProfile = { memberId: profile.memberId, name: profile.name };
  for (const field of PROFILE_FIELDS) {
    if (reaches(profile.visibility[field] ?? 'hidden', audience)) copyKeys(out, profile, field);
  }
  const files = profile.files.filter((f) => reaches(f.visibility, audience));
  if (files.length > 0) out.files = structuredClone(files);
  return out;
}

function copyKeys(out: VisibleProfile, profile: DirectoryProfile, field: ProfileField): void {
  for (const key of KEYS_OF_FIELD[field]) (out as Record<string, unknown>)[key] = structuredClone(profile[key]);
}

/** The searchable fields: what a viewer may find a profile by is what the viewer may see of it. */
export type SearchableProfile = Pick<DirectoryProfile, 'name' | 'visibility' | 'trade' | 'skills' | 'poles' | 'sectors' | 'pitch' | 'city' | 'languages'>;

const SEARCHED: readonly { field: ProfileField; text: (p: SearchableProfile) => string[] }[] = [
  { field: 'trade', text: (p) => (p.trade ? [p.trade] : []) },
  { field: 'skills', text: (p) => p.skills },
  { field: 'poles', text: (p) => [...p.poles, ...p.sectors] },
  { field: 'pitch', text: (p) => (p.pitch ? [p.pitch] : []) },
  { field: 'city', text: (p) => (p.city ? [p.city] : []) },
  { field: 'languages', text: (p) => p.languages },
];

/**
 * One folded text per audience, written with the profile: a member searching "0612" or a
 * hidden skill must not find, and so learn about, a profile by what its owner hid. Each
 * audience searches only the words it could read.
 */
export function searchTextsOf(profile: SearchableProfile): Record<Audience, string> {
  const of = (audience: Audience) =>
    normalizeSearch(
      [profile.name, ...SEARCHED.filter((s) => reaches(profile.visibility[s.field] ?? 'hidden', audience)).flatMap((s) => s.text(profile))].join(' '),
    );
  return { staff: of('staff'), members: of('members'), public: of('public') };
}
