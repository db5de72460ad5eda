export { isYearlySeries, renderNumber } from './domain/numbering-format.js';
export { allCoopIds, coopNames, createCoop, getCoop, membershipTypesOf, type NewCoop } from './coops-service.js';
export { coopRoutes } from './routes.js';
export { DEFAULT_POLES, MEMBERSHIP_TYPES, type CoopSettings, type MembershipType } from './contract.js';
