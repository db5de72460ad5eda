/**
 * A contract type as it arrives over HTTP: JSON carries dates as ISO strings. Use it on the
 * `z.infer` types of a module's contract.ts: `api.get<Wire<Dashboard>>('/api/dashboard')`.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
