import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/context.js';
import { empty, errorResponses } from '../../platform/http/error-shape.js';
import {
  answerBody,
  answerParams,
  askQuestionBody,
  bookParams,
  chapterParams,
  createChapterBody,
  createBookBody,
  createPageBody,
  createSpaceBody,
  pageParams,
  pageView,
  placePageBody,
  publicCoopParams,
  publicPage,
  publicPageParams,
  publicSpaceDetail,
  publicSpaceList,
  publicSpaceParams,
  questionDetail,
  questionList,
  questionListQuery,
  questionParams,
  restoreRevisionBody,
  revisionDetail,
  revisionList,
  revisionParams,
  searchQuery,
  searchResult,
  shareParams,
  shareSpaceBody,
  shareTargets,
  spaceDetail,
  spaceList,
  spaceParams,
  updateBookBody,
  updateChapterBody,
  updatePageBody,
  updateSpaceBody,
} from './contract.js';
import { createPage } from './create-page.js';
import { createSpace } from './create-space.js';
import { archivePage, editPage, restoreRevision } from './edit-page.js';
import { getPage } from './get-page.js';
import { viewerOf } from './kb-viewer.js';
import { getRevision, listRevisions } from './list-revisions.js';
import { getSpace, listSpaces } from './list-spaces.js';
import { createBook } from './create-book.js';
import { createChapter } from './create-chapter.js';
import { deleteBook } from './delete-book.js';
import { deleteChapter } from './delete-chapter.js';
import { updateBook } from './update-book.js';
import { updateChapter } from './update-chapter.js';
import { placePage } from './place-page.js';
import { getPublicPage, getPublicSpace, listPublicSpaces, searchPublicPages } from './public-knowledge.js';
import { acceptAnswer } from './accept-answer.js';
import { answerQuestion } from './answer-question.js';
import { askQuestion } from './ask-question.js';
import { getQuestion } from './get-question.js';
import { listQuestions } from './list-questions.js';
import { searchPages } from './search-pages.js';
import { shareSpace, shareTargetsOf, unshareSpace } from './share-space.js';
import { deleteSpace, updateSpace } from './update-space.js';

const tags = ['knowledge'];
/** Everyone of the coop reaches the routes; what each reads or writes is decided by the one rule (domain/knowledge-access.ts). */
const everyone = ['admin', 'staff', 'accountant', 'member'] as const;
/** Spaces, books and shares are the team's. */
const team = ['admin', 'staff'] as const;

export async function knowledgeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;
  const viewer = (req: Parameters<typeof actorOf>[0]) => viewerOf(actorOf(req));

  app.get('/spaces', { config: { access: everyone }, schema: { tags, summary: "The spaces I read: my coop's, then those shared with it", response: { 200: spaceList, ...errorResponses } } }, async (req) => listSpaces(db, viewer(req)));
  app.post('/spaces', { config: { access: team }, schema: { tags, summary: 'Open a space', body: createSpaceBody, response: { 201: spaceDetail, ...errorResponses } } }, async (req, reply) => reply.status(201).send(await createSpace(db, actorOf(req), req.body)));
  app.get('/spaces/:spaceId', { config: { access: everyone }, schema: { tags, summary: 'A space and its table of contents', params: spaceParams, response: { 200: spaceDetail, ...errorResponses } } }, async (req) => getSpace(db, viewer(req), req.params.spaceId));
  app.patch('/spaces/:spaceId', { config: { access: team }, schema: { tags, summary: "Change a space's name, visibility or sharing", params: spaceParams, body: updateSpaceBody, response: { 200: spaceDetail, ...errorResponses } } }, async (req) => updateSpace(db, actorOf(req), req.params.spaceId, req.body));
  app.delete('/spaces/:spaceId', { config: { access: team }, schema: { tags, summary: 'Remove an empty space', params: spaceParams, response: { 204: empty, ...errorResponses } } }, async (req, reply) => {
    await deleteSpace(db, actorOf(req), req.params.spaceId);
    return reply.status(204).send(null);
  });
  app.get('/share-targets', { config: { access: team }, schema: { tags, summary: 'The other coops of the instance a space may be shared with', response: { 200: shareTargets, ...errorResponses } } }, async (req) => shareTargetsOf(db, actorOf(req)));
  app.post('/spaces/:spaceId/shares', { config: { access: team }, schema: { tags, summary: 'Let another coop read the space (read-only, audited)', params: spaceParams, body: shareSpaceBody, response: { 200: spaceDetail, ...errorResponses } } }, async (req) => shareSpace(db, actorOf(req), req.params.spaceId, req.body.coopId));
  app.delete('/spaces/:spaceId/shares/:coopId', { config: { access: team }, schema: { tags, summary: 'Stop sharing the space with a coop (audited)', params: shareParams, response: { 200: spaceDetail, ...errorResponses } } }, async (req) => unshareSpace(db, actorOf(req), req.params.spaceId, req.params.coopId));

  app.post('/spaces/:spaceId/books', { config: { access: team }, schema: { tags, summary: 'Add a book to a space', params: spaceParams, body: createBookBody, response: { 201: spaceDetail, ...errorResponses } } }, async (req, reply) => reply.status(201).send(await createBook(db, actorOf(req), req.params.spaceId, req.body)));
  app.patch('/books/:bookId', { config: { access: team }, schema: { tags, summary: 'Rename, move or narrow a book', params: bookParams, body: updateBookBody, response: { 200: spaceDetail, ...errorResponses } } }, async (req) => updateBook(db, actorOf(req), req.params.bookId, req.body));
  app.delete('/books/:bookId', { config: { access: team }, schema: { tags, summary: 'Remove a book without pages', params: bookParams, response: { 200: spaceDetail, ...errorResponses } } }, async (req) => deleteBook(db, actorOf(req), req.params.bookId));

  app.post('/books/:bookId/chapters', { config: { access: team }, schema: { tags, summary: 'Add a chapter to a book (last, or at a rank)', params: bookParams, body: createChapterBody, response: { 201: spaceDetail, ...errorResponses } } }, async (req, reply) => reply.status(201).send(await createChapter(db, actorOf(req), req.params.bookId, req.body)));
  app.patch('/chapters/:chapterId', { config: { access: team }, schema: { tags, summary: 'Rename a chapter or move it to another rank (audited)', params: chapterParams, body: updateChapterBody, response: { 200: spaceDetail, ...errorResponses } } }, async (req) => updateChapter(db, actorOf(req), req.params.chapterId, req.body));
  app.delete('/chapters/:chapterId', { config: { access: team }, schema: { tags, summary: 'Remove a chapter without pages (audited)', params: chapterParams, response: { 200: spaceDetail, ...errorResponses } } }, async (req) => deleteChapter(db, actorOf(req), req.params.chapterId));
  app.put('/pages/:pageId/chapter', { config: { access: everyone }, schema: { tags, summary: "Move a page into one of its book's chapters, or directly into the book (audited)", params: pageParams, body: placePageBody, response: { 200: pageView, ...errorResponses } } }, async (req) => placePage(db, actorOf(req), req.params.pageId, req.body));

  app.post('/books/:bookId/pages', { config: { access: everyone }, schema: { tags, summary: 'Write a new page (whoever may edit the space)', params: bookParams, body: createPageBody, response: { 201: pageView, ...errorResponses } } }, async (req, reply) => reply.status(201).send(await createPage(db, actorOf(req), req.params.bookId, req.body)));
  app.get('/pages/:pageId', { config: { access: everyone }, schema: { tags, summary: 'A page', params: pageParams, response: { 200: pageView, ...errorResponses } } }, async (req) => getPage(db, viewer(req), req.params.pageId));
  app.put('/pages/:pageId', { config: { access: everyone }, schema: { tags, summary: 'Save an edit as the next revision (409 if someone saved since the expected revision)', params: pageParams, body: updatePageBody, response: { 200: pageView, ...errorResponses } } }, async (req) => editPage(db, actorOf(req), req.params.pageId, req.body));
  app.delete('/pages/:pageId', { config: { access: team }, schema: { tags, summary: 'Archive a page (its revisions are kept)', params: pageParams, response: { 204: empty, ...errorResponses } } }, async (req, reply) => {
    await archivePage(db, actorOf(req), req.params.pageId);
    return reply.status(204).send(null);
  });
  app.get('/pages/:pageId/revisions', { config: { access: everyone }, schema: { tags, summary: "A page's history, newest first", params: pageParams, response: { 200: revisionList, ...errorResponses } } }, async (req) => listRevisions(db, viewer(req), req.params.pageId));
  app.get('/pages/:pageId/revisions/:number', { config: { access: everyone }, schema: { tags, summary: 'One old version of a page', params: revisionParams, response: { 200: revisionDetail, ...errorResponses } } }, async (req) => getRevision(db, viewer(req), req.params.pageId, req.params.number));
  app.post(
    '/pages/:pageId/revisions/:number/restore',
    { config: { access: everyone }, schema: { tags, summary: 'Bring back an old version (as a new revision)', params: revisionParams, body: restoreRevisionBody, response: { 200: pageView, ...errorResponses } } },
    async (req) => restoreRevision(db, actorOf(req), req.params.pageId, req.params.number, req.body.expectedRevision),
  );

  app.get('/search', { config: { access: everyone }, schema: { tags, summary: 'Pages I read holding every word, accents ignored, best first, with a snippet', querystring: searchQuery, response: { 200: searchResult, ...errorResponses } } }, async (req) => searchPages(db, viewer(req), req.query));

  app.get('/questions', { config: { access: everyone }, schema: { tags, summary: 'Questions of the spaces I read', querystring: questionListQuery, response: { 200: questionList, ...errorResponses } } }, async (req) => listQuestions(db, viewer(req), req.query));
  app.post('/questions', { config: { access: everyone }, schema: { tags, summary: 'Ask a question in a space', body: askQuestionBody, response: { 201: questionDetail, ...errorResponses } } }, async (req, reply) => reply.status(201).send(await askQuestion(db, actorOf(req), req.body)));
  app.get('/questions/:questionId', { config: { access: everyone }, schema: { tags, summary: 'A question and its answers', params: questionParams, response: { 200: questionDetail, ...errorResponses } } }, async (req) => getQuestion(db, actorOf(req), req.params.questionId));
  app.post('/questions/:questionId/answers', { config: { access: everyone }, schema: { tags, summary: 'Answer a question', params: questionParams, body: answerBody, response: { 201: questionDetail, ...errorResponses } } }, async (req, reply) => reply.status(201).send(await answerQuestion(db, actorOf(req), req.params.questionId, req.body.body)));
  app.post('/answers/:answerId/accept', { config: { access: everyone }, schema: { tags, summary: 'Accept an answer (the asker or the team; one per question)', params: answerParams, response: { 200: questionDetail, ...errorResponses } } }, async (req) => acceptAnswer(db, actorOf(req), req.params.answerId));
}

/** The public pages of a coop's knowledge base, read without an account. */
export async function knowledgePublicRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;
  const ptags = ['knowledge', 'public'];
  app.get('/:coopId/spaces', { config: { access: 'public' }, schema: { tags: ptags, summary: "A coop's public spaces", params: publicCoopParams, response: { 200: publicSpaceList, ...errorResponses } } }, async (req) => listPublicSpaces(db, req.params.coopId));
  app.get('/:coopId/spaces/:spaceId', { config: { access: 'public' }, schema: { tags: ptags, summary: 'A public space and its table of contents', params: publicSpaceParams, response: { 200: publicSpaceDetail, ...errorResponses } } }, async (req) => getPublicSpace(db, req.params.coopId, req.params.spaceId));
  app.get('/:coopId/search', { config: { access: 'public' }, schema: { tags: ptags, summary: "Search a coop's public pages, accents ignored", params: publicCoopParams, querystring: searchQuery, response: { 200: searchResult, ...errorResponses } } }, async (req) => searchPublicPages(db, req.params.coopId, req.query));
  app.get('/:coopId/pages/:pageId', { config: { access: 'public' }, schema: { tags: ptags, summary: 'A public page', params: publicPageParams, response: { 200: publicPage, ...errorResponses } } }, async (req) => getPublicPage(db, req.params.coopId, req.params.pageId));
}
