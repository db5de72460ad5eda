// The people module's front door: its page for the route table, and the people list other pages read.
export { default as PeoplePage } from './PeoplePage';
export { usePeople } from './use-people';
