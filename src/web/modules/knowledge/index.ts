// The knowledge base's front door: its pages for the route table.
export { default as KnowledgeHomePage } from './KnowledgeHomePage';
export { default as KnowledgeSpacePage } from './SpacePage';
export { default as KnowledgePagePage } from './KbPagePage';
export { default as KnowledgePageEditorPage } from './PageEditorPage';
export { default as KnowledgePageHistoryPage } from './PageHistoryPage';
export { default as KnowledgeQuestionsPage } from './QuestionsPage';
export { default as KnowledgeQuestionPage } from './QuestionPage';
export { default as PublicKnowledgePage } from './PublicKnowledgePage';
