/**
 * Reciprocal rank fusion: each ranking adds `1 / (k + rank)` (rank from 1) to a label's score.
 * `k` = 60 is the value of Cormack et al. (2009); it keeps one list's top hit from drowning the
 * other list. Returns labels best first.
 */
export function fuseRankings(rankings: readonly (readonly number[])[], k = 60): { label: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const ranking of rankings) {
    ranking.forEach((label, i) => scores.set(label, (scores.get(label) ?? 0) + 1 / (k + i + 1)));
  }
  return [...scores].map(([label, score]) => ({ label, score })).sort((a, b) => b.score - a.score || a.label - b.label);
}
