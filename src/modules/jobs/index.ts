// What other modules use of jobs: attaching a document to a job (quotes, invoicing), splitting
// and recording an issued document's revenue and commission (invoicing), a job's parts per
// activity (independents, treasury), its routes (server).
export { activityJobParts, type ActivityJobPart } from './activity-job-parts.js';
export { assertJobForDocument } from './assert-job-for-document.js';
export { createJob } from './create-job.js';
export { followJobCommission } from './follow-job-commission.js';
export { jobParts, type JobActivityPart } from './job-parts.js';
export { jobRoutes } from './routes.js';
export { recordJobDocument } from './record-job-document.js';
export { splitJobDocument, type JobDocumentSplit } from './split-job-document.js';
