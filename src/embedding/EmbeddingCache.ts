import { createHash } from 'node:crypto';
import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MAGIC = 0x45424331; // "EBC1"
const KEY_BYTES = 16;

/**
 * Embeddings keyed by embedder id and the sha256 of the embedded text, so a rebuild after a
 * corpus edit embeds only changed chunks. One binary file per embedder:
 * `[magic u32][dimension u32][count u32]` then `count` × (16-byte key, `dimension` float32).
 */
export class EmbeddingCache {
  private readonly entries = new Map<string, Float32Array>();
  private readonly path: string;

  private constructor(
    dir: string,
    readonly embedderId: string,
    readonly dimension: number,
  ) {
    this.path = join(dir, `${embedderId.replace(/[^A-Za-z0-9._-]+/g, '_')}.bin`);
  }

  /**
   * Opens the cache of one embedder; a missing, foreign or damaged file is an empty cache, and
   * an entry holding a value that is not a finite number (NaN, ±Infinity) is left out, so its
   * text is embedded again.
   */
  static open(dir: string, embedderId: string, dimension: number): EmbeddingCache {
    const cache = new EmbeddingCache(dir, embedderId, dimension);
    cache.read();
    return cache;
  }

  /**
   * A cache that reads nothing from disk, for extending a build: its new chunks are new texts,
   * and reading every entry of a large corpus costs more than they do. Use `append` to keep them.
   */
  static forAppend(dir: string, embedderId: string, dimension: number): EmbeddingCache {
    return new EmbeddingCache(dir, embedderId, dimension);
  }

  static key(text: string): string {
    return createHash('sha256')
      .update(text)
      .digest('hex')
      .slice(0, KEY_BYTES * 2);
  }

  get(text: string): Float32Array | undefined {
    return this.entries.get(EmbeddingCache.key(text));
  }

  set(text: string, vector: Float32Array): void {
    this.entries.set(EmbeddingCache.key(text), vector);
  }

  /** Writes only the entries for `keep` (the texts of the current build), atomically. */
  save(keep: readonly string[]): void {
    const keys = [...new Set(keep.map((t) => EmbeddingCache.key(t)))].filter((k) => this.entries.has(k));
    const record = KEY_BYTES + this.dimension * 4;
    const buf = Buffer.alloc(12 + keys.length * record);
    buf.writeUInt32LE(MAGIC, 0);
    buf.writeUInt32LE(this.dimension, 4);
    buf.writeUInt32LE(keys.length, 8);
    keys.forEach((k, i) => this.writeRecord(buf, 12 + i * record, k));
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, buf);
      renameSync(tmp, this.path);
    } catch (err) {
      rmSync(tmp, { force: true }); // a full disk must not keep a half-written copy
      throw err;
    }
  }

  /**
   * Adds the entries for `texts` to the end of the file, then raises its count, so a crash
   * midway leaves the earlier entries readable. Starts a new file when there is none.
   */
  append(texts: readonly string[]): void {
    const keys = [...new Set(texts.map((t) => EmbeddingCache.key(t)))].filter((k) => this.entries.has(k));
    let fd: number;
    try {
      fd = openSync(this.path, 'r+');
    } catch {
      this.save(texts);
      return;
    }
    try {
      const header = Buffer.alloc(12);
      const record = KEY_BYTES + this.dimension * 4;
      const valid = readSync(fd, header, 0, 12, 0) === 12 && header.readUInt32LE(0) === MAGIC && header.readUInt32LE(4) === this.dimension;
      const count = valid ? header.readUInt32LE(8) : 0;
      if (!valid || fstatSync(fd).size < 12 + count * record) {
        closeSync(fd);
        this.save(texts);
        return;
      }
      const body = Buffer.alloc(keys.length * record);
      keys.forEach((k, i) => this.writeRecord(body, i * record, k));
      try {
        writeSync(fd, body, 0, body.length, 12 + count * record);
      } catch (err) {
        ftruncateSync(fd, 12 + count * record); // a full disk must not keep the half-written records
        throw err;
      }
      header.writeUInt32LE(count + keys.length, 8);
      writeSync(fd, header, 8, 4, 8);
    } finally {
      try {
        closeSync(fd);
      } catch {
        // already closed on the fallback path
      }
    }
  }

  private writeRecord(buf: Buffer, at: number, key: string): void {
    buf.write(key, at, 'hex');
    const v = this.entries.get(key)!;
    Buffer.from(v.buffer, v.byteOffset, v.byteLength).copy(buf, at + KEY_BYTES);
  }

  private read(): void {
    let buf: Buffer;
    try {
      buf = readFileSync(this.path);
    } catch {
      return;
    }
    if (buf.length < 12 || buf.readUInt32LE(0) !== MAGIC || buf.readUInt32LE(4) !== this.dimension) return;
    const count = buf.readUInt32LE(8);
    const record = KEY_BYTES + this.dimension * 4;
    // Bytes past `count` records are an append cut short by a crash: ignored.
    if (buf.length < 12 + count * record) return;
    for (let i = 0; i < count; i++) {
      const at = 12 + i * record;
      const key = buf.toString('hex', at, at + KEY_BYTES);
      const floats = new Float32Array(this.dimension);
      Buffer.from(floats.buffer).set(buf.subarray(at + KEY_BYTES, at + record));
      if (floats.every(Number.isFinite)) this.entries.set(key, floats);
    }
  }
}
