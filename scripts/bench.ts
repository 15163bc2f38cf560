// npm run bench -- [--json] [--quick] [--sizes 1000,10000,100000] [--embedder hash|transformers] [--dir DIR] [--queries N]
// Builds corpora of growing size around the France–North Korea article and prints build,
// latency, recall, memory, cold-start, add/remove/replace-one-document and dev-set figures (see docs/performance.md).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeCorpus } from '../bench/makeCorpus.js';
import { documentId } from '../src/corpus/parseDocument.js';
import { checkTargets } from '../bench/targets.js';
import { findTextSource } from '../bench/textSources.js';

const ARTICLE = resolve('corpus/france-north-korea-relations.txt');
const DEV = resolve('test/fixtures/dev.jsonl');
const DEV_CHAT = resolve('test/fixtures/dev-chat.jsonl');
const WORKER = resolve('scripts/bench/worker.ts');

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    embedder: { type: 'string', default: 'hash' },
    dir: { type: 'string', default: join(tmpdir(), 'corpus-bench') },
    queries: { type: 'string' },
    'no-install': { type: 'boolean', default: false },
  },
});
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const sizes = (values.sizes ?? (values.quick ? '1000,10000' : '1000,10000,100000')).split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  log(`bench: --sizes must be positive chunk counts, e.g. 1000,10000,100000 (got "${values.sizes}")`);
  process.exit(2);
}
if (values.embedder !== 'hash' && values.embedder !== 'transformers') {
  log(`bench: --embedder must be hash or transformers (got "${values.embedder}")`);
  process.exit(2);
}
const queries = values.queries ?? (values.quick ? '60' : '200');

function worker(mode: string, corpus: string, data: string): Record<string, unknown> {
  const args = [
    '--import',
    'tsx',
    WORKER,
    mode,
    '--corpus',
    corpus,
    '--data',
    data,
    '--dev',
    DEV,
    '--dev-chat',
    DEV_CHAT,
    '--article',
    documentId(basename(ARTICLE)),
    '--embedder',
    values.embedder,
    '--queries',
    queries,
  ];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  const last = child.stdout.trim().split('\n').pop();
  if (child.status !== 0 || !last) {
    const error = `worker ${mode} on ${corpus} exited with ${child.status ?? child.signal}`;
    log(`bench: ${error}`);
    return { error };
  }
  // Each figure also goes to stderr as it comes, so a run cut short still shows what it measured.
  log(`bench: ${mode} ${last}`);
  return JSON.parse(last) as Record<string, unknown>;
}

const started = performance.now();
const source = findTextSource(readFileSync(ARTICLE, 'utf8'), { install: !values['no-install'], log });
log(`bench: filler text from ${source.name} (${source.note}); ${source.documents.length} documents`);

const runs: Record<string, unknown>[] = [];
const targetList = [0, ...sizes.sort((a, b) => a - b)];
for (const [i, target] of targetList.entries()) {
  const label = target === 0 ? 'article' : String(target);
  const corpus = join(values.dir, `corpus-${label}`);
  const data = join(values.dir, `data-${label}`);
  rmSync(data, { recursive: true, force: true });
  const made = makeCorpus(corpus, ARTICLE, target === 0 ? [] : source.documents, target);
  log(`bench: [${label}] corpus of ${made.documents} documents, ${made.chunks} chunks; building…`);
  const built = worker('build', corpus, data);
  log(`bench: [${label}] cold start…`);
  const cold = worker('cold', corpus, data);
  const run: Record<string, unknown> = { size: label, targetChunks: target === 0 ? null : target, ...built, coldStart: cold };
  if (i === targetList.length - 1) {
    log(`bench: [${label}] adding one document…`);
    run.incrementalUpdate = worker('update', corpus, data);
    log(`bench: [${label}] removing one document…`);
    run.removeOne = worker('remove', corpus, data);
    log(`bench: [${label}] replacing one document, through the engine…`);
    run.replaceOne = worker('replace', corpus, data);
  }
  runs.push(run);
}

const result = {
  bench: 'corpus-bot',
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
  },
  embedderRequested: values.embedder,
  textSource: { name: source.name, note: source.note },
  runs,
  targets: checkTargets(runs),
  seconds: Math.round((performance.now() - started) / 100) / 10,
};
process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
