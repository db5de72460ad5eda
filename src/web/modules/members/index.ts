// The members module's front door: its pages for the route table.
export { default as MemberDetailPage } from './MemberDetailPage';
export { default as MembersPage } from './MembersPage';
export { default as MyProfilePage } from './MyProfilePage';
export { useMyMember } from './use-members';
