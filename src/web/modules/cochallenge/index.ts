export { default as CochallengesPage } from './CochallengesPage';
export { default as CochallengeSetupPage } from './CochallengeSetupPage';
export { default as CochallengeDayPage } from './CochallengeDayPage';
export { default as CochallengeCounterPage } from './CochallengeCounterPage';
