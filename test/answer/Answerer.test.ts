import { describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/Answerer.js';
import type { Answer, Passage } from '../../src/answer/types.js';
import { chunkDocument, embeddingText } from '../../src/chunking/chunkDocument.js';
import { parseDocument } from '../../src/corpus/parseDocument.js';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';
import { HnswIndex } from '../../src/index/HnswIndex.js';
import { SCHEMA_VERSION } from '../../src/index/IndexManifest.js';
import type { IndexData } from '../../src/index/IndexStore.js';
import { LexicalIndex } from '../../src/index/LexicalIndex.js';
import { Retriever } from '../../src/retrieval/Retriever.js';

const KETTLES = [
  '# Kettles',
  '',
  'The electric kettle was patented in 1891 by Arthur Leslie Large.[^1] Early models took twelve minutes to boil.',
  '',
  'Kettles with automatic switches appeared in 1955. They turn off when the water boils.[^2]',
  '',
  '## Safety',
  '',
  'Steam burns from kettles are common in kitchens.[^citation needed]',
  '',
  '[^1]: Patent Office, "Electric kettle", 1891.',
  '[^2]: Jones, "Home appliances", 1960.',
  '',
].join('\n');

const LIGHTHOUSES = ['# Lighthouses', '', 'The lighthouse at Pharos was built around 280 BC.[^1]', '', '[^1]: Strabo, Geography.', ''].join('\n');

/** A tiny index built in memory, the way a build makes one, for the answerer to read. */
async function tinyIndex(files: Record<string, string>): Promise<IndexData> {
  const embedder = new HashEmbedder();
  const documents = Object.entries(files).map(([name, text]) => parseDocument(name, Buffer.from(text)));
  const chunks = documents.flatMap((d) => chunkDocument(d));
  const byId = new Map(documents.map((d) => [d.id, d]));
  const vectors = await embedder.embed(chunks.map((c) => embeddingText(c, byId.get(c.docId)!.text)));
  return {
    manifest: {
      schemaVersion: SCHEMA_VERSION,
      embedderId: embedder.id,
      model: null,
      dimension: embedder.dimension,
      corpusHash: 'test',
      builtAt: '2026-01-01T00:00:00.000Z',
      documentCount: documents.length,
      chunkCount: chunks.length,
      hnsw: { m: 16, efConstruction: 50, efSearch: 50 },
      files: {},
      problems: [],
    },
    documents: byId,
    chunks,
    vectors: HnswIndex.build(vectors, embedder.dimension),
    lexical: LexicalIndex.build(
      chunks,
      chunks.map((c) => byId.get(c.docId)!.text.slice(c.start, c.end)),
    ),
  };
}

async function answererFor(files: Record<string, string>): Promise<Answerer> {
  const data = await tinyIndex(files);
  return new Answerer(data, new Retriever(data, new HashEmbedder()), { minRelevance: 0.5, minKeyShare: 0.5, passagesPerAnswer: 3 });
}

const NOTHING_READ = { corrected: [], expanded: [], translated: [] };
const PATENT: Passage = {
  docId: 'kettles',
  title: 'Kettles',
  section: 'Introduction',
  text: 'The electric kettle was patented in 1891 by Arthur Leslie Large.[^1]',
  start: 11,
  end: 79,
  score: 1.29,
  footnotes: [{ n: 1, text: 'Patent Office, "Electric kettle", 1891.' }],
  citationNeeded: false,
};

describe('Answerer', async () => {
  const answerer = await answererFor({ 'kettles.md': KETTLES, 'lighthouses.md': LIGHTHOUSES });

  it('answers with the passage, its offsets, score and the footnote its sentence carries', async () => {
    const answer = await answerer.answer('Who patented the electric kettle?');
    expect(answer).toEqual<Answer>({
      question: 'Who patented the electric kettle?',
      answered: true,
      passages: [PATENT],
      reading: { ...NOTHING_READ, keyTerms: ['patented', 'electric', 'kettle'], missing: [] },
    });
  });

  it('declines a question the corpus has nothing on, saying which key word it lacks', async () => {
    expect(await answerer.answer('  What is the capital of Peru?  ')).toEqual<Answer>({
      question: 'What is the capital of Peru?',
      answered: false,
      passages: [],
      reading: { ...NOTHING_READ, keyTerms: ['capital'], missing: ['capital'] },
    });
  });

  it("flags a quote whose parsed sentence needs a citation, in Markdown's [^citation needed] form too", async () => {
    const answer = await answerer.answer('Are steam burns from kettles common?');
    expect(answer.passages[0]).toEqual<Passage>({
      docId: 'kettles',
      title: 'Kettles',
      section: 'Safety',
      text: 'Steam burns from kettles are common in kitchens.[^citation needed]',
      start: 225,
      end: 291,
      score: 1.29,
      footnotes: [],
      citationNeeded: true,
    });
  });

  it('takes footnotes from the parsed sentences: a marker closing the paragraph supports the quote before it', async () => {
    const answer = await answerer.answer('When did kettles with automatic switches appear?');
    expect(answer.passages[0]).toEqual<Passage>({
      docId: 'kettles',
      title: 'Kettles',
      section: 'Introduction',
      text: 'Kettles with automatic switches appeared in 1955.',
      start: 123,
      end: 172,
      score: 1.29,
      footnotes: [{ n: 2, text: 'Jones, "Home appliances", 1960.' }],
      citationNeeded: false,
    });
  });

  it('follows the best passage with one from another document only when it addresses every key word the best one does', async () => {
    const TOASTERS = ['# Toasters', '', 'The electric toaster was patented in 1909.[^1]', '', '[^1]: GE, catalogue.', ''].join('\n');
    const withToasters = await answererFor({ 'kettles.md': KETTLES, 'toasters.md': TOASTERS });
    // The toaster sentence holds "electric" and "patented", enough on its own, but not "kettle".
    const toaster = await withToasters.answer('Who patented the electric toaster?');
    expect(toaster.passages.map((p) => p.docId)).toEqual(['toasters']);
    const kettle = await withToasters.answer('Who patented the electric kettle?');
    expect(kettle.passages.map((p) => p.text)).toEqual([PATENT.text]);
    const explained = await withToasters.explain('Who patented the electric kettle?');
    expect(explained.candidates.some((c) => c.docId === 'toasters' && c.missing.join() === 'kettle')).toBe(true);
  });

  it('quotes only verbatim slices of the document, and no more passages than asked for', async () => {
    for (const question of ['Who patented the electric kettle?', 'When was the kettle patented?', 'Are steam burns from kettles common?']) {
      const answer = await answerer.answer(question, 1);
      expect(answer.passages.length).toBeLessThanOrEqual(1);
      for (const p of answer.passages) expect(KETTLES.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('explains the decision and the candidates behind an answer', async () => {
    const explanation = await answerer.explain('Who patented the electric kettle?');
    expect(explanation.answer.passages).toEqual([PATENT]);
    expect(explanation.decision).toMatchObject({ answered: true, reason: 'answered', missing: [] });
    expect(explanation.candidates[0]).toEqual({
      docId: 'kettles',
      section: 'Introduction',
      text: PATENT.text,
      score: 1.29,
      keyCoverage: 1,
      keyShare: 1,
      coverage: 1,
      missing: [],
      holdsAnswerKind: true,
    });
  });

  it('refuses an empty question with bad_question', async () => {
    await expect(answerer.answer('   ')).rejects.toMatchObject({
      code: 'bad_question',
      detail: 'question: is empty; ask something, e.g. "Does France recognise North Korea?"',
    });
  });

  it('lists the documents by title, with their reference lists and citations', () => {
    expect(answerer.listDocuments()).toEqual([
      { id: 'kettles', title: 'Kettles', sections: 2, references: 2, characters: KETTLES.length, headings: ['Introduction', 'Safety'] },
      { id: 'lighthouses', title: 'Lighthouses', sections: 1, references: 1, characters: LIGHTHOUSES.length, headings: ['Introduction'] },
    ]);
    expect(answerer.references('lighthouses')).toEqual([{ n: 1, text: 'Strabo, Geography.' }]);
    expect(answerer.references('unknown')).toEqual([]);
    expect(answerer.cite(1).map((c) => c.docId)).toEqual(['kettles', 'lighthouses']);
    expect(answerer.cite(1, 'lighthouses')).toEqual([
      {
        docId: 'lighthouses',
        title: 'Lighthouses',
        n: 1,
        text: 'Strabo, Geography.',
        passages: [{ section: 'Introduction', text: 'The lighthouse at Pharos was built around 280 BC.[^1]', start: 15, end: 68 }],
      },
    ]);
  });
});
