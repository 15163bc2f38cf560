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
  /**
   * How to make the same embedder in another process (index builds run in one). Without it,
   * the engine builds in its own process.
   */
  readonly recipe?: EmbedderRecipe;
}

/**
 * Plain data naming a module and a function that makes an embedder: `await (await
 * import(module))[factory](options)`. `module` is a file URL; `options` must survive JSON.
 */
export interface EmbedderRecipe {
  readonly module: string;
  readonly factory: string;
  readonly options?: unknown;
}

/** Makes the embedder a recipe describes (in a build process). */
export async function embedderFromRecipe(recipe: EmbedderRecipe): Promise<Embedder> {
  const exports = (await import(recipe.module)) as Record<string, unknown>;
  const factory = exports[recipe.factory];
  if (typeof factory !== 'function') throw new Error(`embedding: ${recipe.module} has no function ${recipe.factory}`);
  return await (factory as (options: unknown) => Embedder | Promise<Embedder>)(recipe.options);
}
