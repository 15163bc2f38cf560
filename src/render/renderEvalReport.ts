import type { EvalReport, Ratio, TagFigures } from '../eval/scoreEval.js';

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
    row('false declines', report.falseDeclines),
    row('false answers', report.falseAnswers),
    `mean quote length       ${String(report.meanQuoteLength).padStart(7)}  chars`,
    ...(report.byTag.length > 0 ? ['', renderTagTable(report.byTag)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

// One row per tag: hit@1 and hit@3 over its answerable cases, false declines and false answers.
function renderTagTable(rows: readonly TagFigures[]): string {
  const cell = (r: Ratio): string => (r.total === 0 ? '-' : `${r.hits}/${r.total}`);
  const width = Math.max(8, ...rows.map((r) => r.tag.length + 2));
  const head = `${'tag'.padEnd(width)}${['cases', 'hit@1', 'hit@3', 'false declines', 'false answers'].map((h) => h.padStart(15)).join('')}`;
  const lines = rows.map(
    (r) =>
      `${r.tag.padEnd(width)}${[String(r.cases), cell(r.hitAt1), cell(r.hitAt3), cell(r.falseDeclines), cell(r.falseAnswers)].map((c) => c.padStart(15)).join('')}`,
  );
  return [head, ...lines].join('\n');
}
