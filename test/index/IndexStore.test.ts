import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';
import { buildIndex } from '../../src/index/buildIndex.js';
import { SCHEMA_VERSION } from '../../src/index/IndexManifest.js';
import { type IndexData, IndexStore } from '../../src/index/IndexStore.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const REBUILD = 'run `npm run build:index` to rebuild it';
const embedder = new HashEmbedder();
const expected = { embedderId: embedder.id, dimension: embedder.dimension };

let tmp: string;
let corpusDir: string;
let built: IndexData;

/** A fresh data folder holding a copy of the built index. */
function copyOfIndex(name: string): { store: IndexStore; dir: string } {
  const dataDir = join(tmp, name);
  cpSync(join(tmp, 'data'), dataDir, { recursive: true });
  const store = new IndexStore(dataDir);
  return { store, dir: store.currentDir()! };
}

/** What retrieval sees of an index: nearest chunks and BM25 hits for a few queries. */
function searchResults(data: IndexData): unknown {
  return ['Does France recognise North Korea?', 'Jack Lang envoy', 'exports in 2005'].map((q) => ({
    vectors: data.vectors.search(embedder.embedOne(q), 5),
    lexical: data.lexical.queryGroups([[{ terms: ['franc'], weight: 1 }], [{ terms: ['export'], weight: 1 }]], 5),
  }));
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'index-store-'));
  corpusDir = join(tmp, 'corpus');
  cpSync(join(ROOT, 'corpus'), corpusDir, { recursive: true });
  ({ data: built } = await buildIndex({ corpusDir, store: new IndexStore(join(tmp, 'data')), embedder, embeddingModel: null }));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('IndexStore round trip', () => {
  it('reads back what was written: manifest, documents, chunks and the same search results', async () => {
    const read = await new IndexStore(join(tmp, 'data')).read(expected);
    expect(read.manifest).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      embedderId: 'hash-v1-512',
      model: null,
      dimension: 512,
      documentCount: 1,
      chunkCount: 12,
      problems: [],
    });
    // The manifest records the size of every other file of the build.
    const dir = new IndexStore(join(tmp, 'data')).currentDir()!;
    expect(Object.keys(read.manifest.files).sort()).toEqual(
      readdirSync(dir)
        .filter((f) => f !== 'manifest.json')
        .sort(),
    );
    expect(Object.keys(read.manifest.files)).toEqual(expect.arrayContaining(['chunks.json', 'documents.json', 'vectors.hnsw']));
    expect(read.chunks).toEqual(built.chunks);
    expect([...read.documents.keys()]).toEqual(['france-north-korea-relations']);
    expect(read.documents.get('france-north-korea-relations')).toEqual(built.documents.get('france-north-korea-relations'));
    expect(read.vectors.size).toBe(12);
    expect(searchResults(read)).toEqual(searchResults(built));
    expect(read.vectors.search(embedder.embedOne('the other being Estonia'), 1)[0]?.label).toBe(0);
  });

  it('keeps only the current build folder and the CURRENT pointer', () => {
    const dataDir = join(tmp, 'data');
    expect(readFileSync(join(dataDir, 'CURRENT'), 'utf8')).toMatch(/^builds\/[a-z0-9]+-\d+\n$/);
    expect(readdirSync(join(dataDir, 'builds'))).toHaveLength(1);
  });
});

describe('IndexStore refuses a bad index', () => {
  it('refuses an index built by another embedder or dimension, naming both and the fix', async () => {
    const store = new IndexStore(join(tmp, 'data'));
    await expect(store.read({ embedderId: 'transformers:Xenova/all-MiniLM-L6-v2', dimension: 384 })).rejects.toThrow(
      `index_mismatch: index: built with embedder hash-v1-512 (dimension 512), but transformers:Xenova/all-MiniLM-L6-v2 (dimension 384) is in use; ${REBUILD}`,
    );
    await expect(store.read({ embedderId: 'hash-v1-512', dimension: 256 })).rejects.toThrow(
      `index_mismatch: index: built with embedder hash-v1-512 (dimension 512), but hash-v1-512 (dimension 256) is in use; ${REBUILD}`,
    );
  });

  it('refuses another schema version', async () => {
    const { store, dir } = copyOfIndex('schema');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, schemaVersion: 99 }));
    await expect(store.read(expected)).rejects.toThrow(`index_mismatch: index: built with schema 99, this version reads ${SCHEMA_VERSION}; ${REBUILD}`);
  });

  it('refuses a missing index', async () => {
    const dataDir = join(tmp, 'empty');
    await expect(new IndexStore(dataDir).read(expected)).rejects.toThrow(`index_missing: index: no index in "${dataDir}"; ${REBUILD}`);
  });

  it('refuses a truncated vectors.hnsw', async () => {
    const { store, dir } = copyOfIndex('truncated');
    const path = join(dir, 'vectors.hnsw');
    const size = statSync(path).size;
    truncateSync(path, 100);
    await expect(store.read(expected)).rejects.toThrow(`index_corrupt: index: "${path}" is 100 bytes, expected ${size}; ${REBUILD}`);
  });

  it('refuses a vectors.hnsw of the right size full of garbage, or with one byte flipped, before hnswlib reads it', async () => {
    const { store, dir } = copyOfIndex('garbage-vectors');
    const path = join(dir, 'vectors.hnsw');
    const good = readFileSync(path);
    const damaged = `index_corrupt: index: "${path}" does not match the CRC-32 in its manifest (damaged or edited); ${REBUILD}`;
    writeFileSync(path, Buffer.alloc(good.length, 0xab));
    await expect(store.read(expected)).rejects.toThrow(damaged);
    // One byte in the middle of the graph: hnswlib would read it and crash the process (signal 11).
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    writeFileSync(path, flipped);
    await expect(store.read(expected)).rejects.toThrow(damaged);
  });

  it('refuses a documents.json edited to the same size ("Estonia" → "Germany")', async () => {
    const { store, dir } = copyOfIndex('edited-documents');
    const path = join(dir, 'documents.json');
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('Estonia', 'Germany'));
    await expect(store.read(expected)).rejects.toThrow(
      `index_corrupt: index: "${path}" does not match the CRC-32 in its manifest (damaged or edited); ${REBUILD}`,
    );
  });

  it('refuses a manifest without checksums or with a field of the wrong type, naming it', async () => {
    const { store, dir } = copyOfIndex('bad-manifest');
    const path = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...manifest, files: {} }));
    await expect(store.read(expected)).rejects.toThrow(`index_corrupt: index: "${path}" records no size and CRC-32 for "documents.json"; ${REBUILD}`);
    writeFileSync(path, JSON.stringify({ ...manifest, dimension: '512' }));
    await expect(store.read(expected)).rejects.toThrow(`index_corrupt: index: "${path}" has no whole number for "dimension"; ${REBUILD}`);
  });

  it('refuses a chunks.json of garbage, whether or not its size matches', async () => {
    const { store, dir } = copyOfIndex('garbage-chunks');
    const path = join(dir, 'chunks.json');
    const size = statSync(path).size;
    writeFileSync(path, 'x'.repeat(size));
    await expect(store.read(expected)).rejects.toThrow(
      `index_corrupt: index: "${path}" does not match the CRC-32 in its manifest (damaged or edited); ${REBUILD}`,
    );
    writeFileSync(path, 'garbage');
    await expect(store.read(expected)).rejects.toThrow(`index_corrupt: index: "${path}" is 7 bytes, expected ${size}; ${REBUILD}`);
  });
});

describe('a build killed midway', () => {
  it('leaves leftover partial folders ignored and the previous index loadable', async () => {
    const { store } = copyOfIndex('leftover');
    const partial = join(store.dataDir, 'builds', 'zzzz-1.partial');
    cpSync(store.currentDir()!, partial, { recursive: true });
    rmSync(join(partial, 'manifest.json'));
    truncateSync(join(partial, 'chunks.json'), 10);
    expect((await store.read(expected)).chunks).toEqual(built.chunks);
  });

  it('SIGKILLed while writing the index, leaves the previous build current and loadable', async () => {
    const { store } = copyOfIndex('killed');
    const before = store.currentDir();
    // An edited corpus, so the child has a new build to write.
    const edited = join(tmp, 'killed-corpus');
    cpSync(corpusDir, edited, { recursive: true });
    const file = join(edited, 'france-north-korea-relations.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('very limited', 'quite limited'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/buildThenHang.ts'), edited, store.dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('writing')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before writing: ${stderr}`)));
    });
    const partials = readdirSync(join(store.dataDir, 'builds')).filter((n) => n.endsWith('.partial'));
    expect(partials).toHaveLength(1);
    const partial = join(store.dataDir, 'builds', partials[0]!);
    // Every data file is there (the vector file half written); only the manifest is missing.
    const previous = store.readManifest()!;
    expect(readdirSync(partial).sort()).toEqual(Object.keys(previous.files).sort());
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(join(partial, 'manifest.json'))).toBe(false);
    expect(store.currentDir()).toBe(before);
    const read = await store.read(expected);
    expect(read.chunks).toEqual(built.chunks);
    expect(searchResults(read)).toEqual(searchResults(built));
  });
});

describe('builds left behind', () => {
  const buildsOf = (store: IndexStore): string[] => readdirSync(join(store.dataDir, 'builds')).sort();

  it('a write that fails midway (a full disk) removes its partial folder and leaves the current build', async () => {
    const { store, dir } = copyOfIndex('failed-write');
    const before = buildsOf(store);
    const data = await store.read(expected);
    const vectors = Object.create(data.vectors) as IndexData['vectors'];
    vectors.write = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    expect(() => store.write({ ...data, vectors })).toThrow('ENOSPC: no space left on device, write');
    expect(buildsOf(store)).toEqual(before);
    expect(store.currentDir()).toBe(dir);
  });

  it('keeps the current build and the one before it, no more', async () => {
    const { store, dir } = copyOfIndex('keep-two');
    const data = await store.read(expected);
    store.write(data);
    const second = store.currentDir()!;
    store.write(data);
    expect(buildsOf(store)).toEqual([second, store.currentDir()!].map((d) => d.split('/').pop()!).sort());
    expect(buildsOf(store)).not.toContain(dir.split('/').pop());
  });

  it('at start-up removes partial builds of processes that are gone and builds older than the previous one', () => {
    const { store, dir } = copyOfIndex('orphans');
    const builds = join(store.dataDir, 'builds');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    cpSync(dir, join(builds, `aaaa0000-${dead}.partial`), { recursive: true });
    cpSync(dir, join(builds, 'aaaa0001-1'), { recursive: true });
    cpSync(dir, join(builds, 'aaaa0002-1'), { recursive: true });
    cpSync(dir, join(builds, `aaaa0003-${process.pid}.partial`), { recursive: true }); // a build still being written
    writeFileSync(join(store.dataDir, `CURRENT.${dead}.tmp`), 'builds/aaaa0000\n');
    writeFileSync(join(store.dataDir, 'cache', `hash-v1-512.bin.${dead}.tmp`), 'half a cache');
    store.cleanUp();
    expect(buildsOf(store)).toEqual(['aaaa0002-1', `aaaa0003-${process.pid}.partial`, dir.split('/').pop()!].sort());
    expect(readdirSync(store.dataDir).sort()).toEqual(['CURRENT', 'builds', 'cache']);
    expect(readdirSync(join(store.dataDir, 'cache'))).toEqual(['hash-v1-512.bin']);
  });
});

describe('EmbeddingCache through buildIndex', () => {
  it('re-embeds nothing for an unchanged corpus and only the edited chunks after an edit', async () => {
    const dataDir = join(tmp, 'cache-data');
    const editedCorpus = join(tmp, 'cache-corpus');
    cpSync(corpusDir, editedCorpus, { recursive: true });
    const store = new IndexStore(dataDir);
    const first = await buildIndex({ corpusDir: editedCorpus, store, embedder, embeddingModel: null });
    expect(first.summary).toMatchObject({ documents: 1, chunks: 12, embedded: 12, reused: 0, embedderId: 'hash-v1-512', problems: [] });

    const second = await buildIndex({ corpusDir: editedCorpus, store, embedder, embeddingModel: null });
    expect(second.summary).toMatchObject({ chunks: 12, embedded: 0, reused: 12 });

    // One paragraph edited: only the chunk holding it changes.
    const file = join(editedCorpus, 'france-north-korea-relations.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('worth 24 million', 'worth 25 million'));
    const third = await buildIndex({ corpusDir: editedCorpus, store, embedder, embeddingModel: null });
    const text = (d: IndexData, i: number): string => {
      const c = d.chunks[i]!;
      return d.documents.get(c.docId)!.text.slice(c.start, c.end);
    };
    const changed = third.data.chunks.filter((_, i) => text(third.data, i) !== text(second.data, i));
    expect(changed.map((c) => c.section)).toEqual(['Economic relations']);
    expect(third.summary).toMatchObject({ chunks: 12, embedded: 1, reused: 11 });
    // The reused vectors are the ones a fresh embed would give.
    expect(searchResults(third.data)).toEqual(
      searchResults((await buildIndex({ corpusDir: editedCorpus, store: new IndexStore(join(tmp, 'fresh')), embedder, embeddingModel: null })).data),
    );
  });

  it('ignores a damaged cache file and embeds everything again', async () => {
    const dataDir = join(tmp, 'damaged-cache');
    const store = new IndexStore(dataDir);
    await buildIndex({ corpusDir, store, embedder, embeddingModel: null });
    writeFileSync(join(dataDir, 'cache', 'hash-v1-512.bin'), 'garbage');
    const again = await buildIndex({ corpusDir, store, embedder, embeddingModel: null });
    expect(again.summary).toMatchObject({ embedded: 12, reused: 0 });
  });
});
