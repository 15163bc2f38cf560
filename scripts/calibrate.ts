/**
 * Chooses the abstention thresholds from data: runs the questions of an eval file (default
 * test/fixtures/calibration.jsonl, which is not the dev set), records for the best passage of
 * each its coverage (MIN_RELEVANCE) and its share of matched words (MIN_WORD_SHARE), and prints
 * the coverage threshold with the widest margin among the most accurate ones and the word-share
 * threshold that turns away no in-scope question.
 *   npm run calibrate -- [--file F.jsonl]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Engine } from '../src/answer/Engine.js';
import { loadConfig } from '../src/config/config.js';
import { embedderFromConfig } from '../src/embedding/createEmbedder.js';
import { parseEvalCases } from '../src/eval/EvalCase.js';
import { IndexStore } from '../src/index/IndexStore.js';
import { Retriever } from '../src/retrieval/Retriever.js';
import { WordNet } from '../src/retrieval/WordNet.js';

interface Point {
  readonly id: string;
  readonly inScope: boolean;
  readonly coverage: number;
  readonly share: number;
}

const { values } = parseArgs({ options: { file: { type: 'string', default: 'test/fixtures/calibration.jsonl' } } });
const config = loadConfig();
const { embedder, model } = await embedderFromConfig(config);
await Engine.open({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, embedder, model, minRelevance: 0, passages: 3 });
const data = await new IndexStore(config.DATA_DIR).read({ embedderId: embedder.id, dimension: embedder.dimension });
const retriever = new Retriever(data, embedder, WordNet.open());
const cases = parseEvalCases(readFileSync(values.file!, 'utf8'), values.file!);

const points: Point[] = [];
for (const c of cases) {
  const best = (await retriever.retrieve(c.question, 1)).spans[0];
  points.push({ id: c.id, inScope: !c.expect.abstain, coverage: best?.coverage ?? 0, share: best?.matchedShare ?? 0 });
}
points.sort((a, b) => a.coverage - b.coverage);
for (const p of points) console.log(`${p.coverage.toFixed(3)}  ${p.share.toFixed(2)}  ${p.inScope ? 'in ' : 'out'}  ${p.id}`);

// Candidate thresholds are midpoints between neighbouring values. Among those within 2% of the
// best accuracy, take the widest gap: a threshold squeezed between two near-equal scores to win
// one more case would not hold on questions we have not seen.
function threshold(values: { value: number; inScope: boolean }[]): { threshold: number; correct: number; gap: number } {
  const sorted = [...values].sort((a, b) => a.value - b.value);
  const candidates = sorted.slice(0, -1).map((p, i) => {
    const gap = sorted[i + 1]!.value - p.value;
    const t = p.value + gap / 2;
    return { threshold: t, gap, correct: sorted.filter((q) => (q.value >= t) === q.inScope).length };
  });
  const most = Math.max(...candidates.map((c) => c.correct));
  const tolerance = Math.floor(sorted.length * 0.02);
  return candidates.filter((c) => c.correct >= most - tolerance).sort((a, b) => b.gap - a.gap)[0]!;
}

const relevance = threshold(points.map((p) => ({ value: p.coverage, inScope: p.inScope })));
// The word share is a second, safety check: it must not turn away any in-scope question, so it
// sits halfway between the lowest in-scope share and the highest out-of-scope share below that.
const lowestIn = Math.min(...points.filter((p) => p.inScope).map((p) => p.share));
const below = points.filter((p) => !p.inScope && p.share < lowestIn).map((p) => p.share);
const highestOutBelow = below.length > 0 ? Math.max(...below) : Math.min(...points.map((p) => p.share));
const share = { threshold: (lowestIn + highestOutBelow) / 2, gap: lowestIn - highestOutBelow };
const correct = points.filter((p) => (p.coverage >= relevance.threshold && p.share >= share.threshold) === p.inScope).length;
console.log(`\nembedder ${embedder.id}, ${points.length} questions`);
console.log(`MIN_RELEVANCE=${relevance.threshold.toFixed(3)} (gap ${relevance.gap.toFixed(3)})`);
console.log(`MIN_WORD_SHARE=${share.threshold.toFixed(3)} (gap ${share.gap.toFixed(3)})`);
console.log(`both together classify ${correct}/${points.length}`);
