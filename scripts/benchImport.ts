// npm run bench:import -- [--file test/fixtures/wikitext/United-Kingdom.wikitext] [--title "United Kingdom"] [--embedder hash|auto]
// Measures importing one real article: importWikipedia (parse and format; the API is a stub in
// this process, so no network), the atomic write, then `npm run build:index` on a corpus of the
// seed article plus the import (first the seed alone, so the second build embeds only the import).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpusFile } from '../src/cli/writeCorpusFile.js';
import { parseDocument } from '../src/corpus/parseDocument.js';
import { sentenceTexts } from '../src/corpus/diffDocuments.js';
import { previewChange } from '../src/editing/ChangePreview.js';
import { importWikipedia } from '../src/wikipedia/importWikipedia.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: 'test/fixtures/wikitext/United-Kingdom.wikitext' },
    title: { type: 'string', default: 'United Kingdom' },
    embedder: { type: 'string', default: 'hash' },
  },
});
const wikitext = readFileSync(resolve(values.file), 'utf8');
const title = values.title;
// The Action API's answer for the page, as formatversion=2 shapes it.
const stubFetch = (async () =>
  new Response(
    JSON.stringify({
      query: { pages: [{ ns: 0, title, revisions: [{ revid: 1, timestamp: '2017-06-01T10:20:30Z', slots: { main: { content: wikitext } } }] }] },
    }),
    { headers: { 'content-type': 'application/json' } },
  )) as typeof fetch;

const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
const corpusDir = join(dir, 'corpus');
const dataDir = join(dir, 'data');
mkdirSync(dataDir);
cpSync(resolve('corpus'), corpusDir, { recursive: true });
const env = { ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: dataDir, EMBEDDER: values.embedder };
const build = (): { seconds: number; summary: string } => {
  const started = performance.now();
  const run = spawnSync('npm', ['run', '--silent', 'build:index'], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build:index failed: ${run.stderr}`);
  return { seconds: (performance.now() - started) / 1000, summary: run.stdout.trim() };
};

try {
  const seedOnly = build();
  const started = performance.now();
  const imported = await importWikipedia(`https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`, {
    apiUrl: 'http://127.0.0.1:9/w/api.php',
    fetch: stubFetch,
  });
  const importMs = performance.now() - started;
  const writeStarted = performance.now();
  await writeCorpusFile(corpusDir, imported.fileName, imported.text, { replace: false });
  const writeMs = performance.now() - writeStarted;
  const withImport = build();
  // The /corpus update preview of a next revision: one sentence in ten reworded.
  const sentences = sentenceTexts(imported.document);
  let revised = imported.text;
  for (const sentence of sentences.filter((_, i) => i % 10 === 5)) revised = revised.replace(sentence, `${sentence.slice(0, -1)}, as revised.`);
  const previewStarted = performance.now();
  const preview = previewChange('update', imported.document, parseDocument(imported.fileName, Buffer.from(revised)), { from: {}, to: {} });
  const previewMs = performance.now() - previewStarted;
  const m = imported.metadata;
  const lines = [
    `article           ${m.title}: ${(wikitext.length / 1024).toFixed(0)} KB of wikitext → ${(imported.text.length / 1024).toFixed(0)} KB of corpus text`,
    `document          ${m.sections} sections, ${m.sentences} sentences, ${m.references} references (${m.linkedReferences} with a URL)`,
    `parse + format    ${m.parseMs.toFixed(0)} ms (importWikipedia in all: ${importMs.toFixed(0)} ms, stub API)`,
    `write             ${writeMs.toFixed(1)} ms (atomic, flushed)`,
    `update preview    ${previewMs.toFixed(0)} ms to parse a revision with ${preview.diff.sentencesChanged.length} of ${sentences.length} sentences changed, compare it and count its chunks (${preview.chunks.newText} of ${preview.chunks.total} with new text)`,
    `build:index       ${seedOnly.seconds.toFixed(2)} s wall for the seed article alone`,
    `build:index       ${withImport.seconds.toFixed(2)} s wall with the import (embedder ${values.embedder}); its summary:`,
    ...withImport.summary.split('\n').map((l) => `    ${l}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
