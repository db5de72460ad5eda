// The plans module's front door: its page for the route table, and the member's plan card.
export { default as PlansPage } from './PlansPage';
export { MyPlanCard } from './MyPlanCard';
