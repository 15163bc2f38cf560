/**
 * Chooses MIN_RELEVANCE from data: runs the questions of the calibration files (default
 * test/fixtures/calibration.jsonl and calibration-chat.jsonl, written apart from the dev sets)
 * with no coverage threshold, records the key coverage of the passage that would decide each,
 * and prints the threshold with the widest margin among the most accurate ones. Questions the
 * liveIndex already declines without a threshold (a name the corpus lacks, a passage that leaves
 * out a name or holds no date for "when…") are counted but do not move it.
 *   npm run calibrate -- [--file F.jsonl ...]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LiveIndex } from '../src/answer/LiveIndex.js';
import { loadConfig } from '../src/config/config.js';
import { embedderFromConfig } from '../src/embedding/createEmbedder.js';
import { parseEvalCases } from '../src/eval/EvalCase.js';
import { createTranslators } from '../src/language/translateQuestion.js';

interface Point {
  readonly id: string;
  readonly inScope: boolean;
  /** Key coverage of the deciding passage; undefined when a rule without threshold declined. */
  readonly value: number | undefined;
  readonly share: number;
  readonly reason: string;
}

const DEFAULT_FILES = ['test/fixtures/calibration.jsonl', 'test/fixtures/calibration-chat.jsonl'];
const { values } = parseArgs({ options: { file: { type: 'string', multiple: true } } });
const files = values.file ?? DEFAULT_FILES;
const config = loadConfig();
const { embedder, embeddingModel } = await embedderFromConfig(config);
const languages = createTranslators({ dictionaryDir: config.DICTIONARY_DIR });
const { liveIndex } = await LiveIndex.open({
  corpusDir: config.CORPUS_DIR,
  dataDir: config.DATA_DIR,
  embedder,
  embeddingModel,
  minRelevance: 0,
  minKeyShare: 0,
  passagesPerAnswer: 3,
  languages,
});

const points: Point[] = [];
for (const file of files) {
  for (const c of parseEvalCases(readFileSync(file, 'utf8'), file)) {
    const { decision } = await liveIndex.answerer.explain(c.question, 3);
    const byRule = !decision.answered;
    points.push({ id: c.id, inScope: !c.expect.abstain, value: byRule ? undefined : decision.margin, share: decision.keyShare, reason: decision.reason });
  }
}
const scored = points.filter((p): p is Point & { value: number } => p.value !== undefined).sort((a, b) => a.value - b.value);
for (const p of scored) console.log(`${p.value.toFixed(3)}  ${p.share.toFixed(2)}  ${p.inScope ? 'in ' : 'out'}  ${p.id}`);
const ruled = points.filter((p) => p.value === undefined);
for (const p of ruled) console.log(`  -    ${p.inScope ? 'in ' : 'out'}  ${p.id}  declined: ${p.reason}`);

// Candidate thresholds are midpoints between neighbouring values: the most accurate, and among
// equally accurate ones the widest gap (a threshold squeezed between two near-equal scores
// would not hold on questions we have not seen).
const candidates = scored.slice(0, -1).map((p, i) => {
  const gap = scored[i + 1]!.value - p.value;
  const t = p.value + gap / 2;
  return { threshold: t, gap, correct: scored.filter((q) => q.value >= t === q.inScope).length };
});
const most = Math.max(...candidates.map((c) => c.correct));
const best = candidates.filter((c) => c.correct === most).sort((a, b) => b.gap - a.gap)[0]!;
const below = scored.filter((p) => p.value < best.threshold);
const above = scored.filter((p) => p.value >= best.threshold);
const ruledRight = ruled.filter((p) => !p.inScope).length;
// The key-word share is a second, safety check: it must not turn away any in-scope question the
// coverage threshold answers, and must turn away a passage holding only half the key words (one
// rare word of two: "baguette" in a dictionary entry for "how do I bake a baguette"). It sits
// halfway between the lowest in-scope share and the highest out-of-scope share below it, or 0.5.
const lowestIn = Math.min(...above.filter((p) => p.inScope).map((p) => p.share));
const outShare = Math.max(0.5, ...above.filter((p) => !p.inScope && p.share < lowestIn).map((p) => p.share));
const share = { threshold: (lowestIn + outShare) / 2, gap: lowestIn - outShare };
const answered = above.filter((p) => p.share >= share.threshold);
console.log(`\nembedder ${embedder.id}, ${points.length} questions from ${files.join(', ')}`);
console.log(`declined by rules without a threshold: ${ruled.length} (${ruledRight} of them out of scope)`);
console.log(
  `MIN_RELEVANCE=${best.threshold.toFixed(3)}: margin ${(best.gap / 2).toFixed(3)} either side (nearest below ${below.at(-1)?.value.toFixed(3) ?? '-'}, above ${above[0]?.value.toFixed(3) ?? '-'})`,
);
console.log(`MIN_KEY_SHARE=${share.threshold.toFixed(3)}: margin ${(share.gap / 2).toFixed(3)} either side`);
const outOfScope = points.filter((p) => !p.inScope).length;
console.log(
  `both together: in scope answered ${answered.filter((p) => p.inScope).length}/${points.length - outOfScope}, out of scope declined ${outOfScope - answered.filter((p) => !p.inScope).length}/${outOfScope}`,
);
