import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveIndex } from '../../src/answer/LiveIndex.js';
import { openBotIndex } from '../../src/app/openBotIndex.js';
import { ChangeJournal } from '../../src/bot/ChangeJournal.js';
import { CorpusEditor } from '../../src/bot/CorpusEditor.js';
import { recoverCorpusChanges } from '../../src/bot/recoverCorpusChanges.js';
import { loadConfig } from '../../src/config/config.js';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';
import type { Logger } from '../../src/logging/Logger.js';

const FILE = 'france-north-korea-relations.txt';
const DOC = 'Quellmar kettles\n\nThe kettles of Quellmar are made of silver and rung like bells at dawn.[1]\n\n  1. ^ Quellmar Gazette, 1998\n';
const actor = { id: '1300000000000000001', name: 'mod', guild: '1200000000000000002' };
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('recoverCorpusChanges', () => {
  let dir: string;
  let corpusDir: string;
  let dataDir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-recover-'));
    corpusDir = join(dir, 'corpus');
    dataDir = join(dir, 'data');
    mkdirSync(corpusDir);
    copyFileSync(join('corpus', FILE), join(corpusDir, FILE));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const openLiveIndex = async () =>
    (await LiveIndex.open({ corpusDir, dataDir, embedder: new HashEmbedder(), embeddingModel: null, minRelevance: 0.5, passagesPerAnswer: 3 })).liveIndex;
  /** Starts the bot's engine the way `npm start` does: recovery, then the index. */
  const restartWith = (corpus: string) => openBotIndex(loadConfig({ CORPUS_DIR: corpus, DATA_DIR: dataDir, EMBEDDER: 'hash' }, join(dir, 'no.env')), quiet);
  const restart = () => restartWith(corpusDir);
  const auditLines = () =>
    readFileSync(join(dataDir, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: string; action: string; doc: string; change: string; reason?: string });
  /** Documents each source says are live: the folder, the index, and the audit log's settled changes. */
  async function liveDocuments(liveIndex: LiveIndex) {
    const done = new Set<string>(['france-north-korea-relations']);
    for (const l of auditLines().filter((l) => l.status === 'done')) {
      if (l.action === 'add') done.add(l.doc);
      else done.delete(l.doc);
    }
    return {
      folder: readdirSync(corpusDir)
        .map((f) => f.replace(/\.(txt|md)$/, ''))
        .sort(),
      index: liveIndex.answerer
        .listDocuments()
        .map((d) => d.id)
        .sort(),
      audit: [...done].sort(),
    };
  }

  /** Runs a change in a child process and SIGKILLs it once the rebuild is under way. */
  async function killDuring(action: 'add' | 'remove', ...args: string[]): Promise<void> {
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

  it('after kill -9 during an add, the restart rolls it back: folder, index and audit log agree', async () => {
    await openLiveIndex();
    await killDuring('add', 'kettles.txt', DOC);
    expect(readdirSync(corpusDir).sort()).toEqual([FILE, 'kettles.txt']);
    expect(auditLines().map((l) => l.status)).toEqual(['pending']);

    const liveIndex = await restart();

    expect(await liveDocuments(liveIndex)).toEqual({
      folder: ['france-north-korea-relations'],
      index: ['france-north-korea-relations'],
      audit: ['france-north-korea-relations'],
    });
    const lines = auditLines();
    expect(lines.map((l) => [l.status, l.action, l.doc])).toEqual([
      ['pending', 'add', 'kettles'],
      ['rolled_back', 'add', 'kettles'],
    ]);
    expect(lines[1]?.change).toBe(lines[0]?.change);
    expect(lines[1]?.reason).toBe('the bot stopped before the change finished; "kettles.txt" was removed again');
  });

  it('after kill -9 during a removal, the restart puts the file back: folder, index and audit log agree', async () => {
    await new CorpusEditor(corpusDir, await openLiveIndex(), new ChangeJournal(dataDir)).add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor });
    await killDuring('remove', 'kettles');
    expect(readdirSync(corpusDir)).toEqual([FILE]);

    const liveIndex = await restart();

    expect(await liveDocuments(liveIndex)).toEqual({
      folder: ['france-north-korea-relations', 'kettles'],
      index: ['france-north-korea-relations', 'kettles'],
      audit: ['france-north-korea-relations', 'kettles'],
    });
    expect(readFileSync(join(corpusDir, 'kettles.txt'), 'utf8')).toBe(DOC);
    expect(auditLines().map((l) => `${l.status} ${l.action}`)).toEqual(['pending add', 'done add', 'pending remove', 'rolled_back remove']);
    expect(existsSync(join(dataDir, 'corpus-pending'))).toBe(false);
  });

  it('leaves an added file whose content is not the recorded one, and removes stray temp files', async () => {
    const journal = new ChangeJournal(dataDir);
    const record = { change: 'c0ffee', action: 'add' as const, doc: 'kettles', file: 'kettles.txt', sha256: '0'.repeat(64), bytes: 3, actor };
    await journal.begin(record);
    writeFileSync(join(corpusDir, 'kettles.txt'), DOC);
    writeFileSync(join(corpusDir, '.upload-0123abcd.tmp'), 'half');

    const recovered = await recoverCorpusChanges(corpusDir, journal);

    expect(recovered.map((r) => r.detail)).toEqual(['"kettles.txt" holds other content, so it was left in place']);
    expect(readdirSync(corpusDir).sort()).toEqual([FILE, 'kettles.txt']);
    expect(await journal.pending()).toEqual([]);
  });

  it('leaves a missing corpus folder for loading to report, with the key to set', async () => {
    await expect(recoverCorpusChanges(join(dir, 'no-corpus'), new ChangeJournal(dataDir))).resolves.toEqual([]);
    await expect(restartWith(join(dir, 'no-corpus'))).rejects.toThrow(/^corpus_missing: corpus: folder ".*no-corpus" cannot be read; set CORPUS_DIR/);
  });

  it('finds nothing to do when every change was settled, and ignores a line torn by a crash', async () => {
    const journal = new ChangeJournal(dataDir);
    await new CorpusEditor(corpusDir, await openLiveIndex(), journal).add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor });
    writeFileSync(join(dataDir, 'audit.jsonl'), `${readFileSync(join(dataDir, 'audit.jsonl'), 'utf8')}{"time":"2026-`);

    expect(await recoverCorpusChanges(corpusDir, journal)).toEqual([]);
    expect(readdirSync(corpusDir).sort()).toEqual([FILE, 'kettles.txt']);
  });
});
