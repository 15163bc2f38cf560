import type { EvalReport, Ratio } from '../eval/scoreEval.js';

/** The eval figures as a small table, then one line per failing case. */
export function renderEvalReport(report: EvalReport): string {
  const row = (name: string, r: Ratio): string =>
    `${name.padEnd(24)}${`${r.hits}/${r.total}`.padStart(7)}  ${r.total === 0 ? '  n/a' : (r.hits / r.total).toFixed(3)}`;
  const failing = report.results.filter((r) => r.failures.length > 0);
  const lines = [
    ...failing.map((r) => `FAIL ${r.id} ${JSON.stringify(r.question)}: ${r.failures.join('; ')}`),
    ...(failing.length > 0 ? [''] : []),
    `cases                   ${String(report.cases).padStart(7)}`,
    row('hit@1', report.hitAt1),
    row('hit@3', report.hitAt3),
    row('footnote accuracy', report.footnotes),
    row('citation-needed acc.', report.citationNeeded),
    row('abstention accuracy', report.abstention),
    `mean quote length       ${String(report.meanQuoteLength).padStart(7)}  chars`,
  ];
  return `${lines.join('\n')}\n`;
}
