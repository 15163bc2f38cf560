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
   * Candidate list size while searching (raised to `k` when smaller). Default 240: hash vectors
   * of short questions have many near-ties; at 100,000 chunks recall@10 was 0.975 with 128,
   * 0.981 with 192, and with the questions as read (shorter, keyword-like) 0.979 with 200 and
   * 0.984 with 240 (docs/performance.md).
   */
  readonly efSearch: number;
}

export const DEFAULT_HNSW: HnswParams = { m: 24, efConstruction: 80, efSearch: 240 };

/**
 * Cosine HNSW index over hnswlib-node. Callers see positions 0..size-1 (the chunks' positions);
 * hnswlib sees its own labels, which `labels` maps them to: removing positions marks their
 * points deleted (`markDelete`, skipped by search) and renumbers the positions after them, so
 * a document leaves without rebuilding the graph. hnswlib wants plain number arrays, and
 * reading a file with the wrong dimension returns garbage instead of failing, so callers must
 * check the manifest (and the file's checksum) before `read`.
 */
export class HnswIndex implements VectorIndex {
  private positionOf = new Int32Array(0);

  private constructor(
    private readonly native: hnswlib.HierarchicalNSW,
    readonly dimension: number,
    private readonly params: HnswParams,
    /** hnswlib label of each position. */
    private labelOf: Uint32Array,
  ) {
    this.index();
  }

  /** Builds an index of `vectors`, at positions 0..n-1 in order. */
  static build(vectors: readonly Float32Array[], dimension: number, params: HnswParams = DEFAULT_HNSW): HnswIndex {
    const native = new hnswlib.HierarchicalNSW('cosine', dimension);
    native.initIndex({ maxElements: Math.max(1, vectors.length), m: params.m, efConstruction: params.efConstruction, randomSeed: 100 });
    native.setEf(params.efSearch);
    const index = new HnswIndex(native, dimension, params, new Uint32Array(0));
    index.insert(vectors);
    return index;
  }

  /**
   * Reads an index written by `write`, with the `labels` it returned; `dimension` must come
   * from the manifest. hnswlib reads the file on a worker thread, off the event loop.
   */
  static async read(path: string, dimension: number, labels: Uint32Array, params: HnswParams = DEFAULT_HNSW): Promise<HnswIndex> {
    const native = new hnswlib.HierarchicalNSW('cosine', dimension);
    await native.readIndex(path);
    if (native.getNumDimensions() !== dimension) {
      throw new UserError('index_mismatch', `index: ${path} has dimension ${native.getNumDimensions()}, expected ${dimension}`);
    }
    if (labels.some((l) => l >= native.getCurrentCount())) throw new Error(`${path} holds fewer points than its labels name`);
    native.setEf(params.efSearch);
    return new HnswIndex(native, dimension, params, labels);
  }

  /**
   * Appends `vectors` at positions `size`, `size + 1`, … (grows the graph; existing points and
   * links are kept). Used to add documents without rebuilding the graph.
   */
  add(vectors: readonly Float32Array[]): void {
    this.native.resizeIndex(Math.max(1, this.native.getCurrentCount() + vectors.length));
    this.insert(vectors);
  }

  /** Removes the points at `positions`; the positions after each move down, in order. */
  remove(positions: ReadonlySet<number>): void {
    if (positions.size === 0) return;
    for (const p of positions) this.native.markDelete(this.labelOf[p]!);
    this.labelOf = this.labelOf.filter((_, p) => !positions.has(p));
    this.index();
  }

  /** Number of points searched (deleted ones excluded). */
  get size(): number {
    return this.labelOf.length;
  }

  /** Points still in the graph but deleted: they cost memory and a little search time until a full rebuild. */
  get deleted(): number {
    return this.native.getCurrentCount() - this.labelOf.length;
  }

  /** The hnswlib label of each position, to save beside the graph. */
  get labels(): Uint32Array {
    return this.labelOf;
  }

  write(path: string): void {
    this.native.writeIndexSync(path);
  }

  /** The stored vector at a position. */
  vector(position: number): Float32Array {
    return Float32Array.from(this.native.getPoint(this.labelOf[position]!));
  }

  search(query: Float32Array, k: number): Neighbor[] {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    if (n > this.params.efSearch) this.native.setEf(n);
    const { neighbors, distances } = this.native.searchKnn(plain(query), n);
    if (n > this.params.efSearch) this.native.setEf(this.params.efSearch);
    return neighbors.flatMap((label, i) => {
      const position = this.positionOf[label] ?? -1;
      return position < 0 ? [] : [{ label: position, score: 1 - (distances[i] ?? 1) }];
    });
  }

  private insert(vectors: readonly Float32Array[]): void {
    const first = this.native.getCurrentCount();
    const labels = new Uint32Array(this.labelOf.length + vectors.length);
    labels.set(this.labelOf);
    vectors.forEach((v, i) => {
      if (v.length !== this.dimension) {
        throw new UserError('index_mismatch', `index: vector ${this.labelOf.length + i} has ${v.length} dimensions, expected ${this.dimension}`);
      }
      this.native.addPoint(plain(v), first + i);
      labels[this.labelOf.length + i] = first + i;
    });
    this.labelOf = labels;
    this.index();
  }

  private index(): void {
    this.positionOf = new Int32Array(this.native.getCurrentCount()).fill(-1);
    this.labelOf.forEach((label, p) => (this.positionOf[label] = p));
  }
}

// hnswlib-node rejects typed arrays; a zero vector would make cosine NaN, so it gets a tiny
// constant direction instead (such a text has no content words and matches nothing well).
function plain(v: Float32Array): number[] {
  const arr = Array.from(v);
  if (!arr.some((x) => x !== 0)) arr.fill(1 / Math.sqrt(arr.length));
  return arr;
}
