/** What an edit changed, shown in the revision history so a reader sees the size of each change. */
export interface RevisionDiff {
  titleChanged: boolean;
  charsBefore: number;
  charsAfter: number;
  linesAdded: number;
  linesRemoved: number;
}

/** Above this many cells the exact comparison would cost too much: lines are then counted as a multiset. */
const MAX_CELLS = 4_000_000;

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

function multisetCommon(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const line of a) counts.set(line, (counts.get(line) ?? 0) + 1);
  let common = 0;
  for (const line of b) {
    const n = counts.get(line) ?? 0;
    if (n > 0) {
      common++;
      counts.set(line, n - 1);
    }
  }
  return common;
}

const linesOf = (text: string) => (text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n'));

/**
 * Lines added and removed between two versions of a page (a line edited counts as one removed
 * and one added, as in a unified diff), and the lengths before and after.
 */
export function diffRevisions(before: { title: string; body: string } | null, after: { title: string; body: string }): RevisionDiff {
  const a = linesOf(before?.body ?? '');
  const b = linesOf(after.body);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const common = midA.length * midB.length <= MAX_CELLS ? lcsLength(midA, midB) : multisetCommon(midA, midB);
  return {
    titleChanged: before !== null && before.title !== after.title,
    charsBefore: before?.body.length ?? 0,
    charsAfter: after.body.length,
    linesAdded: midB.length - common,
    linesRemoved: midA.length - common,
  };
}
