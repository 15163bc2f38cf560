import type { Answer } from '../src/answer/types.js';
import type { EvalCase } from '../src/eval/EvalCase.js';
import { scoreEval } from '../src/eval/scoreEval.js';

/** A dev set's quality figures at one corpus size, as the bench prints them. */
export interface DevFigures {
  readonly cases: number;
  readonly hitAt1: number;
  readonly hitAt3: number;
  readonly abstention: number;
  /** Answerable questions declined, and out-of-scope ones answered (counts). */
  readonly falseDeclines: number;
  readonly falseAnswers: number;
  /** Questions answered with a passage from another document than the article: the "Brazil" case. */
  readonly answeredFromOtherDocuments: readonly string[];
  readonly failures: readonly string[];
}

/**
 * Scores answers to a dev set whose every answer lies in one document (`articleId`): the eval
 * figures, plus the questions a bigger corpus answered from an unrelated document.
 */
export function devFigures(cases: readonly EvalCase[], answers: readonly Answer[], articleId: string): DevFigures {
  const report = scoreEval(cases, answers);
  const share = (r: { hits: number; total: number }): number => r.hits / Math.max(1, r.total);
  return {
    cases: report.cases,
    hitAt1: share(report.hitAt1),
    hitAt3: share(report.hitAt3),
    abstention: share(report.abstention),
    falseDeclines: report.falseDeclines.hits,
    falseAnswers: report.falseAnswers.hits,
    answeredFromOtherDocuments: cases.flatMap((c, i) => (answers[i]!.passages.some((p) => p.docId !== articleId) ? [c.id] : [])),
    failures: report.results.filter((r) => r.failures.length > 0).map((r) => `${r.id}: ${r.failures.join('; ')}`),
  };
}
