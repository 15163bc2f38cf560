import type { AnalyzedQuery, WordReading } from '../retrieval/analyzeQuery.js';
import type { Decision } from './decideAnswer.js';
import type { QuestionReading, ReadWord } from './types.js';

/** What an answer says of how its question was read: corrections, expansions, key words, what was missing. */
export function readingOf(query: AnalyzedQuery, decision: Decision): QuestionReading {
  const read = (kind: WordReading['kind']): ReadWord[] =>
    query.groups.flatMap((g) => (g.reading?.kind === kind && g.role !== 'context' ? [{ from: g.reading.from, to: g.reading.to }] : []));
  return {
    corrected: read('corrected'),
    expanded: read('expanded'),
    translated: read('translated'),
    keyTerms: query.groups.filter((g) => g.role === 'key').map((g) => (g.reading?.kind === 'translated' ? g.word : (g.reading?.to ?? g.word))),
    missing: decision.answered ? [] : decision.missing,
    ...(query.note !== undefined ? { note: query.note } : {}),
    ...(decision.reason === 'no_answer_kind' && query.answerKind ? { missingAnswerKind: query.answerKind } : {}),
  };
}

/** The reading of a question taken as typed: nothing corrected, expanded or missing. */
export const PLAIN_READING: QuestionReading = Object.freeze({ corrected: [], expanded: [], translated: [], keyTerms: [], missing: [] });
