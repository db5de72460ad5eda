// The coop module's front door: the settings page for the route table, and the settings other modules read.
export { default as CoopSettingsPage } from './CoopSettingsPage';
export { useCoopSettings } from './use-coop-settings';
