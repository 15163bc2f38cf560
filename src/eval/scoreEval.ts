import type { Answer, Passage } from '../answer/types.js';
import type { EvalCase } from './EvalCase.js';

/** A count of successes out of the cases a metric applies to. */
export interface Ratio {
  readonly hits: number;
  readonly total: number;
}

export interface CaseResult {
  readonly id: string;
  readonly question: string;
  readonly answered: boolean;
  /** Rank (1-based) of the first passage holding every expected quote; null when none does. */
  readonly rank: number | null;
  readonly failures: readonly string[];
}

export interface EvalReport {
  readonly cases: number;
  readonly hitAt1: Ratio;
  readonly hitAt3: Ratio;
  /** Cases with expected quotes whose hit passage shows every expected footnote with its text. */
  readonly footnotes: Ratio;
  /** Cases with `citation_needed` whose hit passage has the right flag. */
  readonly citationNeeded: Ratio;
  /** Every case: answered when in scope, declined when `abstain`. */
  readonly abstention: Ratio;
  /** Answerable cases (with expected quotes) that were declined, out of the answerable ones. */
  readonly falseDeclines: Ratio;
  /** Cases to decline that were answered anyway, out of those to decline. */
  readonly falseAnswers: Ratio;
  /** Mean length in characters of the top passage of answered questions. */
  readonly meanQuoteLength: number;
  /** The same figures per tag of the cases (tags in first-seen order); empty when no case has tags. */
  readonly byTag: readonly TagFigures[];
  readonly results: readonly CaseResult[];
}

/** The headline figures over the cases that carry one tag. */
export interface TagFigures {
  readonly tag: string;
  readonly cases: number;
  readonly hitAt1: Ratio;
  readonly hitAt3: Ratio;
  readonly falseDeclines: Ratio;
  readonly falseAnswers: Ratio;
}

/** Scores answers against eval cases; `answers[i]` answers `cases[i]` (asked with k ≥ 3). */
export function scoreEval(cases: readonly EvalCase[], answers: readonly Answer[]): EvalReport {
  const tally = { hit1: ratio(), hit3: ratio(), footnotes: ratio(), cn: ratio(), abstention: ratio(), falseDeclines: ratio(), falseAnswers: ratio() };
  const lengths: number[] = [];
  const results = cases.map((c, i) => {
    const answer = answers[i]!;
    const failures: string[] = [];
    const top = answer.passages[0];
    if (answer.answered && top) lengths.push(top.text.length);
    const abstainOk = c.expect.abstain ? !answer.answered : answer.answered;
    count(tally.abstention, abstainOk);
    if (!abstainOk) failures.push(c.expect.abstain ? 'answered, expected to decline' : 'declined, expected an answer');
    const quotes = c.expect.quote ?? [];
    if (c.expect.abstain) count(tally.falseAnswers, answer.answered);
    else if (quotes.length > 0) count(tally.falseDeclines, !answer.answered);
    const index = quotes.length === 0 ? -1 : answer.passages.findIndex((p) => quotes.every((q) => p.text.includes(q)));
    const rank = index >= 0 ? index + 1 : null;
    if (quotes.length > 0) {
      count(tally.hit1, rank === 1);
      count(tally.hit3, rank !== null && rank <= 3);
      if (rank === null) failures.push(`no passage quotes ${JSON.stringify(quotes)}`);
      const hit = rank === null ? undefined : answer.passages[rank - 1];
      const shown = footnotesShown(hit);
      const missing = (c.expect.footnotes ?? []).filter((n) => !shown.has(n));
      count(tally.footnotes, hit !== undefined && missing.length === 0);
      if (hit && missing.length > 0) failures.push(`footnotes missing: ${missing.join(', ')}`);
      if (c.expect.citation_needed !== undefined) {
        const ok = hit?.citationNeeded === c.expect.citation_needed;
        count(tally.cn, ok);
        if (hit && !ok) failures.push(`citationNeeded should be ${c.expect.citation_needed}`);
      }
    }
    return { id: c.id, question: c.question, answered: answer.answered, rank, failures };
  });
  const meanQuoteLength = lengths.length === 0 ? 0 : Math.round(lengths.reduce((a, b) => a + b, 0) / lengths.length);
  return {
    cases: cases.length,
    hitAt1: tally.hit1,
    hitAt3: tally.hit3,
    footnotes: tally.footnotes,
    citationNeeded: tally.cn,
    abstention: tally.abstention,
    falseDeclines: tally.falseDeclines,
    falseAnswers: tally.falseAnswers,
    meanQuoteLength,
    byTag: figuresByTag(cases, answers, results),
    results,
  };
}

function figuresByTag(cases: readonly EvalCase[], answers: readonly Answer[], results: readonly CaseResult[]): TagFigures[] {
  const tags = [...new Set(cases.flatMap((c) => c.tags ?? []))];
  return tags.map((tag) => {
    const f = { hit1: ratio(), hit3: ratio(), falseDeclines: ratio(), falseAnswers: ratio() };
    let n = 0;
    cases.forEach((c, i) => {
      if (!c.tags?.includes(tag)) return;
      n++;
      const { rank } = results[i]!;
      if (c.expect.abstain) count(f.falseAnswers, answers[i]!.answered);
      if ((c.expect.quote ?? []).length === 0) return;
      count(f.hit1, rank === 1);
      count(f.hit3, rank !== null && rank <= 3);
      if (!c.expect.abstain) count(f.falseDeclines, !answers[i]!.answered);
    });
    return { tag, cases: n, hitAt1: f.hit1, hitAt3: f.hit3, falseDeclines: f.falseDeclines, falseAnswers: f.falseAnswers };
  });
}

function footnotesShown(p: Passage | undefined): Set<number> {
  return new Set((p?.footnotes ?? []).filter((f) => f.text.trim() !== '').map((f) => f.n));
}

function ratio(): { hits: number; total: number } {
  return { hits: 0, total: 0 };
}

function count(r: { hits: number; total: number }, ok: boolean): void {
  r.total++;
  if (ok) r.hits++;
}
