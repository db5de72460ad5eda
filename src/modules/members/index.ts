export { assertMembersExist, memberIdOfUser, memberNames } from './member-lookup.js';
