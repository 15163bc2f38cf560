import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Chunk } from '../chunking/chunkDocument.js';
import type { Document } from '../corpus/types.js';
import { UserError } from '../errors.js';
import { HnswIndex } from './HnswIndex.js';
import { type IndexManifest, SCHEMA_VERSION } from './IndexManifest.js';
import { LexicalIndex } from './LexicalIndex.js';
import { type ChunkTable, fromChunkTable, toChunkTable } from './chunkTable.js';

/** A finished index: everything retrieval needs, loaded in memory. */
export interface IndexData {
  readonly manifest: IndexManifest;
  /** Parsed documents by id (text, sections, references). */
  readonly documents: ReadonlyMap<string, Document>;
  /** Chunks; a chunk's position is its label in both indexes. */
  readonly chunks: readonly Chunk[];
  readonly vectors: HnswIndex;
  readonly lexical: LexicalIndex;
}

const FILES = { manifest: 'manifest.json', documents: 'documents.json', chunks: 'chunks.json', vectors: 'vectors.hnsw', lexical: 'lexical.bin' };
const CURRENT = 'CURRENT';
const REBUILD = 'run `npm run build:index` to rebuild it';

/**
 * Writes and reads builds under a data folder. Each build is written whole into its own
 * folder, then the `CURRENT` pointer file is replaced by rename, so a crash at any point
 * leaves the previous build loadable:
 * `DATA_DIR/CURRENT` → `builds/<id>/{manifest.json, documents.json, chunks.json, vectors.hnsw, lexical.bin}`.
 */
export class IndexStore {
  constructor(readonly dataDir: string) {}

  /** Folder of the current build, or undefined when there is none. */
  currentDir(): string | undefined {
    try {
      const name = readFileSync(join(this.dataDir, CURRENT), 'utf8').trim();
      return name ? join(this.dataDir, name) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The current build's manifest, or undefined when there is no readable build. */
  readManifest(): IndexManifest | undefined {
    const dir = this.currentDir();
    if (!dir) return undefined;
    try {
      return JSON.parse(readFileSync(join(dir, FILES.manifest), 'utf8')) as IndexManifest;
    } catch {
      return undefined;
    }
  }

  /** Writes a build and makes it current; older builds are removed afterwards. */
  write(data: IndexData): void {
    const builds = join(this.dataDir, 'builds');
    mkdirSync(builds, { recursive: true });
    const id = `${Date.now().toString(36)}-${process.pid}`;
    const tmp = join(builds, `${id}.partial`);
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, FILES.documents), JSON.stringify([...data.documents.values()]));
    writeFileSync(join(tmp, FILES.chunks), JSON.stringify(toChunkTable(data.chunks, data.documents)));
    writeFileSync(join(tmp, FILES.lexical), data.lexical.toBuffer());
    data.vectors.write(join(tmp, FILES.vectors));
    // The manifest goes last: a folder without one is never a build.
    const files = Object.fromEntries(
      Object.values(FILES)
        .filter((f) => f !== FILES.manifest)
        .map((f) => [f, statSync(join(tmp, f)).size]),
    );
    writeFileSync(join(tmp, FILES.manifest), JSON.stringify({ ...data.manifest, files }, null, 2));
    renameSync(tmp, join(builds, id));
    const pointer = join(this.dataDir, `${CURRENT}.${process.pid}.tmp`);
    writeFileSync(pointer, `builds/${id}\n`);
    renameSync(pointer, join(this.dataDir, CURRENT));
    this.removeOldBuilds(id);
  }

  /**
   * Loads the current build. Refuses a missing build (`index_missing`), unreadable files
   * (`index_corrupt`) and a build made by another schema, embedder or dimension
   * (`index_mismatch`), each with a message that says how to rebuild.
   */
  read(expected: { embedderId: string; dimension: number }): IndexData {
    const dir = this.currentDir();
    if (!dir || !existsSync(join(dir, FILES.manifest))) {
      throw new UserError('index_missing', `index: no index in "${this.dataDir}"; ${REBUILD}`);
    }
    const manifest = readJson<IndexManifest>(dir, FILES.manifest);
    if (manifest.schemaVersion !== SCHEMA_VERSION) {
      throw new UserError('index_mismatch', `index: built with schema ${manifest.schemaVersion}, this version reads ${SCHEMA_VERSION}; ${REBUILD}`);
    }
    if (manifest.embedderId !== expected.embedderId || manifest.dimension !== expected.dimension) {
      throw new UserError(
        'index_mismatch',
        `index: built with embedder ${manifest.embedderId} (dimension ${manifest.dimension}), but ${expected.embedderId} (dimension ${expected.dimension}) is in use; ${REBUILD}`,
      );
    }
    for (const [file, size] of Object.entries(manifest.files ?? {})) {
      const actual = existsSync(join(dir, file)) ? statSync(join(dir, file)).size : -1;
      if (actual !== size) {
        throw new UserError('index_corrupt', `index: "${join(dir, file)}" is ${actual < 0 ? 'missing' : `${actual} bytes, expected ${size}`}; ${REBUILD}`);
      }
    }
    const documents = new Map(readJson<Document[]>(dir, FILES.documents).map((d) => [d.id, d]));
    let chunks: Chunk[];
    try {
      chunks = fromChunkTable(readJson<ChunkTable>(dir, FILES.chunks), documents);
    } catch (err) {
      throw corrupt(join(dir, FILES.chunks), err);
    }
    let lexical: LexicalIndex;
    let vectors: HnswIndex;
    try {
      lexical = LexicalIndex.fromBuffer(readFileSync(join(dir, FILES.lexical)));
      vectors = HnswIndex.read(join(dir, FILES.vectors), manifest.dimension, manifest.hnsw);
    } catch (err) {
      throw corrupt(dir, err);
    }
    if (chunks.length !== manifest.chunkCount || vectors.size !== manifest.chunkCount || lexical.chunkCount !== manifest.chunkCount) {
      throw new UserError('index_corrupt', `index: files in "${dir}" disagree on the number of chunks; ${REBUILD}`);
    }
    return { manifest, documents, chunks, vectors, lexical };
  }

  private removeOldBuilds(keep: string): void {
    const builds = join(this.dataDir, 'builds');
    for (const name of readdirSync(builds)) {
      if (name !== keep && !name.endsWith('.partial')) rmSync(join(builds, name), { recursive: true, force: true });
    }
  }
}

function readJson<T>(dir: string, file: string): T {
  try {
    return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
  } catch (err) {
    throw corrupt(join(dir, file), err);
  }
}

function corrupt(path: string, err: unknown): UserError {
  const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new UserError('index_corrupt', `index: "${path}" cannot be read (${reason}); ${REBUILD}`);
}
