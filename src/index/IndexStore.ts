import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Chunk } from '../chunking/chunkDocument.js';
import type { Document } from '../corpus/types.js';
import { UserError } from '../errors.js';
import { HnswIndex } from './HnswIndex.js';
import { type FileCheck, type IndexManifest, SCHEMA_VERSION, manifestProblem } from './IndexManifest.js';
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

const FILES = {
  manifest: 'manifest.json',
  documents: 'documents.json',
  chunks: 'chunks.json',
  vectors: 'vectors.hnsw',
  labels: 'vector-labels.bin',
  lexical: 'lexical.bin',
};
const CURRENT = 'CURRENT';
const REBUILD = 'run `npm run build:index` to rebuild it';
const READ_BLOCK = 8 << 20;

/**
 * Writes and reads builds under a data folder. Each build is written whole into its own
 * folder, then the `CURRENT` pointer file is replaced by rename, so a crash at any point
 * leaves the previous build loadable:
 * `DATA_DIR/CURRENT` → `builds/<id>/{manifest.json, documents.json, chunks.json, vectors.hnsw, vector-labels.bin, lexical.bin}`.
 * The manifest records every other file's size and CRC-32, checked before a file is parsed
 * or handed to hnswlib (which trusts its input). The current build and the one before it are
 * kept; failed and orphaned builds are removed.
 */
export class IndexStore {
  constructor(readonly dataDir: string) {}

  /** Folder of the current build, or undefined when there is none. */
  currentDir(): string | undefined {
    const name = this.currentName();
    return name ? join(this.dataDir, name) : undefined;
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

  /**
   * Writes a build and makes it current, then removes builds other than it and the one it
   * replaced. A write that fails (a full disk) removes its partial folder and rethrows.
   */
  write(data: IndexData): void {
    const builds = join(this.dataDir, 'builds');
    mkdirSync(builds, { recursive: true });
    // Ids sort by time; two writes in one millisecond take the next free one.
    let time = Date.now();
    while (existsSync(join(builds, `${time.toString(36)}-${process.pid}`)) || existsSync(join(builds, `${time.toString(36)}-${process.pid}.partial`))) time++;
    const id = `${time.toString(36)}-${process.pid}`;
    const tmp = join(builds, `${id}.partial`);
    const previous = this.currentName();
    try {
      mkdirSync(tmp, { recursive: true });
      const labels = data.vectors.labels;
      const files: Record<string, Buffer> = {
        [FILES.documents]: Buffer.from(JSON.stringify([...data.documents.values()])),
        [FILES.chunks]: Buffer.from(JSON.stringify(toChunkTable(data.chunks, data.documents))),
        [FILES.lexical]: data.lexical.toBuffer(),
        [FILES.labels]: Buffer.from(labels.buffer, labels.byteOffset, labels.byteLength),
      };
      const checks: Record<string, FileCheck> = {};
      for (const [file, bytes] of Object.entries(files)) {
        writeFileSync(join(tmp, file), bytes);
        checks[file] = { bytes: bytes.length, crc32: crc32(bytes) };
      }
      data.vectors.write(join(tmp, FILES.vectors));
      checks[FILES.vectors] = checkFile(join(tmp, FILES.vectors));
      // The manifest goes last: a folder without one is never a build.
      writeFileSync(join(tmp, FILES.manifest), JSON.stringify({ ...data.manifest, files: checks }, null, 2));
      renameSync(tmp, join(builds, id));
      const pointer = join(this.dataDir, `${CURRENT}.${process.pid}.tmp`);
      writeFileSync(pointer, `builds/${id}\n`);
      renameSync(pointer, join(this.dataDir, CURRENT));
    } catch (err) {
      removeQuietly(tmp);
      removeQuietly(join(this.dataDir, `${CURRENT}.${process.pid}.tmp`));
      throw err;
    }
    this.removeOldBuilds([`builds/${id}`, previous]);
  }

  /**
   * Removes what failed or interrupted builds left: partial folders and temporary files of
   * processes no longer running, and builds other than the current one and the newest before
   * it. Call at start-up.
   */
  cleanUp(): void {
    const current = this.currentName();
    const others = this.buildNames().filter((b) => `builds/${b}` !== current && !b.endsWith('.partial'));
    this.removeOldBuilds([current, others.length > 0 ? `builds/${others.sort().at(-1)}` : undefined]);
    // Temporary files (the CURRENT pointer's, the embedding cache's) are named `….<pid>.tmp`.
    for (const dir of [this.dataDir, join(this.dataDir, 'cache')]) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue; // not made yet
      }
      for (const name of names) {
        const pid = /\.(\d+)\.tmp$/.exec(name)?.[1];
        if (pid && !running(Number(pid))) removeQuietly(join(dir, name));
      }
    }
  }

  /**
   * Loads the current build. Refuses a missing build (`index_missing`), damaged or edited files
   * (`index_corrupt`: size, CRC-32 or content) and a build made by another schema, embedder or
   * dimension (`index_mismatch`), each with a message that says how to rebuild.
   */
  async read(expected: { embedderId: string; dimension: number }): Promise<IndexData> {
    const dir = this.currentDir();
    if (!dir || !existsSync(join(dir, FILES.manifest))) {
      throw new UserError('index_missing', `index: no index in "${this.dataDir}"; ${REBUILD}`);
    }
    const manifest = parseJson(join(dir, FILES.manifest), readFileSync(join(dir, FILES.manifest))) as IndexManifest;
    const problem = manifestProblem(manifest);
    if (problem) throw new UserError('index_corrupt', `index: "${join(dir, FILES.manifest)}" ${problem}; ${REBUILD}`);
    if (manifest.schemaVersion !== SCHEMA_VERSION) {
      throw new UserError('index_mismatch', `index: built with schema ${manifest.schemaVersion}, this version reads ${SCHEMA_VERSION}; ${REBUILD}`);
    }
    if (manifest.embedderId !== expected.embedderId || manifest.dimension !== expected.dimension) {
      throw new UserError(
        'index_mismatch',
        `index: built with embedder ${manifest.embedderId} (dimension ${manifest.dimension}), but ${expected.embedderId} (dimension ${expected.dimension}) is in use; ${REBUILD}`,
      );
    }
    const file = async (name: string, keep = true): Promise<Buffer> => verified(join(dir, name), manifest.files[name]!, keep);
    const documents = new Map((parseJson(join(dir, FILES.documents), await file(FILES.documents)) as Document[]).map((d) => [d.id, d]));
    const chunks = await parse(join(dir, FILES.chunks), async () =>
      fromChunkTable(parseJson(join(dir, FILES.chunks), await file(FILES.chunks)) as ChunkTable, documents),
    );
    const lexical = await parse(join(dir, FILES.lexical), async () => LexicalIndex.fromBuffer(await file(FILES.lexical)));
    const labels = await file(FILES.labels);
    // Checked in full before hnswlib sees a byte: it crashes the process on a damaged graph.
    await file(FILES.vectors, false);
    const vectors = await parse(join(dir, FILES.vectors), () =>
      HnswIndex.read(join(dir, FILES.vectors), manifest.dimension, new Uint32Array(labels.buffer, labels.byteOffset, labels.length / 4), manifest.hnsw),
    );
    if (chunks.length !== manifest.chunkCount || vectors.size !== manifest.chunkCount || lexical.chunkCount !== manifest.chunkCount) {
      throw new UserError('index_corrupt', `index: files in "${dir}" disagree on the number of chunks; ${REBUILD}`);
    }
    return { manifest, documents, chunks, vectors, lexical };
  }

  private currentName(): string | undefined {
    try {
      return readFileSync(join(this.dataDir, CURRENT), 'utf8').trim() || undefined;
    } catch {
      return undefined;
    }
  }

  private buildNames(): string[] {
    try {
      return readdirSync(join(this.dataDir, 'builds'));
    } catch {
      return [];
    }
  }

  /** Removes every build but `keep` (as `builds/<id>`), and partial builds of processes no longer running. */
  private removeOldBuilds(keep: readonly (string | undefined)[]): void {
    for (const name of this.buildNames()) {
      const partialOf = /-(\d+)\.partial$/.exec(name)?.[1];
      const remove = partialOf ? !running(Number(partialOf)) : !keep.includes(`builds/${name}`);
      if (remove) removeQuietly(join(this.dataDir, 'builds', name));
    }
  }
}

/**
 * Reads a file of the build and checks its size and CRC-32 against the manifest, in blocks
 * (a 200 MB graph need not be held twice). Returns the bytes when `keep`.
 */
async function verified(path: string, expected: { bytes: number; crc32: number }, keep: boolean): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path);
  } catch {
    throw new UserError('index_corrupt', `index: "${path}" is missing; ${REBUILD}`);
  }
  try {
    const { size } = await handle.stat();
    if (size !== expected.bytes) throw new UserError('index_corrupt', `index: "${path}" is ${size} bytes, expected ${expected.bytes}; ${REBUILD}`);
    const block = Buffer.alloc(keep ? size : Math.min(READ_BLOCK, size));
    let crc = 0;
    for (let at = 0; at < size;) {
      const offset = keep ? at : 0;
      const { bytesRead } = await handle.read(block, offset, Math.min(block.length - offset, size - at), at);
      if (bytesRead === 0) break;
      crc = crc32(block.subarray(offset, offset + bytesRead), crc);
      at += bytesRead;
    }
    if (crc !== expected.crc32) {
      throw new UserError('index_corrupt', `index: "${path}" does not match the CRC-32 in its manifest (damaged or edited); ${REBUILD}`);
    }
    return keep ? block : Buffer.alloc(0);
  } finally {
    await handle.close();
  }
}

/** Size and CRC-32 of a file written by another library (hnswlib), read in blocks. */
function checkFile(path: string): FileCheck {
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.alloc(READ_BLOCK);
    let bytes = 0;
    let crc = 0;
    for (let n = readSync(fd, block); n > 0; n = readSync(fd, block)) {
      crc = crc32(block.subarray(0, n), crc);
      bytes += n;
    }
    return { bytes, crc32: crc };
  } finally {
    closeSync(fd);
  }
}

async function parse<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw err instanceof UserError ? err : corrupt(path, err);
  }
}

function parseJson(path: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw corrupt(path, err);
  }
}

function corrupt(path: string, err: unknown): UserError {
  const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new UserError('index_corrupt', `index: "${path}" cannot be read (${reason}); ${REBUILD}`);
}

// Clean-up is best effort: a read-only or busy folder must not stop a start-up or a finished build.
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // left for the next clean-up
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
