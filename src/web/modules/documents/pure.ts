// The documents module's second door: its React-free rules (parsing lines as typed, live
// totals), which other modules' form code and node tests load without the components.
export * from './line-form';
