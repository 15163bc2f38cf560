import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HnswIndex } from '../src/index/HnswIndex.js';

/** Latency percentiles in milliseconds, rounded to 0.01 ms. */
export interface Latency {
  readonly samples: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
}

/** Percentiles (nearest rank) of a list of durations in ms. */
export function latency(ms: readonly number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number): number => round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0);
  const mean = sorted.length === 0 ? 0 : sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { samples: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: round(mean) };
}

/** Times `run` once per input (after `warmup` untimed runs) and returns the durations in ms. */
export async function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown, warmup = 10): Promise<number[]> {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) await run(inputs[i]!);
  const out: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    await run(input);
    out.push(performance.now() - t);
  }
  return out;
}

/** Total size in bytes of the files under a folder (recursively). */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    total += st.isDirectory() ? folderBytes(path) : st.size;
  }
  return total;
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export interface RecallResult {
  /**
   * Mean share of the exact top-k found by HNSW, in [0, 1], counting as found a neighbour whose
   * similarity is within 1e-3 of the exact k-th (ann-benchmarks' definition: hash vectors of
   * short queries have many near-ties, and either of two tied chunks is a right answer).
   */
  readonly recallAt10: number;
  /** The same without the tie tolerance: share of the exact top-k labels returned. */
  readonly strictRecallAt10: number;
  readonly hnswMs: Latency;
  readonly bruteForceMs: Latency;
  /** Mean brute-force time over mean HNSW time. */
  readonly speedup: number;
}

/**
 * HNSW recall@k against exact cosine search over the same stored vectors (copied out of the
 * index, so both searches see identical data), and the speed of each.
 */
export function hnswRecall(index: HnswIndex, queries: readonly Float32Array[], k = 10): RecallResult {
  const n = index.size;
  const dim = index.dimension;
  const matrix = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) matrix.set(index.vector(i), i * dim);
  let found = 0;
  let strict = 0;
  const hnswMs: number[] = [];
  const bruteMs: number[] = [];
  for (const q of queries) {
    let t = performance.now();
    const approx = index.search(q, k);
    hnswMs.push(performance.now() - t);
    t = performance.now();
    const exact = bruteForce(matrix, n, dim, q, k);
    bruteMs.push(performance.now() - t);
    const want = new Set(exact.map((e) => e.label));
    const kth = exact[exact.length - 1]?.score ?? 0;
    strict += approx.filter((a) => want.has(a.label)).length / Math.max(1, exact.length);
    found += Math.min(exact.length, approx.filter((a) => want.has(a.label) || dot(matrix, a.label * dim, q) >= kth - 1e-3).length) / Math.max(1, exact.length);
  }
  const h = latency(hnswMs);
  const b = latency(bruteMs);
  const per = (x: number): number => round(x / Math.max(1, queries.length), 4);
  return { recallAt10: per(found), strictRecallAt10: per(strict), hnswMs: h, bruteForceMs: b, speedup: round(b.mean / Math.max(h.mean, 1e-6), 1) };
}

/** Exact top-k by dot product (vectors are unit length, so cosine), best first. */
export function bruteForce(matrix: Float32Array, n: number, dim: number, q: Float32Array, k: number): { label: number; score: number }[] {
  const top: { label: number; score: number }[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    const base = i * dim;
    for (let d = 0; d < dim; d++) s += matrix[base + d]! * q[d]!;
    if (top.length < k || s > top[top.length - 1]!.score) {
      top.push({ label: i, score: s });
      top.sort((a, b) => b.score - a.score);
      if (top.length > k) top.pop();
    }
  }
  return top;
}

function dot(matrix: Float32Array, base: number, q: Float32Array): number {
  let s = 0;
  for (let d = 0; d < q.length; d++) s += matrix[base + d]! * q[d]!;
  return s;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
