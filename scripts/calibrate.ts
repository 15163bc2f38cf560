/**
 * Chooses MIN_RELEVANCE from data: runs the questions of an eval file (default
 * test/fixtures/calibration.jsonl, which is not the dev set), records the coverage of the best
 * passage of each, and prints the threshold that separates in-scope from out-of-scope questions
 * with the widest margin (the midpoint of the widest gap among the most accurate thresholds).
 *   npm run calibrate -- [--file F.jsonl]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Engine } from '../src/answer/Engine.js';
import { loadConfig } from '../src/config/config.js';
import { createEmbedder } from '../src/embedding/createEmbedder.js';
import { parseEvalCases } from '../src/eval/EvalCase.js';
import { Retriever } from '../src/retrieval/Retriever.js';
import { IndexStore } from '../src/index/IndexStore.js';
import { WordNet } from '../src/retrieval/WordNet.js';

const { values } = parseArgs({ options: { file: { type: 'string', default: 'test/fixtures/calibration.jsonl' } } });
const config = loadConfig();
const { embedder, model } = await createEmbedder({ kind: config.EMBEDDER, model: config.EMBEDDING_MODEL, cacheDir: config.MODEL_CACHE_DIR, offline: config.MODEL_OFFLINE });
await Engine.open({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, embedder, model, minRelevance: 0, passages: 3 });
const data = new IndexStore(config.DATA_DIR).read({ embedderId: embedder.id, dimension: embedder.dimension });
const retriever = new Retriever(data, embedder, WordNet.open());
const cases = parseEvalCases(readFileSync(values.file!, 'utf8'), values.file!);

const points: { coverage: number; inScope: boolean; id: string }[] = [];
for (const c of cases) {
  const { spans } = await retriever.retrieve(c.question, 1);
  points.push({ coverage: spans[0]?.coverage ?? 0, inScope: !c.expect.abstain, id: c.id });
}
points.sort((a, b) => a.coverage - b.coverage);
for (const p of points) console.log(`${p.coverage.toFixed(3)}  ${p.inScope ? 'in ' : 'out'}  ${p.id}`);

// Candidate thresholds: midpoints between neighbouring coverages. Among those within 2% of the
// best accuracy, take the widest gap: a threshold squeezed between two near-equal scores to win
// one more case would not hold on questions we have not seen.
const candidates = points.slice(0, -1).map((p, i) => {
  const lo = p.coverage;
  const hi = points[i + 1]!.coverage;
  const threshold = (lo + hi) / 2;
  return { threshold, gap: hi - lo, correct: points.filter((q) => (q.coverage >= threshold) === q.inScope).length };
});
const mostCorrect = Math.max(...candidates.map((c) => c.correct));
const tolerance = Math.floor(points.length * 0.02);
const best = candidates.filter((c) => c.correct >= mostCorrect - tolerance).sort((a, b) => b.gap - a.gap)[0]!;
console.log(`\nembedder ${embedder.id}: MIN_RELEVANCE=${best.threshold.toFixed(3)} classifies ${best.correct}/${points.length} (gap ${best.gap.toFixed(3)})`);
