export { assertMembersExist, memberIdOfUser, memberNames } from './member-lookup.js';
export { createMember } from './create-member.js';
export { linkMemberToUser } from './link-member-to-user.js';
export { countMembersByStatus, countPendingDocuments } from './member-counts.js';
export { countMembersByType, memberOverviewOfUser } from './member-overview.js';
export { listMemberOptions } from './list-member-options.js';
export type { NewMember } from './contract.js';
export { MEMBER_STATUSES, type MemberStatus } from './domain/lifecycle.js';
export { memberRoutes } from './routes.js';
