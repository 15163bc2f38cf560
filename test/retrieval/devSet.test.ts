import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOptionsFromConfig } from '../../src/answer/Answerer.js';
import { LiveIndex } from '../../src/answer/LiveIndex.js';
import type { Answer } from '../../src/answer/types.js';
import { loadConfig } from '../../src/config/config.js';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';
import { dictdExists, dictdFiles } from '../../src/dictd/DictdDictionary.js';
import { type EvalCase, parseEvalCases } from '../../src/eval/EvalCase.js';
import { type EvalReport, scoreEval } from '../../src/eval/scoreEval.js';
import type { IndexData } from '../../src/index/IndexStore.js';
import { IndexStore } from '../../src/index/IndexStore.js';
import { SOURCE_LANGUAGES } from '../../src/language/languages.js';
import { createTranslators } from '../../src/language/translateQuestion.js';

const ROOT = new URL('../../', import.meta.url).pathname;
// The shipped defaults (no .env, no environment), so this test checks the configuration users get.
const config = loadConfig({}, '/nonexistent');

let tmp: string;
let cases: EvalCase[];
let answers: Answer[];
let report: EvalReport;
let index: IndexData;
let chatCases: EvalCase[];
let chatAnswers: Answer[];
let chatReport: EvalReport;
// French questions need Debian's dict-freedict-fra-eng (.ci/run installs it); without it they are
// declined with a note, and the chat figures are counted on the other questions.
const frenchReadable = dictdExists(dictdFiles(config.DICTIONARY_DIR, SOURCE_LANGUAGES.fr.dictionary));

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'dev-set-'));
  const corpusDir = join(tmp, 'corpus');
  const dataDir = join(tmp, 'data');
  cpSync(join(ROOT, 'corpus'), corpusDir, { recursive: true });
  const embedder = new HashEmbedder();
  const languages = createTranslators({ dictionaryDir: config.DICTIONARY_DIR });
  const { liveIndex } = await LiveIndex.open({ corpusDir, dataDir, embedder, embeddingModel: null, ...answerOptionsFromConfig(config), languages });
  cases = parseEvalCases(readFileSync(join(ROOT, 'test/fixtures/dev.jsonl'), 'utf8'), 'dev.jsonl');
  answers = [];
  for (const c of cases) answers.push(await liveIndex.answerer.answer(c.question, 3));
  report = scoreEval(cases, answers);
  chatCases = parseEvalCases(readFileSync(join(ROOT, 'test/fixtures/dev-chat.jsonl'), 'utf8'), 'dev-chat.jsonl');
  chatAnswers = [];
  for (const c of chatCases) chatAnswers.push(await liveIndex.answerer.answer(c.question, 3));
  const counted = chatCases.flatMap((c, i) => (frenchReadable || !c.tags?.includes('french') ? [i] : []));
  chatReport = scoreEval(
    counted.map((i) => chatCases[i]!),
    counted.map((i) => chatAnswers[i]!),
  );
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
        expect(
          hit.footnotes.find((f) => f.n === n),
          `${c.id} footnote ${n}`,
        ).toBeDefined();
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

describe('chat-style dev set (test/fixtures/dev-chat.jsonl)', () => {
  // Issue 7's targets, reached: the test keeps them from sliding back.
  it('meets the targets: hit@1 ≥ 0.90, hit@3 ≥ 0.95, at most 2 answerable declined, at most 2 near-topic answered', () => {
    const failing = chatReport.results.filter((r) => r.failures.length > 0).map((r) => `${r.id}: ${r.failures.join('; ')}`);
    const answerable = chatReport.hitAt1.total;
    expect(answerable).toBe(frenchReadable ? 40 : 36);
    expect(chatReport.hitAt1.hits / answerable, failing.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(chatReport.hitAt3.hits / answerable, failing.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(chatReport.falseDeclines.hits, failing.join('\n')).toBeLessThanOrEqual(2);
    expect(chatReport.falseAnswers.hits, failing.join('\n')).toBeLessThanOrEqual(2);
  });

  it('declines a French question with a note on how to enable French when the dictionary is missing', () => {
    if (frenchReadable) {
      const french = chatCases.flatMap((c, i) => (c.tags?.includes('french') && !c.expect.abstain ? [chatAnswers[i]!] : []));
      expect(french.filter((a) => a.answered)).toHaveLength(4);
      return;
    }
    chatCases.forEach((c, i) => {
      if (!c.tags?.includes('french')) return;
      expect(chatAnswers[i]!.answered).toBe(false);
      expect(chatAnswers[i]!.reading.note).toMatch(/apt-get install dict-freedict-fra-eng/);
    });
  });
});

describe('answer invariants over every dev and dev-chat answer', () => {
  it('quotes verbatim slices of at most 400 characters with footnotes from the reference list', () => {
    const passages = [...answers, ...chatAnswers].flatMap((a) => a.passages);
    expect(passages.length).toBeGreaterThan(50);
    for (const p of passages) {
      const doc = index.documents.get(p.docId)!;
      expect(doc, p.docId).toBeDefined();
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
    for (const a of [...answers, ...chatAnswers]) {
      expect(a.passages.length).toBeLessThanOrEqual(3);
      expect(a.answered).toBe(a.passages.length > 0);
      const scores = a.passages.map((p) => p.score);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
      a.passages.forEach((p, i) =>
        a.passages.slice(i + 1).forEach((q) => expect(p.docId !== q.docId || p.end <= q.start || q.end <= p.start, a.question).toBe(true)),
      );
    }
  });
});
