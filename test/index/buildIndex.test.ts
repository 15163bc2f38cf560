import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';
import { buildIndex } from '../../src/index/buildIndex.js';
import { type IndexData, IndexStore } from '../../src/index/IndexStore.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const embedder = new HashEmbedder();
const expected = { embedderId: embedder.id, dimension: embedder.dimension };
const QUERIES = ['Does France recognise North Korea?', 'Zorbian tea ceremony kettles', 'silver bells of Quellmar', 'exports in 2005'];
const STEMS = [
  [{ stem: 'franc', weight: 1 }],
  [
    { stem: 'kettl', weight: 1 },
    { stem: 'silver', weight: 1 },
  ],
  [{ stem: 'ceremoni', weight: 1 }],
];

const doc = (title: string, body: string): string => `# ${title}\n\n## About\n\n${body}\n`;
const TEA = doc('Zorbian tea', 'The Zorbian tea ceremony is performed with silver kettles on the island of Quellmar. It lasts forty minutes.');
const BELLS = doc('Quellmar bells', 'The bells of Quellmar are cast in silver and rung at every tea ceremony. They weigh a ton.');
const LAMPS = doc('Quellmar lamps', 'Oil lamps light the harbour of Quellmar through the winter. Their glass is green.');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'build-index-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function corpus(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  cpSync(join(ROOT, 'corpus'), dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** What retrieval sees, by chunk text rather than position (positions differ between builds). */
function seen(data: IndexData): unknown {
  const text = (label: number): string => {
    const c = data.chunks[label]!;
    return data.documents.get(c.docId)!.text.slice(c.start, c.end);
  };
  return {
    documents: [...data.documents.keys()].sort(),
    chunks: data.chunks.map((_, i) => text(i)).sort(),
    vectors: QUERIES.map((q) => data.vectors.search(embedder.embedOne(q), 3).map((n) => ({ text: text(n.label), score: n.score.toFixed(5) }))),
    lexical: STEMS.map((terms) =>
      data.lexical
        .queryGroups(
          terms.map((t) => [{ terms: [t.stem], weight: t.weight }]),
          3,
        )
        .map((h) => ({ text: text(h.label), score: h.score.toFixed(9) })),
    ),
    df: ['quellmar', 'silver', 'franc', 'kettl'].map((s) => data.lexical.documentFrequency(s)),
  };
}

async function fullBuild(dir: string): Promise<IndexData> {
  return (await buildIndex({ corpusDir: dir, store: new IndexStore(join(tmp, `fresh-${Math.random()}`)), embedder, embeddingModel: null })).data;
}

describe('buildIndex updates the current build', () => {
  it('removes a document without rebuilding: the same results as a full build of what is left', async () => {
    const dir = corpus('remove', { 'tea.md': TEA, 'bells.md': BELLS, 'lamps.md': LAMPS });
    const store = new IndexStore(join(tmp, 'remove-data'));
    const first = await buildIndex({ corpusDir: dir, store, embedder, embeddingModel: null });
    unlinkSync(join(dir, 'tea.md'));
    const { data, summary } = await buildIndex({ corpusDir: dir, store, embedder, embeddingModel: null });
    expect(summary).toMatchObject({ incremental: true, documents: 3, embedded: 0, removed: first.data.chunks.length - data.chunks.length });
    expect(summary.removed).toBeGreaterThan(0);
    expect(data.vectors.deleted).toBe(summary.removed);
    expect(seen(data)).toEqual(seen(await fullBuild(dir)));
    expect(seen(await store.read(expected))).toEqual(seen(data));
  });

  it('replaces a changed document: old chunks out, new ones in, the others kept', async () => {
    const dir = corpus('replace', { 'tea.md': TEA, 'bells.md': BELLS, 'lamps.md': LAMPS });
    const store = new IndexStore(join(tmp, 'replace-data'));
    await buildIndex({ corpusDir: dir, store, embedder, embeddingModel: null });
    writeFileSync(join(dir, 'tea.md'), TEA.replace('forty minutes', 'two whole hours'));
    const { data, summary } = await buildIndex({ corpusDir: dir, store, embedder, embeddingModel: null });
    expect(summary).toMatchObject({ incremental: true, documents: 4, embedded: 1, removed: 1 });
    const tea = data.documents.get('tea')!;
    expect(tea.text).toContain('two whole hours');
    expect(seen(data)).toEqual(seen(await fullBuild(dir)));
    expect(seen(await store.read(expected))).toEqual(seen(data));

    // Once more on the build read back from disk, deleted points and saved labels included.
    unlinkSync(join(dir, 'bells.md'));
    writeFileSync(join(dir, 'tea.md'), TEA);
    const again = await buildIndex({ corpusDir: dir, store, embedder, embeddingModel: null });
    expect(again.summary).toMatchObject({ incremental: true, documents: 3, removed: 2 });
    expect(again.data.vectors.deleted).toBe(3);
    expect(seen(again.data)).toEqual(seen(await fullBuild(dir)));
  });

  it('rebuilds in full once deleted points would pass a fifth of the graph', async () => {
    const dir = corpus('compact', { 'tea.md': TEA });
    const store = new IndexStore(join(tmp, 'compact-data'));
    await buildIndex({ corpusDir: dir, store, embedder, embeddingModel: null });
    // The article is 12 of 13 chunks.
    unlinkSync(join(dir, 'france-north-korea-relations.txt'));
    const { data, summary } = await buildIndex({ corpusDir: dir, store, embedder, embeddingModel: null });
    expect(summary).toMatchObject({ incremental: false, documents: 1, removed: 0 });
    expect(data.vectors.deleted).toBe(0);
  });

  it('names a document over the limits in problems and indexes the others', async () => {
    const dir = corpus('limits', {
      'tea.md': TEA,
      'many.md': `# Many\n\n${Array.from({ length: 9 }, (_, i) => `## h${i}\n\nSentence ${i} here.\n`).join('\n')}`,
    });
    const limits = { sections: 5, sentences: 1000, chunks: 100, lineChars: 20_000 };
    const { summary } = await buildIndex({ corpusDir: dir, store: new IndexStore(join(tmp, 'limits-data')), embedder, embeddingModel: null, limits });
    expect(summary.documents).toBe(2);
    expect(summary.problems).toEqual([
      'document_too_large: corpus: "many.md" has 9 sections; the limit is MAX_DOC_SECTIONS=5 (split the document, or raise the limit in .env)',
    ]);
    const tooManyChunks = await buildIndex({
      corpusDir: dir,
      store: new IndexStore(join(tmp, 'limits-chunks')),
      embedder,
      embeddingModel: null,
      limits: { ...limits, sections: 50, chunks: 10 },
    });
    expect(tooManyChunks.summary.problems).toEqual([
      'document_too_large: corpus: "france-north-korea-relations.txt" has 12 chunks; the limit is MAX_DOC_CHUNKS=10 (split the document, or raise the limit in .env)',
    ]);
    expect(readFileSync(join(dir, 'many.md'), 'utf8')).toContain('## h8');
  });

  it('a build that cannot be written (a full disk) leaves the current build and the embedding cache as they were', async () => {
    const dir = corpus('full-disk', {});
    const dataDir = join(tmp, 'full-disk-data');
    await buildIndex({ corpusDir: dir, store: new IndexStore(dataDir), embedder, embeddingModel: null });
    const cacheFile = join(dataDir, 'cache', 'hash-v1-512.bin');
    const cacheBefore = readFileSync(cacheFile);
    const current = new IndexStore(dataDir).currentDir();
    class FullDisk extends IndexStore {
      override write(): void {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
    }
    writeFileSync(join(dir, 'tea.md'), TEA);
    await expect(buildIndex({ corpusDir: dir, store: new FullDisk(dataDir), embedder, embeddingModel: null })).rejects.toThrow('ENOSPC');
    expect(readFileSync(cacheFile)).toEqual(cacheBefore);
    expect(new IndexStore(dataDir).currentDir()).toBe(current);
  });
});
