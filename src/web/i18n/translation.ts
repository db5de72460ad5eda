/**
 * The shape a translation must have: the keys of the French catalogue it translates, with
 * string values. Each module's i18n.en.ts is typed with it, so a key added in French without
 * its English fails the type check.
 */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
