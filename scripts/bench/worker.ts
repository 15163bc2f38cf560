// One bench measurement in a fresh process, so peak memory and cold start are its own.
// tsx scripts/bench/worker.ts <build|cold|update|remove|replace> --corpus DIR --data DIR --dev FILE [--dev-chat FILE] [--article ID] [--embedder K] [--queries N]
// Prints one JSON object on stdout.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Answerer, answerOptionsFromConfig } from '../../src/answer/Answerer.js';
import { LiveIndex } from '../../src/answer/LiveIndex.js';
import { benchQueries } from '../../bench/benchQueries.js';
import { folderBytes, hnswRecall, latency, peakRssMiB, round, timeEach } from '../../bench/measure.js';
import { toMarkdown } from '../../bench/makeCorpus.js';
import { loadConfig } from '../../src/config/config.js';
import { createEmbedder } from '../../src/embedding/createEmbedder.js';
import { parseEvalCases } from '../../src/eval/EvalCase.js';
import type { Answer } from '../../src/answer/types.js';
import { devFigures } from '../../bench/devFigures.js';
import { type EvalCase } from '../../src/eval/EvalCase.js';
import { createTranslators } from '../../src/language/translateQuestion.js';
import { buildIndex } from '../../src/index/buildIndex.js';
import { IndexStore } from '../../src/index/IndexStore.js';
import { Retriever } from '../../src/retrieval/Retriever.js';
import { WordNet } from '../../src/retrieval/WordNet.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string' },
    data: { type: 'string' },
    dev: { type: 'string' },
    'dev-chat': { type: 'string' },
    article: { type: 'string', default: 'france-north-korea-relations' },
    embedder: { type: 'string', default: 'hash' },
    queries: { type: 'string', default: '200' },
  },
});
const mode = positionals[0];
const corpusDir = values.corpus!;
const dataDir = values.data!;
const defaults = loadConfig({}, '/nonexistent/.env');
const answerOptions = answerOptionsFromConfig(defaults);

async function chooseEmbedder() {
  const kind = values.embedder === 'transformers' ? 'auto' : 'hash';
  const chosen = await createEmbedder({ kind, model: defaults.EMBEDDING_MODEL, cacheDir: defaults.MODEL_CACHE_DIR, offline: true });
  return {
    ...chosen,
    used: chosen.embeddingModel ? `transformers:${chosen.embeddingModel}` : chosen.embedder.id,
    fellBack: kind === 'auto' && !chosen.embeddingModel,
  };
}

async function build(): Promise<object> {
  const { embedder, embeddingModel, used, fellBack, warning } = await chooseEmbedder();
  const store = new IndexStore(dataDir);
  const started = performance.now();
  const { data, summary } = await buildIndex({ corpusDir, store, embedder, embeddingModel });
  const buildSeconds = (performance.now() - started) / 1000;
  const buildRss = peakRssMiB(); // before the bench's own copies (the brute-force matrix)
  const s = summary.seconds;
  const wordnet = WordNet.open();
  const retriever = new Retriever(data, embedder, wordnet, { languages: createTranslators({ dictionaryDir: defaults.DICTIONARY_DIR }) });
  const answerer = new Answerer(data, retriever, answerOptions);
  const cases = parseEvalCases(readFileSync(values.dev!, 'utf8'), values.dev!);
  const chatCases = values['dev-chat'] ? parseEvalCases(readFileSync(values['dev-chat'], 'utf8'), values['dev-chat']) : [];
  const questions = benchQueries(
    data,
    Number(values.queries),
    [...cases, ...chatCases].map((c) => c.question),
  );
  // First pass: every question seen for the first time (WordNet and stem lookups not yet cached).
  const firstSeenMs = await timeEach(questions, (q) => retriever.retrieve(q, 3), 0);
  // Steady state: the same questions again, retrieval alone, then whole answers.
  const retrievalMs = await timeEach(questions, (q) => retriever.retrieve(q, 3));
  const answerMs = await timeEach(questions, (q) => answerer.answer(q, 3));
  const queryVectors = await embedder.embed(questions);
  const recall = hnswRecall(data.vectors, queryVectors, 10);
  const quality = async (set: readonly EvalCase[]) => {
    const answers: Answer[] = [];
    for (const c of set) answers.push(await answerer.answer(c.question, 3));
    return devFigures(set, answers, values.article);
  };
  const dev = await quality(cases);
  const devChat = chatCases.length > 0 ? await quality(chatCases) : undefined;
  return {
    embedder: used,
    embedderFellBack: fellBack,
    ...(warning ? { embedderWarning: warning } : {}),
    documents: summary.documents,
    chunks: summary.chunks,
    build: {
      seconds: round(buildSeconds),
      parseSeconds: round(s.parse),
      embedSeconds: round(s.embed),
      indexSeconds: round(s.index),
      ...('hnsw' in s ? { hnswSeconds: round(s.hnsw), lexicalSeconds: round(s.lexical), writeSeconds: round(s.write) } : {}),
      embedChunksPerSecond: Math.round(summary.embedded / Math.max(s.embed, 1e-6)),
      indexChunksPerSecond: Math.round(summary.chunks / Math.max(s.index, 1e-6)),
    },
    indexBytes: folderBytes(store.currentDir()!),
    queries: questions.length,
    retrievalFirstSeenMs: latency(firstSeenMs),
    retrievalMs: latency(retrievalMs),
    answerMs: latency(answerMs),
    hnsw: {
      params: data.manifest.hnsw,
      recallAt10: recall.recallAt10,
      strictRecallAt10: recall.strictRecallAt10,
      searchMs: recall.hnswMs,
      bruteForceMs: recall.bruteForceMs,
      speedup: recall.speedup,
    },
    dev,
    ...(devChat ? { devChat } : {}),
    unrelatedAnswers: dev.answeredFromOtherDocuments.length + (devChat?.answeredFromOtherDocuments.length ?? 0),
    peakRssBuildMiB: buildRss,
    peakRssMiB: peakRssMiB(),
  };
}

// Ready to answer = the engine loaded the finished index and answered one question.
async function cold(): Promise<object> {
  const { embedder, embeddingModel } = await chooseEmbedder();
  const started = performance.now();
  const { liveIndex, built } = await LiveIndex.open({ corpusDir, dataDir, embedder, embeddingModel, ...answerOptions });
  const loaded = performance.now();
  await liveIndex.answerer.answer('Does France recognise North Korea?', 3);
  const ready = performance.now();
  return {
    rebuilt: built !== undefined,
    loadMs: Math.round(loaded - started),
    firstAnswerMs: Math.round(ready - loaded),
    readyMs: Math.round(ready - started),
    // performance.now() counts from process start: node + tsx + imports + load + first answer.
    processReadyMs: Math.round(ready),
    peakRssMiB: peakRssMiB(),
  };
}

const ADDED = 'zzz-bench-added.md';
const treaty = (town: string) => ({
  title: 'Zorblax Treaty',
  sections: [
    {
      heading: 'Signing',
      text: `The Zorblax Treaty was signed in the harbour town of ${town} on 3 March 1911 by eleven delegates. It ended the herring dispute between the two coastal leagues.`,
    },
    {
      heading: 'Terms',
      text: `Under the treaty each league kept its own fishing grounds, and a joint court at ${town} settled later quarrels over nets and boats.`,
    },
  ],
});

// Adds one new document to the corpus, rebuilds and answers a question only it can answer.
async function update(): Promise<object> {
  const { embedder, embeddingModel } = await chooseEmbedder();
  const store = new IndexStore(dataDir);
  writeFileSync(join(corpusDir, ADDED), toMarkdown(treaty('Quillmere')));
  const started = performance.now();
  const { data, summary } = await buildIndex({ corpusDir, store, embedder, embeddingModel });
  const built = performance.now();
  const answerer = new Answerer(data, new Retriever(data, embedder, WordNet.open()), answerOptions);
  const answer = await answerer.answer('Where was the Zorblax Treaty signed?', 3);
  const done = performance.now();
  return {
    chunksAfter: summary.chunks,
    chunksEmbedded: summary.embedded,
    ...('incremental' in summary ? { incremental: summary.incremental } : {}),
    rebuildMs: Math.round(built - started),
    answerMs: Math.round(done - built),
    totalMs: Math.round(done - started),
    answeredFromNewDocument: answer.answered && answer.passages[0]?.docId === 'zzz-bench-added',
    peakRssMiB: peakRssMiB(),
  };
}

// Removes the first filler document (about a hundred chunks) and updates the build.
async function remove(): Promise<object> {
  const { embedder, embeddingModel } = await chooseEmbedder();
  const name = 'bench-000000.md';
  unlinkSync(join(corpusDir, name));
  const started = performance.now();
  const { data, summary } = await buildIndex({ corpusDir, store: new IndexStore(dataDir), embedder, embeddingModel });
  return {
    chunksAfter: summary.chunks,
    chunksRemoved: summary.removed,
    incremental: summary.incremental,
    totalMs: Math.round(performance.now() - started),
    documentGone: !data.documents.has('bench-000000') && !data.chunks.some((c) => c.docId === 'bench-000000'),
    peakRssMiB: peakRssMiB(),
  };
}

// The bot's path: the engine serving, one document replaced, liveIndex.rebuild() (a build process
// updates the build, then the engine loads it), then a question only the new text answers.
// The event loop's longest stall during the rebuild is how long the bot could not answer.
async function replace(): Promise<object> {
  const { embedder, embeddingModel } = await chooseEmbedder();
  const { liveIndex } = await LiveIndex.open({ corpusDir, dataDir, embedder, embeddingModel, ...answerOptions });
  writeFileSync(join(corpusDir, ADDED), toMarkdown(treaty('Ravenholt')));
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const started = performance.now();
  const summary = await liveIndex.rebuild();
  const rebuilt = performance.now();
  stalls.disable();
  const answer = await liveIndex.answerer.answer('Where was the Zorblax Treaty signed?', 3);
  return {
    chunksAfter: summary.chunks,
    chunksRemoved: summary.removed,
    chunksEmbedded: summary.embedded,
    incremental: summary.incremental,
    buildProcessMs: Math.round(summary.seconds.total * 1000),
    totalMs: Math.round(rebuilt - started),
    eventLoopMaxStallMs: Math.round(stalls.max / 1e6),
    answeredFromReplacement: answer.answered && answer.passages[0]?.docId === 'zzz-bench-added' && answer.passages[0].text.includes('Ravenholt'),
    peakRssMiB: peakRssMiB(),
  };
}

const modes: Record<string, () => Promise<object>> = { build, cold, update, remove, replace };
const run = mode === undefined ? undefined : modes[mode];
if (!run) {
  process.stderr.write(`bench worker: unknown mode "${mode}"; use build, cold, update, remove or replace\n`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(await run())}\n`);
