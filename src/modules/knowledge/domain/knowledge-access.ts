/**
 * Who may read and who may edit the knowledge base. One rule, called by every route and, as
 * `readableVisibilities`, turned into the SQL filter of every list and of the search, so a
 * list can never show what the detail would refuse.
 */
export const VISIBILITIES = ['staff', 'members', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** How far a person reads: the coop's team everything, its members and accountant the members' pages, anyone else only public ones. */
export type ReaderLevel = 'staff' | 'members' | 'public';

/**
 * The person reading. `coopId` is the coop the session acts in (null for an anonymous visitor of
 * the public pages); `roles` are the roles held in that coop.
 */
export interface KbViewer {
  coopId: string | null;
  roles: readonly string[];
}

export interface SpaceRule {
  coopId: string;
  visibility: Visibility;
  membersCanEdit: boolean;
  /** Every coop of the instance (the network) may read it. */
  sharedWithNetwork: boolean;
  /** The coops it was explicitly shared with. */
  sharedWithCoopIds: readonly string[];
}

/** A book may only narrow its space's visibility, never widen it (null: the space's). */
export interface BookRule {
  visibility: Visibility | null;
}

export function readerLevelOf(roles: readonly string[]): ReaderLevel {
  if (roles.includes('admin') || roles.includes('staff')) return 'staff';
  if (roles.includes('member') || roles.includes('accountant')) return 'members';
  return 'public';
}

/** The visibilities a level reads: each level reads its own and every wider one. */
export function readableVisibilities(level: ReaderLevel): Visibility[] {
  if (level === 'staff') return ['staff', 'members', 'public'];
  if (level === 'members') return ['members', 'public'];
  return ['public'];
}

const RANK: Record<Visibility, number> = { public: 0, members: 1, staff: 2 };

/** The visibility a book's pages actually have: the narrower of the space's and the book's. */
export function effectiveVisibility(space: Visibility, book: Visibility | null): Visibility {
  if (book === null) return space;
  return RANK[book] > RANK[space] ? book : space;
}

/** Whether the override would widen the space (refused: a staff-only space stays staff-only). */
export const widensSpace = (space: Visibility, book: Visibility | null) => book !== null && RANK[book] < RANK[space];

/** The space is the viewer's own coop's, or was shared with it (to the whole network or to that coop). */
export function reachesSpace(viewer: KbViewer, space: SpaceRule): 'own' | 'shared' | null {
  if (viewer.coopId === null) return null;
  if (viewer.coopId === space.coopId) return 'own';
  if (space.sharedWithNetwork || space.sharedWithCoopIds.includes(viewer.coopId)) return 'shared';
  return null;
}

/**
 * Whether the viewer may read the space (and the book, when given). An anonymous viewer reads
 * only public pages of the coop the public route names; a shared space is read with the
 * viewer's own level in their coop (a member of B reads the members' pages A shared with B).
 */
export function canRead(viewer: KbViewer, space: SpaceRule, book?: BookRule | null): boolean {
  const visibility = effectiveVisibility(space.visibility, book?.visibility ?? null);
  if (viewer.coopId === null) return visibility === 'public';
  if (!reachesSpace(viewer, space)) return false;
  return readableVisibilities(readerLevelOf(viewer.roles)).includes(visibility);
}

/**
 * Whether the viewer may write pages of the space: the coop's team always; its members when the
 * space says "members may edit" and they can read the page. A shared space is read-only to the
 * coops it is shared with: their people never write another coop's rows.
 */
export function canEdit(viewer: KbViewer, space: SpaceRule, book?: BookRule | null): boolean {
  if (reachesSpace(viewer, space) !== 'own') return false;
  const level = readerLevelOf(viewer.roles);
  if (level === 'staff') return true;
  return level === 'members' && space.membersCanEdit && canRead(viewer, space, book);
}

/** Whether the viewer may shape the space itself (its settings, books, shares, archiving pages): the coop's team only. */
export function canManage(viewer: KbViewer, space: Pick<SpaceRule, 'coopId'>): boolean {
  return viewer.coopId === space.coopId && readerLevelOf(viewer.roles) === 'staff';
}

/**
 * Whether the viewer may ask and answer in the space's Q&A: anyone of the owning coop who reads it,
 * not an anonymous visitor, and not from a coop it is only shared with (its rows are the owner's).
 */
export function canDiscuss(viewer: KbViewer, space: SpaceRule): boolean {
  return reachesSpace(viewer, space) === 'own' && canRead(viewer, space);
}

/** Who may accept an answer: the person who asked, or the coop's team. */
export function canAcceptAnswer(viewer: KbViewer & { userId: string }, question: { coopId: string; authorUserId: string }): boolean {
  if (viewer.coopId !== question.coopId) return false;
  return viewer.userId === question.authorUserId || readerLevelOf(viewer.roles) === 'staff';
}
