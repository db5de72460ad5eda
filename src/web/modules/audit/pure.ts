// The audit module's light door: the page of a record, for the header's bell (no AuditPage behind it).
export { entityPath } from './audit-labels';
