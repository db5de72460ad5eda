// The audit module's front door: its page for the route table, and the labels of an audited event.
export { default as AuditPage } from './AuditPage';
export { entityPath, useAuditLabels } from './audit-labels';
