import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { VISIBILITIES } from './domain/knowledge-access.js';

// Shared by the routes and the web client: the API's types are written once, here.
export { VISIBILITIES };
export const MAX_BODY = 100_000;
export const MAX_POST = 20_000;

const text = (max: number, min = 0) => {
  let s = z.string().trim();
  if (min > 0) s = s.min(min, { error: bilingual({ fr: 'Ce champ est obligatoire.', en: 'This field is required.' }) });
  return s.max(max, { error: bilingual({ fr: `${max} caractères au plus.`, en: `${max} characters at most.` }) });
};
const visibility = z.enum(VISIBILITIES, { error: bilingual({ fr: 'Visibilité : équipe, membres ou public.', en: 'Visibility: staff, members or public.' }) });
const position = z.number().int().min(0).max(10_000);
const revisionNumber = z.number({ error: bilingual({ fr: 'Numéro de révision attendu.', en: 'Revision number expected.' }) }).int().min(1).max(1_000_000);
const body = (max: number) => z.string().max(max, { error: bilingual({ fr: `${max} caractères au plus.`, en: `${max} characters at most.` }) });

export const spaceParams = z.object({ spaceId: z.uuid() });
export const bookParams = z.object({ bookId: z.uuid() });
export const chapterParams = z.object({ chapterId: z.uuid() });
export const pageParams = z.object({ pageId: z.uuid() });
export const revisionParams = z.object({ pageId: z.uuid(), number: z.coerce.number().int().min(1).max(1_000_000) });
export const questionParams = z.object({ questionId: z.uuid() });
export const answerParams = z.object({ answerId: z.uuid() });
export const shareParams = z.object({ spaceId: z.uuid(), coopId: z.uuid() });
export const publicCoopParams = z.object({ coopId: z.uuid() });
export const publicSpaceParams = z.object({ coopId: z.uuid(), spaceId: z.uuid() });
export const publicPageParams = z.object({ coopId: z.uuid(), pageId: z.uuid() });

export const spaceView = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  visibility,
  membersCanEdit: z.boolean(),
  sharedWithNetwork: z.boolean(),
  /** Another coop's space, shared with the viewer's: read-only. */
  fromOtherCoop: z.boolean(),
  ownerCoopName: z.string(),
  bookCount: z.number().int(),
  pageCount: z.number().int(),
  canEdit: z.boolean(),
  canManage: z.boolean(),
});
export type SpaceView = z.infer<typeof spaceView>;
export const spaceList = z.object({ items: z.array(spaceView) });

export const pageLink = z.object({ id: z.string(), title: z.string(), slug: z.string(), position: z.number().int() });
export const bookView = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  visibility: visibility.nullable(),
  effectiveVisibility: visibility,
  position: z.number().int(),
  /** The pages that sit directly in the book, before its chapters. */
  pages: z.array(pageLink),
  chapters: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), position: z.number().int(), pages: z.array(pageLink) })),
});
export type BookView = z.infer<typeof bookView>;
export const spaceDetail = spaceView.extend({
  books: z.array(bookView),
  /** The coops it is shared with, shown to the owner's team only (empty otherwise). */
  sharedWith: z.array(z.object({ coopId: z.string(), name: z.string() })),
});
export type SpaceDetail = z.infer<typeof spaceDetail>;

export const createSpaceBody = z.object({
  name: text(120, 1),
  description: text(500).default(''),
  visibility,
  membersCanEdit: z.boolean().default(false),
  sharedWithNetwork: z.boolean().default(false),
});
export type CreateSpaceBody = z.infer<typeof createSpaceBody>;
export const updateSpaceBody = z.object({
  name: text(120, 1).optional(),
  description: text(500).optional(),
  visibility: visibility.optional(),
  membersCanEdit: z.boolean().optional(),
  sharedWithNetwork: z.boolean().optional(),
});
export type UpdateSpaceBody = z.infer<typeof updateSpaceBody>;
export const shareSpaceBody = z.object({ coopId: z.uuid({ error: bilingual({ fr: 'Coopérative invalide.', en: 'Invalid cooperative.' }) }) });
export const shareTargets = z.object({ items: z.array(z.object({ coopId: z.string(), name: z.string() })) });

export const createBookBody = z.object({
  name: text(120, 1),
  description: text(500).default(''),
  /** null: the space's visibility; otherwise narrower only. */
  visibility: visibility.nullable().default(null),
  position: position.optional(),
});
export type CreateBookBody = z.infer<typeof createBookBody>;
export const updateBookBody = z.object({
  name: text(120, 1).optional(),
  description: text(500).optional(),
  visibility: visibility.nullable().optional(),
  position: position.optional(),
});
export type UpdateBookBody = z.infer<typeof updateBookBody>;

export const createChapterBody = z.object({ name: text(120, 1), position: position.optional() });
export type CreateChapterBody = z.infer<typeof createChapterBody>;
/** `position`: the chapter's rank in its book (0 first); the others shift to make room. */
export const updateChapterBody = z.object({ name: text(120, 1).optional(), position: position.optional() });
export type UpdateChapterBody = z.infer<typeof updateChapterBody>;
/** Where a page sits in its book: in one of its chapters, or directly in the book (`chapterId: null`). */
export const placePageBody = z.object({
  chapterId: z.uuid({ error: bilingual({ fr: 'Chapitre invalide.', en: 'Invalid chapter.' }) }).nullable(),
  position: position.optional(),
});
export type PlacePageBody = z.infer<typeof placePageBody>;

export const pageView = z.object({
  id: z.string(),
  bookId: z.string(),
  bookName: z.string(),
  chapterId: z.string().nullable(),
  chapterName: z.string().nullable(),
  spaceId: z.string(),
  spaceName: z.string(),
  title: z.string(),
  slug: z.string(),
  body: z.string(),
  position: z.number().int(),
  currentRevision: z.number().int(),
  updatedAt: z.date(),
  updatedByName: z.string().nullable(),
  canEdit: z.boolean(),
  canManage: z.boolean(),
});
export type PageView = z.infer<typeof pageView>;

export const createPageBody = z.object({
  title: text(200, 1),
  body: body(MAX_BODY),
  position: position.optional(),
  /** One of the book's chapters; absent or null: directly in the book. */
  chapterId: z.uuid({ error: bilingual({ fr: 'Chapitre invalide.', en: 'Invalid chapter.' }) }).nullable().optional(),
});
export type CreatePageBody = z.infer<typeof createPageBody>;
export const updatePageBody = z.object({
  title: text(200, 1),
  body: body(MAX_BODY),
  /** The revision the editor started from: if someone saved meanwhile, the edit is refused (409), nothing lost silently. */
  expectedRevision: revisionNumber,
});
export type UpdatePageBody = z.infer<typeof updatePageBody>;
export const restoreRevisionBody = z.object({ expectedRevision: revisionNumber });

export const revisionSummary = z.object({
  number: z.number().int(),
  title: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.date(),
  chars: z.number().int(),
  linesAdded: z.number().int(),
  linesRemoved: z.number().int(),
  restoredFrom: z.number().int().nullable(),
});
export type RevisionSummary = z.infer<typeof revisionSummary>;
export const revisionList = z.object({ items: z.array(revisionSummary) });
export const revisionDetail = revisionSummary.extend({ body: z.string() });
export type RevisionDetail = z.infer<typeof revisionDetail>;

export const searchQuery = z.object({
  q: text(200, 2),
  spaceId: z.uuid().optional(),
});
export const searchHit = z.object({
  pageId: z.string(),
  title: z.string(),
  spaceId: z.string(),
  spaceName: z.string(),
  bookName: z.string(),
  chapterName: z.string().nullable(),
  snippet: z.object({ text: z.string(), highlights: z.array(z.tuple([z.number().int(), z.number().int()])) }),
});
export type SearchHit = z.infer<typeof searchHit>;
export const searchResult = z.object({ items: z.array(searchHit) });

export const QUESTION_STATUSES = ['open', 'answered'] as const;
export const questionView = z.object({
  id: z.string(),
  spaceId: z.string(),
  spaceName: z.string(),
  title: z.string(),
  body: z.string(),
  authorName: z.string(),
  status: z.enum(QUESTION_STATUSES),
  answerCount: z.number().int(),
  createdAt: z.date(),
});
export type QuestionView = z.infer<typeof questionView>;
export const questionListQuery = z.object({ spaceId: z.uuid().optional(), status: z.enum(QUESTION_STATUSES).optional() });
export const questionList = z.object({ items: z.array(questionView) });
export const answerView = z.object({ id: z.string(), body: z.string(), authorName: z.string(), accepted: z.boolean(), createdAt: z.date() });
export type AnswerView = z.infer<typeof answerView>;
export const questionDetail = questionView.extend({ answers: z.array(answerView), canAnswer: z.boolean(), canAccept: z.boolean() });
export type QuestionDetail = z.infer<typeof questionDetail>;
export const askQuestionBody = z.object({ spaceId: z.uuid({ error: bilingual({ fr: 'Choisissez un espace.', en: 'Choose a space.' }) }), title: text(200, 3), body: text(MAX_POST).default('') });
export type AskQuestionBody = z.infer<typeof askQuestionBody>;
export const answerBody = z.object({ body: text(MAX_POST, 1) });

export const publicSpace = spaceView.pick({ id: true, name: true, slug: true, description: true });
export const publicSpaceList = z.object({ coopName: z.string(), items: z.array(publicSpace) });
export const publicSpaceDetail = publicSpace.extend({ coopName: z.string(), books: z.array(bookView.omit({ visibility: true, effectiveVisibility: true })) });
export const publicPage = pageView.pick({ id: true, bookId: true, bookName: true, chapterName: true, spaceId: true, spaceName: true, title: true, body: true, updatedAt: true });
export type PublicPage = z.infer<typeof publicPage>;
