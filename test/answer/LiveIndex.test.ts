import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LiveIndex, type LiveIndexOptions } from '../../src/answer/LiveIndex.js';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';

const tmp = mkdtempSync(join(tmpdir(), 'engine-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('LiveIndex.open', () => {
  it('builds when there is no index, loads it next time, and rebuilds a stale one before answering', async () => {
    const corpusDir = join(tmp, 'corpus');
    cpSync(new URL('../../corpus', import.meta.url).pathname, corpusDir, { recursive: true });
    const reasons: string[] = [];
    const options: LiveIndexOptions = {
      corpusDir,
      dataDir: join(tmp, 'data'),
      embedder: new HashEmbedder(),
      embeddingModel: null,
      minRelevance: 0.5,
      passagesPerAnswer: 3,
      onBuild: (reason) => reasons.push(reason),
    };
    expect((await LiveIndex.open(options)).built?.chunks).toBe(12);
    expect((await LiveIndex.open(options)).built).toBeUndefined();

    const file = join(corpusDir, 'france-north-korea-relations.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('54 North Koreans', '55 North Koreans'));
    const { liveIndex, built } = await LiveIndex.open(options);
    expect(built).toBeDefined();
    expect(reasons).toEqual(['no index yet', 'the corpus changed since the last build']);
    const answer = await liveIndex.answerer.answer('How many North Koreans were living in France in 2005?', 1);
    expect(answer.passages[0]?.text).toContain('55 North Koreans living in France');
  });

  it('refuses a bad question with the exact message', async () => {
    const { liveIndex } = await LiveIndex.open({
      corpusDir: join(tmp, 'corpus'),
      dataDir: join(tmp, 'data'),
      embedder: new HashEmbedder(),
      embeddingModel: null,
      minRelevance: 0.5,
      passagesPerAnswer: 3,
    });
    await expect(liveIndex.answerer.answer(' ')).rejects.toThrow('bad_question: question: is empty; ask something, e.g. "Does France recognise North Korea?"');
    await expect(liveIndex.answerer.answer('x'.repeat(501))).rejects.toThrow('bad_question: question: is 501 characters long; the limit is 500');
  });

  it('refuses a damaged index with the fix, or rebuilds it when asked to (the bot), never handing it to hnswlib', async () => {
    const corpusDir = join(tmp, 'corpus');
    const dataDir = join(tmp, 'damaged');
    const reasons: string[] = [];
    const options: LiveIndexOptions = {
      corpusDir,
      dataDir,
      embedder: new HashEmbedder(),
      embeddingModel: null,
      minRelevance: 0.5,
      passagesPerAnswer: 3,
      onBuild: (r) => reasons.push(r),
    };
    await LiveIndex.open(options);
    const build = join(dataDir, 'builds', readdirSync(join(dataDir, 'builds'))[0]!);
    const vectors = readFileSync(join(build, 'vectors.hnsw'));
    vectors[Math.floor(vectors.length / 2)]! ^= 0xff;
    writeFileSync(join(build, 'vectors.hnsw'), vectors);
    const damaged = `index_corrupt: index: "${join(build, 'vectors.hnsw')}" does not match the CRC-32 in its manifest (damaged or edited); run \`npm run build:index\` to rebuild it`;

    await expect(LiveIndex.open(options)).rejects.toThrow(damaged);
    const { liveIndex, built } = await LiveIndex.open({ ...options, rebuildDamaged: true });
    expect(built?.chunks).toBe(12);
    expect(reasons.at(-1)).toBe(`the index is damaged: ${damaged}`);
    expect((await liveIndex.answerer.answer('Does France recognise North Korea?', 1)).passages[0]?.text).toContain('not to recognise North Korea');
  });
});

describe('answer passages', () => {
  it('flag a Markdown [^citation needed] claim from the parser, as the Wikipedia form is', async () => {
    const corpusDir = join(tmp, 'markdown-corpus');
    mkdirSync(corpusDir);
    writeFileSync(
      join(corpusDir, 'kettles.md'),
      '# Zorbian kettles\n\n## History\n\nThe silver kettles of Quellmar were first cast by travelling monks.[^citation needed] Each kettle holds nine cups.[^1]\n\n[^1]: Quellmar Gazette, 1998\n',
    );
    const { liveIndex } = await LiveIndex.open({
      corpusDir,
      dataDir: join(tmp, 'markdown-data'),
      embedder: new HashEmbedder(),
      embeddingModel: null,
      minRelevance: 0.3,
      passagesPerAnswer: 3,
    });
    const [passage] = (await liveIndex.answerer.answer('Who first cast the silver kettles of Quellmar?', 1)).passages;
    expect(passage?.text).toContain('first cast by travelling monks.[^citation needed]');
    expect(passage?.citationNeeded).toBe(true);
  });
});
