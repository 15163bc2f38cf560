import type { Config } from '../config/config.js';
import { isUserError } from '../errors.js';
import type { Embedder } from './Embedder.js';
import { HashEmbedder } from './HashEmbedder.js';

export interface EmbedderSettings {
  /** `auto` tries the model and falls back to `hash`; the others insist on one. */
  readonly kind: 'auto' | 'transformers' | 'hash';
  readonly model: string;
  readonly cacheDir: string;
  /** Never reach the network for the model: only `cacheDir/<model>/` is read. */
  readonly offline: boolean;
}

export interface ChosenEmbedder {
  readonly embedder: Embedder;
  /** Model name for the manifest; null for the offline embedder. */
  readonly embeddingModel: string | null;
  /** Set when `auto` fell back: one line saying which embedder is in use and how to get the model. */
  readonly warning?: string;
}

/**
 * Picks the embedder from settings. transformers.js is imported only when a model is wanted,
 * so the offline path starts fast. With `transformers`, a model that cannot load is an error
 * (`embedder_unavailable`); with `auto` it is one warning and the offline embedder.
 */
export async function createEmbedder(settings: EmbedderSettings): Promise<ChosenEmbedder> {
  if (settings.kind === 'hash') return { embedder: new HashEmbedder(), embeddingModel: null };
  try {
    const { TransformersEmbedder } = await import('./TransformersEmbedder.js');
    const embedder = await TransformersEmbedder.load({ model: settings.model, cacheDir: settings.cacheDir, offline: settings.offline });
    return { embedder, embeddingModel: settings.model };
  } catch (err) {
    if (settings.kind === 'transformers' || !isUserError(err)) throw err;
    const fallback = new HashEmbedder();
    return {
      embedder: fallback,
      embeddingModel: null,
      warning:
        `${err.detail.split(';')[0]}; ` +
        `using the offline embedder ${fallback.id}. To use the model, run once with network access ` +
        `(MODEL_OFFLINE=false) or put its files in ${settings.cacheDir}/${settings.model}/, then npm run build:index.`,
    };
  }
}

/** `createEmbedder` with the settings of a parsed config (EMBEDDER, EMBEDDING_MODEL, MODEL_*). */
export function embedderFromConfig(config: Pick<Config, 'EMBEDDER' | 'EMBEDDING_MODEL' | 'MODEL_CACHE_DIR' | 'MODEL_OFFLINE'>): Promise<ChosenEmbedder> {
  return createEmbedder({ kind: config.EMBEDDER, model: config.EMBEDDING_MODEL, cacheDir: config.MODEL_CACHE_DIR, offline: config.MODEL_OFFLINE });
}
