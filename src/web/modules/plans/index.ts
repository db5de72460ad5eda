// The plans module's front door: its page for the route table, and the member's plan card.
export { default as PlansPage } from './PlansPage';
export { MyPlanCard } from './MyPlanCard';
// Bookings and check-ins consume passes: their hooks refresh the member's balance with this key.
export { PLANS_QUERY_KEY } from './use-plans';
