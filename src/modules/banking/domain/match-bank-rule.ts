/** A saved rule as matching needs it: the text a label must contain. */
export interface RuleText {
  id: string;
  labelContains: string;
}

/** Upper case, no accents, punctuation as spaces: "Urssaf Île-de-France" and "URSSAF ILE DE FRANCE" read the same. */
export function foldLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/**
 * The saved rule a bank line matches: one whose text is in the line's label, reference or
 * counterparty, compared folded (case, accents, punctuation). When several match, the
 * longest text wins: "URSSAF RETRAITE" is more precise than "URSSAF". Ties keep the rules' order.
 */
export function matchBankRule<R extends RuleText>(line: { label: string; reference: string; counterparty: string | null }, rules: readonly R[]): R | null {
  const haystack = ` ${foldLabel([line.label, line.reference, line.counterparty ?? ''].join(' '))} `;
  let best: R | null = null;
  let bestLength = 0;
  for (const rule of rules) {
    const needle = foldLabel(rule.labelContains);
    if (!needle) continue;
    if (haystack.includes(needle) && needle.length > bestLength) {
      best = rule;
      bestLength = needle.length;
    }
  }
  return best;
}
