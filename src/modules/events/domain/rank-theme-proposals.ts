/**
 * The ranking of theme proposals members see: most votes first; at equal votes the older
 * proposal first (it has waited longer). Equal votes share a rank ("1, 1, 3"), so a tie is
 * shown as one.
 */
export function rankThemeProposals<P extends { id: string; votes: number; createdAt: Date }>(proposals: readonly P[]): (P & { rank: number })[] {
  const sorted = [...proposals].sort((a, b) => b.votes - a.votes || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  let rank = 0;
  return sorted.map((p, i) => {
    if (i === 0 || sorted[i - 1]!.votes !== p.votes) rank = i + 1;
    return { ...p, rank };
  });
}
