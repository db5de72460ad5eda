import { knowledgeErrors } from './errors.js';
import type { kbChapters } from './schema.js';

export const chapterNameTaken = () => knowledgeErrors.NAME_TAKEN([{ path: 'name', message: { fr: 'Un chapitre de ce livre porte déjà ce nom.', en: 'A chapter of this book already has this name.' } }]);
/** What the audit log keeps of a chapter. */
export const auditedChapter = (c: typeof kbChapters.$inferSelect) => ({ bookId: c.bookId, name: c.name, position: c.position });
