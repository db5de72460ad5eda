export { default as PayoutsPage } from './PayoutsPage';
