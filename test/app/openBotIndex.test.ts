import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveIndex } from '../../src/answer/LiveIndex.js';
import { type BotIndex, openBotIndex } from '../../src/app/openBotIndex.js';
import { loadConfig } from '../../src/config/config.js';
import { CorpusEditor } from '../../src/editing/CorpusEditor.js';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';
import type { Logger } from '../../src/logging/Logger.js';
import { SqliteStore } from '../../src/store/SqliteStore.js';

const FILE = 'france-north-korea-relations.txt';
const DOC = 'Quellmar kettles\n\nThe kettles of Quellmar are made of silver and rung like bells at dawn.[1]\n\n  1. ^ Quellmar Gazette, 1998\n';
const DOC_2 = 'Quellmar kettles\n\nThe kettles of Quellmar are made of copper and rung like gongs at dusk.[1]\n\n  1. ^ Quellmar Gazette, 1999\n';
const actor = { id: '1300000000000000001', name: 'mod', guild: '1200000000000000002' };
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('openBotIndex after kill -9 during a corpus change', () => {
  let dir: string;
  let corpusDir: string;
  let dataDir: string;
  let opened: BotIndex | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-recover-'));
    corpusDir = join(dir, 'corpus');
    dataDir = join(dir, 'data');
    mkdirSync(corpusDir);
    copyFileSync(join('corpus', FILE), join(corpusDir, FILE));
  });
  afterEach(async () => {
    await opened?.store.close();
    opened = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const openEngine = async () =>
    (await LiveIndex.open({ corpusDir, dataDir, embedder: new HashEmbedder(), embeddingModel: null, minRelevance: 0.5, passagesPerAnswer: 3 })).liveIndex;
  /** Starts the bot's engine the way `npm start` does: store, recovery, baselines, then the index. */
  const restartWith = async (corpus: string) =>
    (opened = await openBotIndex(loadConfig({ CORPUS_DIR: corpus, DATA_DIR: dataDir, EMBEDDER: 'hash' }, join(dir, 'no.env')), quiet));
  /** Documents each source says are live: the folder, the index, and the store's latest versions. */
  async function liveDocuments({ liveIndex, store }: BotIndex) {
    return {
      folder: readdirSync(corpusDir)
        .map((f) => f.replace(/\.(txt|md)$/, ''))
        .sort(),
      index: liveIndex.answerer
        .listDocuments()
        .map((d) => d.id)
        .sort(),
      store: (await store.latestVersions()).map((v) => v.doc),
    };
  }
  const changes = async (store: BotIndex['store']) => (await store.auditLog()).map((c) => [c.action, c.status, c.reason]).reverse();

  /** Runs a change in a child process and SIGKILLs it once the rebuild is under way. */
  async function killDuring(action: 'add' | 'update' | 'remove', ...args: string[]): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('test/support/changeThenHang.ts'), action, corpusDir, dataDir, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise((done) => child.on('exit', (_code, signal) => done(signal)));
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('rebuilding')) done();
        if (d.toString().includes('finished')) fail(new Error('the change finished before it could be killed'));
      });
      child.on('exit', (code) => fail(new Error(`child exited (${code}) before rebuilding: ${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
  }

  /** Adds `kettles.txt` through the editor, as a moderator did before the crash. */
  async function addKettles(): Promise<void> {
    const store = await SqliteStore.open({ dataDir, retentionDays: 90 });
    await new CorpusEditor(corpusDir, await openEngine(), store).add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor });
    await store.close();
  }

  it('rolls back an add: folder, index and store agree', async () => {
    await openEngine();
    await killDuring('add', 'kettles.txt', DOC);
    expect(readdirSync(corpusDir).sort()).toEqual([FILE, 'kettles.txt']);

    const bot = await restartWith(corpusDir);

    expect(await liveDocuments(bot)).toEqual({
      folder: ['france-north-korea-relations'],
      index: ['france-north-korea-relations'],
      store: ['france-north-korea-relations'],
    });
    expect(await changes(bot.store)).toEqual([['add', 'rolled_back', 'the bot stopped before the change finished; "kettles.txt" was removed again']]);
  });

  it('rolls back an update to the version before it', async () => {
    await addKettles();
    await killDuring('update', 'kettles', DOC_2);
    expect(readFileSync(join(corpusDir, 'kettles.txt'), 'utf8')).toBe(DOC_2);

    const bot = await restartWith(corpusDir);

    expect(readFileSync(join(corpusDir, 'kettles.txt'), 'utf8')).toBe(DOC);
    expect(await liveDocuments(bot)).toMatchObject({ index: ['france-north-korea-relations', 'kettles'] });
    expect((await bot.liveIndex.answerer.answer('What are the kettles of Quellmar made of?', 1)).passages[0]?.text).toContain('silver');
    expect(await changes(bot.store)).toEqual([
      ['add', 'done', undefined],
      ['update', 'rolled_back', 'the bot stopped before the change finished; "kettles.txt" was restored to version 1'],
    ]);
    expect((await bot.store.history('kettles')).total).toBe(1);
  });

  it('puts a removed file back from the store', async () => {
    await addKettles();
    await killDuring('remove', 'kettles');
    expect(readdirSync(corpusDir)).toEqual([FILE]);

    const bot = await restartWith(corpusDir);

    expect(await liveDocuments(bot)).toEqual({
      folder: ['france-north-korea-relations', 'kettles'],
      index: ['france-north-korea-relations', 'kettles'],
      store: ['france-north-korea-relations', 'kettles'],
    });
    expect(readFileSync(join(corpusDir, 'kettles.txt'), 'utf8')).toBe(DOC);
    expect((await changes(bot.store)).map(([action, status]) => `${status} ${action}`)).toEqual(['done add', 'rolled_back remove']);
  });

  it('records a baseline of every document on the first start, and refuses a missing corpus folder with the key to set', async () => {
    const bot = await restartWith(corpusDir);
    expect((await bot.store.latestVersions()).map((v) => [v.doc, v.version, v.action, v.actor.name])).toEqual([
      ['france-north-korea-relations', 1, 'baseline', 'corpus folder'],
    ]);
    await bot.store.close();
    opened = undefined;

    await expect(restartWith(join(dir, 'no-corpus'))).rejects.toThrow(/^corpus_missing: corpus: folder ".*no-corpus" cannot be read; set CORPUS_DIR/);
  });
});
