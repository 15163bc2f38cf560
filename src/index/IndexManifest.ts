import type { HnswParams } from './HnswIndex.js';

/**
 * Bumped whenever the files of a build change shape; a different value forces a rebuild.
 * 3: CRC-32 of every file in the manifest; hnswlib labels saved beside the graph.
 * 4: the lexical index holds names, corpus acronyms and the spelling table.
 * 5: acronyms keep how often each name is written.
 */
export const SCHEMA_VERSION = 5;

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
  /**
   * Size in bytes and CRC-32 of every other file of the build, checked on load before the file
   * is parsed or handed to hnswlib (a truncated, damaged or edited file is refused).
   */
  readonly files: Readonly<Record<string, FileCheck>>;
  /**
   * sha256 of each corpus file the build was made from, by file name; lets a rebuild that
   * only sees new files extend this build. Absent in builds written before it existed.
   */
  readonly sources?: Readonly<Record<string, string>>;
  /** Files skipped at build time, one line each. */
  readonly problems: readonly string[];
}

/** What the manifest records of one file. */
export interface FileCheck {
  readonly bytes: number;
  /** `zlib.crc32` of the file's bytes: fast (≈ 40 ms for 200 MB), and catches damage, not forgery. */
  readonly crc32: number;
}

// The files `IndexStore` writes beside the manifest.
const DATA_FILES = ['documents.json', 'chunks.json', 'vectors.hnsw', 'vector-labels.bin', 'lexical.bin'];

/** What is wrong with a parsed manifest's shape, or undefined when it can be trusted to read the build. */
export function manifestProblem(manifest: unknown): string | undefined {
  const m = manifest as Partial<Record<keyof IndexManifest, unknown>> | null;
  if (typeof m !== 'object' || m === null) return 'is not a manifest';
  const numbers = ['schemaVersion', 'dimension', 'documentCount', 'chunkCount'] as const;
  const bad = numbers.find((k) => !Number.isInteger(m[k]));
  if (bad) return `has no whole number for "${bad}"`;
  if (typeof m.embedderId !== 'string') return 'has no "embedderId"';
  const hnsw = m.hnsw as Partial<Record<string, unknown>> | undefined;
  if (!hnsw || !['m', 'efConstruction', 'efSearch'].every((k) => Number.isInteger(hnsw[k]))) return 'has no valid "hnsw" parameters';
  const files = (m.files ?? {}) as Record<string, Partial<FileCheck> | undefined>;
  const unchecked = DATA_FILES.find((f) => !Number.isInteger(files[f]?.bytes) || !Number.isInteger(files[f]?.crc32));
  if (unchecked) return `records no size and CRC-32 for "${unchecked}"`;
  if (!Array.isArray(m.problems)) return 'has no "problems" list';
  return undefined;
}
