import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOptionsFromConfig } from '../../src/answer/AnswerService.js';
import { Engine } from '../../src/answer/Engine.js';
import type { Answer } from '../../src/answer/types.js';
import { loadConfig } from '../../src/config/config.js';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';
import { type EvalCase, parseEvalCases } from '../../src/eval/EvalCase.js';
import { type EvalReport, scoreEval } from '../../src/eval/scoreEval.js';
import type { IndexData } from '../../src/index/IndexStore.js';
import { IndexStore } from '../../src/index/IndexStore.js';

const ROOT = new URL('../../', import.meta.url).pathname;
// The shipped defaults (no .env, no environment), so this test checks the configuration users get.
const config = loadConfig({}, '/nonexistent');

let tmp: string;
let cases: EvalCase[];
let answers: Answer[];
let report: EvalReport;
let index: IndexData;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'dev-set-'));
  const corpusDir = join(tmp, 'corpus');
  const dataDir = join(tmp, 'data');
  cpSync(join(ROOT, 'corpus'), corpusDir, { recursive: true });
  const embedder = new HashEmbedder();
  const { engine } = await Engine.open({ corpusDir, dataDir, embedder, model: null, ...answerOptionsFromConfig(config) });
  cases = parseEvalCases(readFileSync(join(ROOT, 'test/fixtures/dev.jsonl'), 'utf8'), 'dev.jsonl');
  answers = [];
  for (const c of cases) answers.push(await engine.service.answer(c.question, 3));
  report = scoreEval(cases, answers);
  index = await new IndexStore(dataDir).read({ embedderId: embedder.id, dimension: embedder.dimension });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('dev set with the offline hash embedder and the shipped MIN_RELEVANCE', () => {
  it('meets the figures: hit@1 ≥ 12/13, hit@3 13/13, both out-of-scope questions abstained', () => {
    const failing = report.results.filter((r) => r.failures.length > 0).map((r) => `${r.id}: ${r.failures.join('; ')}`);
    expect(report.cases).toBe(15);
    expect(report.hitAt1.total).toBe(13);
    expect(report.hitAt1.hits, failing.join('\n')).toBeGreaterThanOrEqual(12);
    expect(report.hitAt3, failing.join('\n')).toEqual({ hits: 13, total: 13 });
    const outOfScope = cases.flatMap((c, i) => (c.expect.abstain ? [answers[i]!] : []));
    expect(outOfScope.map((a) => [a.question, a.answered, a.passages.length])).toEqual([
      ['What is the population of Brazil?', false, 0],
      ['How do I bake a baguette at home?', false, 0],
    ]);
    expect(report.abstention).toEqual({ hits: 15, total: 15 });
  });

  it('shows every expected footnote with non-empty reference text', () => {
    expect(report.footnotes).toEqual({ hits: 13, total: 13 });
    cases.forEach((c, i) => {
      const rank = report.results[i]!.rank;
      if (rank === null) return;
      const hit = answers[i]!.passages[rank - 1]!;
      for (const n of c.expect.footnotes ?? []) {
        expect(hit.footnotes.find((f) => f.n === n)?.text.trim(), `${c.id} footnote ${n}`).not.toBe('');
        expect(hit.footnotes.find((f) => f.n === n), `${c.id} footnote ${n}`).toBeDefined();
      }
    });
  });

  it('flags the [citation needed] claim', () => {
    expect(report.citationNeeded).toEqual({ hits: 1, total: 1 });
    const i = cases.findIndex((c) => c.id === 'd13');
    const top = answers[i]!.passages[0]!;
    expect(top.text).toContain('promised recognition to North Korea before he was elected.[citation needed]');
    expect(top.citationNeeded).toBe(true);
    expect(top.footnotes).toEqual([]);
  });
});

describe('answer invariants over every dev answer', () => {
  it('quotes verbatim slices of at most 400 characters with footnotes from the reference list', () => {
    const passages = answers.flatMap((a) => a.passages);
    expect(passages.length).toBeGreaterThan(13);
    for (const p of passages) {
      const doc = index.documents.get(p.doc)!;
      expect(doc, p.doc).toBeDefined();
      expect(p.title).toBe(doc.title);
      expect(p.text).toBe(doc.text.slice(p.start, p.end));
      expect(p.text.length).toBeGreaterThan(0);
      expect(p.text.length).toBeLessThanOrEqual(400);
      expect(doc.sections.map((s) => s.heading)).toContain(p.section);
      expect(p.citationNeeded).toBe(p.text.includes('[citation needed]'));
      for (const f of p.footnotes) expect(doc.references.find((r) => r.n === f.n)?.text).toBe(f.text);
      // Every footnote the quote carries is shown.
      for (const m of p.text.matchAll(/\[(\d+)\]/g)) expect(p.footnotes.map((f) => f.n)).toContain(Number(m[1]));
    }
  });

  it('lists at most 3 passages, best first, none overlapping another', () => {
    for (const a of answers) {
      expect(a.passages.length).toBeLessThanOrEqual(3);
      expect(a.answered).toBe(a.passages.length > 0);
      const scores = a.passages.map((p) => p.score);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
      a.passages.forEach((p, i) =>
        a.passages.slice(i + 1).forEach((q) => expect(p.doc !== q.doc || p.end <= q.start || q.end <= p.start, `${a.question}`).toBe(true)),
      );
    }
  });
});
