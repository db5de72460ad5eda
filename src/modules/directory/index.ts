// The member directory: each member's public face, shown field by field as she chooses, to the
// other members and (if the coop publishes it) to anyone. The composition root mounts the routes.
export { directoryRoutes } from './routes.js';
