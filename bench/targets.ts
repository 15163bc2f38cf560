/** One target of issue 4 and whether the run met it. */
export interface TargetCheck {
  readonly name: string;
  readonly target: string;
  readonly actual: number | string | null;
  /** null when the run had no size the target applies to. */
  readonly met: boolean | null;
}

/** Chunk count the scale targets are set for. */
export const TARGET_CHUNKS = 100_000;

type Run = Record<string, unknown>;
const get = (run: Run | undefined, path: string): number | undefined => {
  let v: unknown = run;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return typeof v === 'number' ? v : undefined;
};

/**
 * Checks the runs against the targets: the scale targets on the first run with at least
 * 100,000 chunks (met: null when there is none), the quality targets on every run against the
 * article alone (the first run).
 */
export function checkTargets(runs: readonly Run[]): TargetCheck[] {
  const big = runs.find((r) => (get(r, 'chunks') ?? 0) >= TARGET_CHUNKS);
  const scale = (name: string, path: string, op: '<=' | '>=', limit: number): TargetCheck => {
    const actual = get(big, path);
    return {
      name,
      target: `${op} ${limit} at ${TARGET_CHUNKS} chunks`,
      actual: actual ?? null,
      met: actual === undefined ? null : op === '<=' ? actual <= limit : actual >= limit,
    };
  };
  const base = runs[0];
  const quality = (metric: string, set = 'dev'): TargetCheck => {
    const baseline = get(base, `${set}.${metric}`) ?? 0;
    const worst = Math.min(...runs.map((r) => get(r, `${set}.${metric}`) ?? 0));
    return { name: `${set} ${metric}, every size`, target: `>= ${baseline} (article alone)`, actual: worst, met: worst >= baseline };
  };
  return [
    scale('HNSW recall@10', 'hnsw.recallAt10', '>=', 0.98),
    // Issue 7 (chat-style reading) set these: retrieval ≤ 6 ms and whole answer ≤ 8 ms at p95.
    scale('retrieval p95 ms', 'retrievalMs.p95', '<=', 6),
    scale('answer p95 ms', 'answerMs.p95', '<=', 8),
    scale('speed-up over brute force', 'hnsw.speedup', '>=', 20),
    scale('cold start ms (load + first answer)', 'coldStart.readyMs', '<=', 2000),
    scale('peak RSS MiB (build)', 'peakRssBuildMiB', '<=', 1536),
    scale('peak RSS MiB (serving: load + answer)', 'coldStart.peakRssMiB', '<=', 1536),
    scale('build seconds', 'build.seconds', '<=', 120),
    scale('add one document ms (rebuild + answer)', 'incrementalUpdate.totalMs', '<=', 5000),
    scale('remove one document ms', 'removeOne.totalMs', '<=', 5000),
    scale('replace one document ms (liveIndex: build process + reload)', 'replaceOne.totalMs', '<=', 5000),
    quality('hitAt1'),
    quality('abstention'),
    quality('hitAt1', 'devChat'),
    scale('dev and dev-chat questions answered from an unrelated document', 'unrelatedAnswers', '<=', 0),
  ];
}
