// What the composition root uses of the cochallenge (community: members sell each other's skills to local companies).
export { cochallengeRoutes } from './routes.js';
// The demo seeds a campaign through the same operations as the routes.
export { createCochallenge } from './manage-cochallenge.js';
export { registerCompany } from './register-company.js';
export { registerParticipant } from './register-participant.js';
export { proposePairs } from './form-cochallenge-pairs.js';
export { computePlan } from './compute-plan.js';
