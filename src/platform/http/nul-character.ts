import { invalidField } from '../errors.js';

/**
 * How deep a request part may nest objects and arrays. No form of the API goes past a few
 * levels; a body nested thousands deep only exists to exhaust the stack of whatever walks it.
 */
export const MAX_NESTING_DEPTH = 64;

export type RequestPartProblem = { kind: 'nul' | 'too_deep'; path: string };

/**
 * The first problem of a parsed request part, or null: a string holding U+0000 (PostgreSQL text
 * cannot store it: left through, it fails the query and answers a 500), or objects and arrays
 * nested deeper than MAX_NESTING_DEPTH. Walked with an explicit stack, in document order, so
 * no depth of input can overflow the call stack.
 */
export function requestPartProblem(value: unknown): RequestPartProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) return { kind: 'nul', path: item.path };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_NESTING_DEPTH) return { kind: 'too_deep', path: item.path };
    const entries = Object.entries(item.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push({ value: child, path: item.path ? `${item.path}.${key}` : key, depth: item.depth + 1 });
    }
  }
  return null;
}

/** The path of the first string holding U+0000 in a parsed request part, or null. */
export function nulCharacterPath(value: unknown): string | null {
  const problem = requestPartProblem(value);
  return problem?.kind === 'nul' ? problem.path : null;
}

/**
 * Throws the 400 of the API when a request part holds U+0000 or nests too deep; `prefix` as in
 * the field paths of schema errors.
 */
export function assertNoNulCharacter(value: unknown, prefix = ''): void {
  const found = requestPartProblem(value);
  if (found === null) return;
  if (found.kind === 'nul') {
    throw invalidField(prefix + found.path, { fr: 'Le caractère nul (U+0000) n’est pas accepté.', en: 'The NUL character (U+0000) is not accepted.' });
  }
  throw invalidField(prefix + found.path, {
    fr: `Données imbriquées trop profondément : ${MAX_NESTING_DEPTH} niveaux au plus.`,
    en: `Data nested too deeply: ${MAX_NESTING_DEPTH} levels at most.`,
  });
}
