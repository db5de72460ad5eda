export { getDunningSettings, updateDunningSettings } from './dunning-settings.js';
export { runDunning, runDunningForAllCoops, type RunDunningOptions } from './run-dunning.js';
export { scheduleDunning } from './schedule-dunning.js';
export { dunningRoutes } from './routes.js';
