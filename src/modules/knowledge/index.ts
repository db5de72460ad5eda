// The knowledge base (spaces → books → pages, with revisions, search and Q&A). The composition
// root mounts the routes; the demo seeds through the operations.
export { knowledgePublicRoutes, knowledgeRoutes } from './routes.js';
export { createSpace } from './create-space.js';
export { createBook } from './create-book.js';
export { createChapter } from './create-chapter.js';
export { createPage } from './create-page.js';
export { editPage } from './edit-page.js';
export { acceptAnswer } from './accept-answer.js';
export { answerQuestion } from './answer-question.js';
export { askQuestion } from './ask-question.js';
