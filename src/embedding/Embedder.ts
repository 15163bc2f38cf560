/**
 * Turns texts into vectors. Implementations are deterministic for a given `id`,
 * and every vector they return is L2-normalised (unit length) with `dimension` entries.
 */
export interface Embedder {
  /** Stable identifier written into the index manifest, e.g. `hash-v1` or `transformers:Xenova/all-MiniLM-L6-v2`. */
  readonly id: string;
  /** Length of every vector. */
  readonly dimension: number;
  /** Embeds a batch of texts; the result has one vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
