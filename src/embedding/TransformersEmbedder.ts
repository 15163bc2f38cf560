import path from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import { UserError } from '../errors.js';
import type { Embedder, EmbedderRecipe } from './Embedder.js';

/** Options for {@link TransformersEmbedder.load}. */
export interface TransformersEmbedderOptions {
  /** Hugging Face model id, e.g. `Xenova/all-MiniLM-L6-v2`. Its files live in `<cacheDir>/<model>/`. */
  readonly model: string;
  /** Folder holding model folders; downloads (when not offline) are written here too. */
  readonly cacheDir: string;
  /** When true, only `<cacheDir>/<model>/` is read and no network request is ever made. */
  readonly offline: boolean;
  /** Texts per forward pass. Default 32. */
  readonly batchSize?: number;
  /** Load `onnx/model_quantized.onnx` (true, the default) rather than `onnx/model.onnx`. */
  readonly quantized?: boolean;
}

/** Subset of the transformers.js global `env` this adapter sets; its typings mark some of these read-only. */
interface HubSettings {
  cacheDir: string;
  localModelPath: string;
  allowLocalModels: boolean;
  allowRemoteModels: boolean;
}

const DEFAULT_BATCH_SIZE = 32;

/**
 * {@link Embedder} backed by a transformers.js `feature-extraction` pipeline with mean pooling
 * over the last hidden state, L2-normalised. `id` is `transformers:<model>`; `dimension` is
 * measured by embedding a probe text at load time.
 *
 * This is the only module that touches transformers.js. Its `env` is process-global and is set
 * by every {@link TransformersEmbedder.load}, so do not run loads with different settings concurrently.
 */
export class TransformersEmbedder implements Embedder {
  readonly id: string;
  readonly recipe: EmbedderRecipe;

  private constructor(
    private readonly extractor: FeatureExtractionPipeline,
    options: TransformersEmbedderOptions,
    readonly dimension: number,
    private readonly batchSize: number,
  ) {
    this.id = `transformers:${options.model}`;
    this.recipe = { module: import.meta.url, factory: 'loadTransformersEmbedder', options };
  }

  /**
   * Loads the model's tokenizer and ONNX weights and measures the vector width.
   *
   * @throws UserError `embedder_unavailable` when the model cannot be loaded (missing files in
   * offline mode, download failure, unreadable ONNX file); the message names the model and folder.
   * @throws RangeError when `batchSize` is not a positive integer.
   */
  static async load(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const { model, cacheDir, offline, batchSize = DEFAULT_BATCH_SIZE, quantized = true } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError(`embedding: batchSize must be a positive integer, got ${batchSize}`);
    }
    configureHub(cacheDir, offline);
    try {
      const extractor = await pipeline('feature-extraction', model, {
        quantized,
        cache_dir: cacheDir,
        local_files_only: offline,
      });
      const [probe] = await extractBatch(extractor, ['dimension probe']);
      return new TransformersEmbedder(extractor, options, probe?.length ?? 0, batchSize);
    } catch (err) {
      throw loadError(options, quantized, err);
    }
  }

  /** Embeds `texts` in batches of `batchSize`; one unit-length vector per text, in order. */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize);
      vectors.push(...(await extractBatch(this.extractor, batch)));
    }
    return vectors;
  }

  /** Releases the ONNX session. The embedder must not be used afterwards. */
  async dispose(): Promise<void> {
    await this.extractor.dispose();
  }
}

/** The recipe's factory (in a build process): `TransformersEmbedder.load(options)`. */
export function loadTransformersEmbedder(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
  return TransformersEmbedder.load(options);
}

/**
 * Points transformers.js at `cacheDir` for both lookups and downloads. transformers.js 2.17 reads
 * `<localModelPath>/<model>/<file>` first and falls back to `<remoteHost>/<model>/resolve/main/<file>`,
 * caching downloads at `<cacheDir>/<model>/<file>`: the same path, so a downloaded model is later
 * found offline.
 */
function configureHub(cacheDir: string, offline: boolean): void {
  const settings = env as unknown as HubSettings;
  settings.cacheDir = cacheDir;
  settings.localModelPath = cacheDir;
  settings.allowLocalModels = true;
  settings.allowRemoteModels = !offline;
}

/** Runs one forward pass and splits the `[batch, dimension]` output into per-text vectors. */
async function extractBatch(extractor: FeatureExtractionPipeline, texts: readonly string[]): Promise<Float32Array[]> {
  if (texts.length === 0) return [];
  const output = await extractor([...texts], { pooling: 'mean', normalize: true });
  const data = output.data as Float32Array;
  const width = data.length / texts.length;
  return texts.map((_, i) => data.slice(i * width, (i + 1) * width));
}

function loadError(options: TransformersEmbedderOptions, quantized: boolean, err: unknown): UserError {
  const modelDir = path.join(options.cacheDir, ...options.model.split('/'));
  const onnxFile = quantized ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx';
  const fix = options.offline
    ? `put config.json, tokenizer.json, tokenizer_config.json and ${onnxFile} there, or load once with offline mode off to download them`
    : 'check the model id and network access to huggingface.co, or put the model files there';
  return new UserError(
    'embedder_unavailable',
    `embedding: could not load model "${options.model}" from ${modelDir} (${shortReason(err, modelDir, onnxFile)}); ${fix}`,
  );
}

/** One-line summary of a transformers.js / onnxruntime / fetch failure. */
function shortReason(err: unknown, modelDir: string, onnxFile: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const missing = /not found locally at "([^"]+)"/.exec(message)?.[1];
  if (missing !== undefined) return `missing ${path.relative(modelDir, missing)}`;
  // transformers.js retries a failed onnxruntime-node session on the wasm backend, whose
  // generic "Can't create a session" replaces the real cause (logged by transformers.js).
  if (/create a session/i.test(message)) return `onnxruntime could not open ${onnxFile}`;
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  const line = `${message.split('\n', 1)[0] ?? ''}${cause}`.trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line || 'unknown error';
}
