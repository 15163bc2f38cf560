import type { HnswParams } from './HnswIndex.js';

/** Bumped whenever the files of a build change shape; a different value forces a rebuild. */
export const SCHEMA_VERSION = 3;

/** What a build holds and how it was made; checked on every load. */
export interface IndexManifest {
  readonly schemaVersion: number;
  readonly embedderId: string;
  /** Model name for a model embedder; null for the offline embedder. */
  readonly model: string | null;
  readonly dimension: number;
  /** `hashCorpus` of the corpus folder at build time. */
  readonly corpusHash: string;
  /** ISO-8601 time the build finished. */
  readonly builtAt: string;
  readonly documentCount: number;
  readonly chunkCount: number;
  readonly hnsw: HnswParams;
  /** Size in bytes of every file of the build, checked on load (a truncated file is refused). */
  readonly files: Readonly<Record<string, number>>;
  /**
   * sha256 of each corpus file the build was made from, by file name; lets a rebuild that
   * only sees new files extend this build. Absent in builds written before it existed.
   */
  readonly sources?: Readonly<Record<string, string>>;
  /** Files skipped at build time, one line each. */
  readonly problems: readonly string[];
}
