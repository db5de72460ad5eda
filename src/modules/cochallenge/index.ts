// What the composition root uses of the cochallenge (community: members sell each other's skills to local companies).
export { cochallengeRoutes } from './routes.js';
