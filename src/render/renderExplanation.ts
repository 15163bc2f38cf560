import type { Explanation } from '../answer/Answerer.js';
import type { TermGroup } from '../retrieval/analyzeQuery.js';

/**
 * `ask --explain`: how the question was read (its parts, every word with its role, idf and
 * stand-ins), each candidate passage's scores, and the decision with its margin.
 */
export function renderExplanation(e: Explanation, minRelevance: number): string {
  const { parts } = e.query;
  const lines = [`question: ${e.answer.question}`, `read as:  ${parts.kind} "${parts.core}"`];
  if (parts.context) lines.push(`context:  "${parts.context}"`);
  if (e.query.answerKind) lines.push(`asks for: a ${e.query.answerKind}`);
  lines.push('', 'words (role, idf, what may stand for it in the corpus):');
  for (const g of e.query.groups) lines.push(`  ${describeGroup(g)}`);
  lines.push('', 'candidate passages (key coverage, coverage, ranking score):');
  e.candidates.forEach((c, i) => {
    const flags = [c.missing.length > 0 ? `lacks ${c.missing.join(', ')}` : '', c.holdsAnswerKind ? '' : `no ${e.query.answerKind}`].filter(Boolean).join('; ');
    lines.push(
      `  ${i + 1}. key ${c.keyCoverage.toFixed(2)}  cov ${c.coverage.toFixed(2)}  score ${c.score.toFixed(3)}  ${c.docId} — ${c.section}${flags ? `  (${flags})` : ''}`,
    );
    lines.push(`     "${c.text.replace(/\s+/g, ' ').slice(0, 160)}${c.text.length > 160 ? '…' : ''}"`);
  });
  const d = e.decision;
  const margin = `key coverage ${d.margin >= 0 ? '+' : ''}${d.margin.toFixed(2)} against MIN_RELEVANCE ${minRelevance}`;
  lines.push(
    '',
    d.answered ? `decision: answered (${margin})` : `decision: declined — ${d.reason}${d.missing.length > 0 ? ` (${d.missing.join(', ')})` : ''}; ${margin}`,
  );
  return `${lines.join('\n')}\n`;
}

function describeGroup(g: TermGroup): string {
  const read = g.reading ? ` [${g.reading.kind} from "${g.reading.from}"]` : '';
  const stand = [
    ...g.alternatives.map((a) => `${a.forms ? a.forms.join('/') : `${a.stem}*`} ${a.weight.toFixed(2)}`),
    ...g.phrases.map((p) => `"${p.forms.map((f) => f[0]).join(' ')}" ${p.weight.toFixed(2)}`),
  ];
  const flags = [g.salient ? 'name/number' : '', g.known ? '' : 'NOT IN CORPUS'].filter(Boolean).join(', ');
  return `${g.word}${read}  ${g.role}  idf ${g.idf.toFixed(2)}${flags ? `  ${flags}` : ''}  ← ${stand.slice(0, 8).join(', ')}`;
}
