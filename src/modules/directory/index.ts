// The member directory: each member's public face, shown field by field as she chooses, to the
// other members and (if the coop publishes it) to anyone. The composition root mounts the routes;
// the demo seed writes profiles through the same operations the routes use.
export { directoryRoutes } from './routes.js';
export { saveMyProfile } from './save-my-profile.js';
export { uploadProfileFile } from './upload-profile-file.js';
export { addSkill } from './skills-vocabulary.js';
export { updateDirectorySettings } from './directory-settings.js';
export { DEFAULT_VISIBILITY, type FieldVisibility } from './domain/visible-profile.js';
