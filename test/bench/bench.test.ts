import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the real bench at a tiny size (no apt-get: --no-install) and checks that every figure
// of issue 4 is printed. Timings are not asserted: benchmarks print figures, tests don't time.
const dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NUMBER = expect.any(Number);
const LATENCY = { samples: NUMBER, p50: NUMBER, p95: NUMBER, p99: NUMBER, mean: NUMBER };

describe('npm run bench -- --json', () => {
  it('prints one JSON object with every figure for each size', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench.ts', '--json', '--sizes', '150', '--queries', '8', '--no-install', '--dir', dir],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(result).toMatchObject({
      machine: { cpus: NUMBER, memoryGiB: NUMBER },
      embedderRequested: 'hash',
      textSource: { name: expect.any(String), note: expect.any(String) },
    });
    expect(result.runs.map((r: { size: string }) => r.size)).toEqual(['article', '150']);
    for (const r of result.runs) {
      expect(r).toMatchObject({
        embedder: 'hash-v1-512',
        documents: NUMBER,
        chunks: NUMBER,
        build: { seconds: NUMBER, embedSeconds: NUMBER, indexSeconds: NUMBER, embedChunksPerSecond: NUMBER, indexChunksPerSecond: NUMBER },
        indexBytes: NUMBER,
        peakRssMiB: NUMBER,
        coldStart: { readyMs: NUMBER, loadMs: NUMBER, processReadyMs: NUMBER, rebuilt: false },
        retrievalMs: LATENCY,
        answerMs: LATENCY,
        hnsw: { recallAt10: NUMBER, speedup: NUMBER, searchMs: LATENCY, bruteForceMs: LATENCY },
        dev: { cases: 15, hitAt1: NUMBER, hitAt3: NUMBER, abstention: NUMBER, falseDeclines: NUMBER, falseAnswers: NUMBER },
        devChat: { cases: 54, hitAt1: NUMBER, hitAt3: NUMBER, abstention: NUMBER, answeredFromOtherDocuments: expect.any(Array) },
        unrelatedAnswers: NUMBER,
      });
    }
    expect(result.runs[1].chunks).toBeGreaterThanOrEqual(150);
    expect(result.runs[1].incrementalUpdate).toMatchObject({
      incremental: true,
      chunksEmbedded: NUMBER,
      totalMs: NUMBER,
      answeredFromNewDocument: true,
    });
    // At this size the removed document is over a fifth of the graph, so it may be a full rebuild.
    expect(result.runs[1].removeOne).toMatchObject({ incremental: expect.any(Boolean), chunksRemoved: NUMBER, totalMs: NUMBER, documentGone: true });
    expect(result.runs[1].replaceOne).toMatchObject({
      incremental: true,
      chunksRemoved: 2,
      chunksEmbedded: 2,
      totalMs: NUMBER,
      eventLoopMaxStallMs: NUMBER,
      answeredFromReplacement: true,
    });
    expect(result.runs[1].corpusUpdate).toMatchObject({
      chunksEmbedded: 2,
      sentencesChanged: NUMBER,
      previewMs: NUMBER,
      applyMs: NUMBER,
      totalMs: NUMBER,
      version: 2,
      answeredFromUpdate: true,
    });
    expect(result.targets.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining([
        'HNSW recall@10',
        'retrieval p95 ms',
        'update one document ms (/corpus update: preview + Apply)',
        'devChat hitAt1, every size',
        'dev and dev-chat questions answered from an unrelated document',
      ]),
    );
  });
});
