import type { kbBooks } from './schema.js';
import { knowledgeErrors } from './errors.js';

// The guards the book operations share: the same refusal, worded once, whichever operation meets it.

export const bookNameTaken = () => knowledgeErrors.NAME_TAKEN([{ path: 'name', message: { fr: 'Un livre de cet espace porte déjà ce nom.', en: 'A book of this space already has this name.' } }]);
export const bookWidensSpace = () => knowledgeErrors.BOOK_WIDENS_SPACE([{ path: 'visibility', message: { fr: "Plus visible que l'espace.", en: 'More visible than the space.' } }]);
/** What the audit log keeps of a book. */
export const auditedBook = (b: typeof kbBooks.$inferSelect) => ({ name: b.name, visibility: b.visibility, position: b.position });
