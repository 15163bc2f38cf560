import { UserError } from '../errors.js';

/** One line of an eval file (the format of `test/fixtures/dev.jsonl`). */
export interface EvalCase {
  readonly id: string;
  readonly question: string;
  /** Optional labels (`typo`, `french`, `near-topic`…): `npm run eval` reports figures per tag. */
  readonly tags?: readonly string[];
  readonly expect: {
    /** Strings the answer's passage must contain, verbatim. */
    readonly quote?: readonly string[];
    /** Footnote numbers that passage must show with their reference text. */
    readonly footnotes?: readonly number[];
    /** The passage must (true) or must not (false) be flagged `[citation needed]`. */
    readonly citation_needed?: boolean;
    /** The engine must decline: nothing in the corpus answers it. */
    readonly abstain?: boolean;
  };
}

/** Parses JSON-lines eval cases; throws `bad_eval_file` naming the line that is wrong. */
export function parseEvalCases(text: string, fileName: string): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UserError('bad_eval_file', `eval: ${fileName} line ${i + 1} is not JSON`);
    }
    const c = value as { readonly [K in keyof EvalCase]?: unknown };
    if (typeof c.question !== 'string' || typeof c.expect !== 'object' || c.expect === null) {
      throw new UserError('bad_eval_file', `eval: ${fileName} line ${i + 1} needs "question" (string) and "expect" (object)`);
    }
    if (c.tags !== undefined && !(Array.isArray(c.tags) && c.tags.every((t) => typeof t === 'string'))) {
      throw new UserError('bad_eval_file', `eval: ${fileName} line ${i + 1}: "tags" must be a list of strings`);
    }
    cases.push({ id: typeof c.id === 'string' ? c.id : `line${i + 1}`, question: c.question, expect: c.expect, ...(c.tags ? { tags: c.tags } : {}) });
  });
  if (cases.length === 0) throw new UserError('bad_eval_file', `eval: ${fileName} has no cases`);
  return cases;
}
