import hnswlib from 'hnswlib-node';
import { UserError } from '../errors.js';
import type { Neighbor, VectorIndex } from './VectorIndex.js';

/** HNSW graph parameters, written into the manifest. */
export interface HnswParams {
  /**
   * Links per node. Default 24: at 100,000 chunks, 24 links with efConstruction 80 built as fast
   * as 16 with 100 and reached the same recall with a smaller `efSearch` (docs/performance.md).
   */
  readonly m: number;
  /**
   * Candidate list size while building. Default 80: at 100,000 chunks 200 (with 16 links) made
   * the build run over 3 minutes, past the 2-minute budget (docs/performance.md).
   */
  readonly efConstruction: number;
  /**
   * Candidate list size while searching (raised to `k` when smaller). Default 200: hash vectors
   * of short questions have many near-ties; at 100,000 chunks recall@10 was 0.975 with 128 and
   * 0.981 with 192 (docs/performance.md).
   */
  readonly efSearch: number;
}

export const DEFAULT_HNSW: HnswParams = { m: 24, efConstruction: 80, efSearch: 200 };

/**
 * Cosine HNSW index over hnswlib-node. Labels are the chunks' positions (uint32). hnswlib
 * wants plain number arrays, and reading a file with the wrong dimension returns garbage
 * instead of failing, so callers must check the manifest before `read`.
 */
export class HnswIndex implements VectorIndex {
  private constructor(
    private readonly native: hnswlib.HierarchicalNSW,
    readonly dimension: number,
    private readonly params: HnswParams,
  ) {}

  /** Builds an index of `vectors`, labelled 0..n-1 in order. */
  static build(vectors: readonly Float32Array[], dimension: number, params: HnswParams = DEFAULT_HNSW): HnswIndex {
    const native = new hnswlib.HierarchicalNSW('cosine', dimension);
    native.initIndex({ maxElements: Math.max(1, vectors.length), m: params.m, efConstruction: params.efConstruction, randomSeed: 100 });
    vectors.forEach((v, label) => {
      if (v.length !== dimension) {
        throw new UserError('index_mismatch', `index: vector ${label} has ${v.length} dimensions, expected ${dimension}`);
      }
      native.addPoint(plain(v), label);
    });
    native.setEf(params.efSearch);
    return new HnswIndex(native, dimension, params);
  }

  /** Reads an index written by `write`; `dimension` must come from the manifest. */
  static read(path: string, dimension: number, params: HnswParams = DEFAULT_HNSW): HnswIndex {
    const native = new hnswlib.HierarchicalNSW('cosine', dimension);
    native.readIndexSync(path);
    if (native.getNumDimensions() !== dimension) {
      throw new UserError('index_mismatch', `index: ${path} has dimension ${native.getNumDimensions()}, expected ${dimension}`);
    }
    native.setEf(params.efSearch);
    return new HnswIndex(native, dimension, params);
  }

  /**
   * Appends `vectors` with labels `size`, `size + 1`, … (grows the graph; existing labels and
   * links are kept). Used to add documents without rebuilding the graph.
   */
  add(vectors: readonly Float32Array[]): void {
    const first = this.size;
    this.native.resizeIndex(first + vectors.length);
    vectors.forEach((v, i) => {
      if (v.length !== this.dimension) {
        throw new UserError('index_mismatch', `index: vector ${first + i} has ${v.length} dimensions, expected ${this.dimension}`);
      }
      this.native.addPoint(plain(v), first + i);
    });
  }

  get size(): number {
    return this.native.getCurrentCount();
  }

  write(path: string): void {
    this.native.writeIndexSync(path);
  }

  /** The stored vector of a label (used to reuse embeddings on a rebuild). */
  vector(label: number): Float32Array {
    return Float32Array.from(this.native.getPoint(label));
  }

  search(query: Float32Array, k: number): Neighbor[] {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    if (n > this.params.efSearch) this.native.setEf(n);
    const { neighbors, distances } = this.native.searchKnn(plain(query), n);
    if (n > this.params.efSearch) this.native.setEf(this.params.efSearch);
    return neighbors.map((label, i) => ({ label, score: 1 - (distances[i] ?? 1) }));
  }
}

// hnswlib-node rejects typed arrays; a zero vector would make cosine NaN, so it gets a tiny
// constant direction instead (such a text has no content words and matches nothing well).
function plain(v: Float32Array): number[] {
  const arr = Array.from(v);
  if (!arr.some((x) => x !== 0)) arr.fill(1 / Math.sqrt(arr.length));
  return arr;
}
