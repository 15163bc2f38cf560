import type { BuildSummary } from '../index/buildIndex.js';

/** The one-screen summary `npm run build:index` prints. */
export function renderBuildSummary(summary: BuildSummary, dataDir: string): string {
  const s = summary.seconds;
  const lines = [
    `documents   ${summary.documents}`,
    `chunks      ${summary.chunks}`,
    `embedded    ${summary.embedded} (reused ${summary.reused} from the cache)`,
    `embedder    ${summary.embedderId}`,
    `seconds     ${s.total.toFixed(2)} (parse ${s.parse.toFixed(2)}, embed ${s.embed.toFixed(2)}, index ${s.index.toFixed(2)})`,
    `index       ${dataDir}`,
    ...(summary.removed > 0 ? [`removed     ${summary.removed} chunks of removed or changed documents (index updated, not rebuilt)`] : []),
    ...summary.problems.map((p) => `skipped     ${p}`),
  ];
  return `${lines.join('\n')}\n`;
}
