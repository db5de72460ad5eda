// Names of records across modules for the audit log: the platform's log knows kinds and ids,
// each owning module knows its numbers and names; this composition asks them, once per kind.
export { kindOfField, labelRecords, recordLabeller } from './label-records.js';
