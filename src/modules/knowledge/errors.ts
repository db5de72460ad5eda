import { defineErrors } from '../../platform/errors.js';

// What a person may not read answers "not found", like what does not exist: a probe learns
// nothing of a staff-only page. What they read but may not change answers "forbidden".
export const knowledgeErrors = defineErrors({
  SPACE_NOT_FOUND: ['not_found', { fr: 'Espace introuvable.', en: 'Space not found.' }],
  BOOK_NOT_FOUND: ['not_found', { fr: 'Livre introuvable.', en: 'Book not found.' }],
  CHAPTER_NOT_FOUND: ['not_found', { fr: 'Chapitre introuvable.', en: 'Chapter not found.' }],
  PAGE_NOT_FOUND: ['not_found', { fr: 'Page introuvable.', en: 'Page not found.' }],
  REVISION_NOT_FOUND: ['not_found', { fr: 'Révision introuvable.', en: 'Revision not found.' }],
  QUESTION_NOT_FOUND: ['not_found', { fr: 'Question introuvable.', en: 'Question not found.' }],
  ANSWER_NOT_FOUND: ['not_found', { fr: 'Réponse introuvable.', en: 'Answer not found.' }],
  COOP_NOT_FOUND: ['not_found', { fr: 'Coopérative introuvable.', en: 'Cooperative not found.' }],
  MAY_NOT_EDIT: ['forbidden', { fr: "Vous ne pouvez pas modifier cet espace.", en: 'You may not edit this space.' }],
  MAY_NOT_MANAGE: ['forbidden', { fr: "Seule l'équipe de la coopérative gère cet espace.", en: "Only the cooperative's team manages this space." }],
  MAY_NOT_DISCUSS: ['forbidden', { fr: 'Vous ne pouvez pas poser ou répondre à des questions dans cet espace.', en: 'You may not ask or answer questions in this space.' }],
  MAY_NOT_ACCEPT: ['forbidden', { fr: "Seule la personne qui a posé la question, ou l'équipe, accepte une réponse.", en: 'Only the person who asked, or the team, accepts an answer.' }],
  EDIT_CONFLICT: ['conflict', { fr: "Quelqu'un a enregistré cette page pendant votre modification : rechargez-la, puis reportez vos changements.", en: 'Someone saved this page while you were editing: reload it, then apply your changes again.' }],
  NAME_TAKEN: ['conflict', { fr: 'Ce nom est déjà pris ici.', en: 'This name is already taken here.' }],
  SPACE_NOT_EMPTY: ['conflict', { fr: "Cet espace contient des livres ou des questions : videz-le d'abord.", en: 'This space holds books or questions: empty it first.' }],
  CHAPTER_NOT_EMPTY: ['conflict', { fr: "Ce chapitre contient des pages : déplacez-les d'abord.", en: 'This chapter holds pages: move them first.' }],
  BOOK_NOT_EMPTY: ['conflict', { fr: "Ce livre contient des pages : archivez-les d'abord.", en: 'This book holds pages: archive them first.' }],
  BOOK_WIDENS_SPACE: ['unprocessable', { fr: "Un livre ne peut pas être plus visible que son espace.", en: 'A book cannot be more visible than its space.' }],
  ANSWER_ALREADY_ACCEPTED: ['conflict', { fr: 'Une réponse est déjà acceptée pour cette question.', en: 'An answer is already accepted for this question.' }],
  SHARE_WITH_SELF: ['unprocessable', { fr: 'Un espace se partage avec une autre coopérative.', en: 'A space is shared with another cooperative.' }],
});
