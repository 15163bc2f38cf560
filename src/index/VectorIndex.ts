/** One nearest neighbour: `label` is the chunk's position in the index; `score` is cosine similarity. */
export interface Neighbor {
  readonly label: number;
  readonly score: number;
}

/**
 * Nearest-neighbour search over unit vectors. The engine only talks to this interface, so a
 * vector database (Qdrant, pgvector) can stand in for the in-process hnswlib index.
 */
export interface VectorIndex {
  readonly dimension: number;
  /** Number of vectors held. */
  readonly size: number;
  /** The `k` nearest vectors to `query`, best first (fewer when the index is smaller). */
  search(query: Float32Array, k: number): Neighbor[];
}
