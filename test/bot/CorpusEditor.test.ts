import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveIndex } from '../../src/answer/LiveIndex.js';
import { CorpusEditor, safeFileName } from '../../src/bot/CorpusEditor.js';
import { ChangeJournal } from '../../src/bot/ChangeJournal.js';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';

const FILE = 'france-north-korea-relations.txt';
const DOC = 'Quellmar kettles\n\nThe kettles of Quellmar are made of silver and rung like bells at dawn.[1]\n\n  1. ^ Quellmar Gazette, 1998\n';
const actor = { id: '1300000000000000001', name: 'mod', guild: '1200000000000000002' };

describe('CorpusEditor', () => {
  let dir: string;
  let corpusDir: string;
  let liveIndex: LiveIndex;
  let audit: ChangeJournal;
  const auditLines = () =>
    readFileSync(audit.auditPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-editor-'));
    corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir);
    copyFileSync(join('corpus', FILE), join(corpusDir, FILE));
    ({ liveIndex } = await LiveIndex.open({
      corpusDir,
      dataDir: join(dir, 'data'),
      embedder: new HashEmbedder(),
      embeddingModel: null,
      minRelevance: 0.5,
      passagesPerAnswer: 3,
    }));
    audit = new ChangeJournal(join(dir, 'data'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a document with a given title, rebuilding with only the new chunks embedded', async () => {
    const change = await new CorpusEditor(corpusDir, liveIndex, audit).add({
      fileName: 'kettles.txt',
      bytes: Buffer.from(DOC),
      title: 'Silver kettles',
      actor,
    });

    expect(change.doc).toEqual({ id: 'kettles', title: 'Silver kettles' });
    expect(change.build.documents).toBe(2);
    expect(change.build.reused).toBeGreaterThan(0);
    expect(change.build.embedded).toBe(change.build.chunks - change.build.reused);
    expect(readdirSync(corpusDir).sort()).toEqual([FILE, 'kettles.txt']);
    expect(liveIndex.answerer.listDocuments().map((d) => d.id)).toEqual(['france-north-korea-relations', 'kettles']);
  });

  it('removes the new file again when the rebuild fails, leaving the corpus unchanged', async () => {
    const failing = { answerer: liveIndex.answerer, rebuild: () => Promise.reject(new Error('disk full')) };

    await expect(new CorpusEditor(corpusDir, failing, audit).add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor })).rejects.toThrow('disk full');

    expect(readdirSync(corpusDir)).toEqual([FILE]);
  });

  it('puts a removed file back when the rebuild fails', async () => {
    const editor = new CorpusEditor(corpusDir, liveIndex, audit);
    await editor.add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor });
    const failing = { answerer: liveIndex.answerer, rebuild: () => Promise.reject(new Error('disk full')) };

    await expect(new CorpusEditor(corpusDir, failing, audit).remove('kettles', actor)).rejects.toThrow('disk full');

    expect(readFileSync(join(corpusDir, 'kettles.txt'), 'utf8')).toBe(DOC);
  });

  it('records a failed rebuild as failed after its intent', async () => {
    const failing = { answerer: liveIndex.answerer, rebuild: () => Promise.reject(new Error('disk full')) };

    await expect(new CorpusEditor(corpusDir, failing, audit).add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor })).rejects.toThrow('disk full');

    expect(auditLines().map((l) => [l.status, l.reason])).toEqual([
      ['pending', undefined],
      ['failed', 'disk full'],
    ]);
  });

  it('refuses a change the audit log cannot record, before anything goes live', async () => {
    mkdirSync(audit.auditPath, { recursive: true }); // a folder where the log should be: appends fail
    let rebuilds = 0;
    const counting = { answerer: liveIndex.answerer, rebuild: () => (rebuilds++, liveIndex.rebuild()) };

    await expect(new CorpusEditor(corpusDir, counting, audit).add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor })).rejects.toThrow(
      'audit_unwritable: corpus: the audit log (DATA_DIR/audit.jsonl) cannot be written (EISDIR), so nothing was changed; ask the bot’s operator to check the disk and the file’s permissions',
    );

    expect(readdirSync(corpusDir)).toEqual([FILE]);
    expect(rebuilds).toBe(0);
    expect(liveIndex.answerer.listDocuments().map((d) => d.id)).toEqual(['france-north-korea-relations']);
  });

  it('undoes a change whose outcome cannot be recorded, so nothing is live unrecorded', async () => {
    const journal = new ChangeJournal(join(dir, 'data'));
    const settle = journal.settle.bind(journal);
    journal.settle = (record, status, reason) =>
      status === 'done' ? Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })) : settle(record, status, reason);

    await expect(new CorpusEditor(corpusDir, liveIndex, journal).add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor })).rejects.toThrow(
      'audit_unwritable: corpus: the audit log (DATA_DIR/audit.jsonl) cannot be written (ENOSPC), so the change was undone;',
    );

    expect(readdirSync(corpusDir)).toEqual([FILE]);
    expect(liveIndex.answerer.listDocuments().map((d) => d.id)).toEqual(['france-north-korea-relations']);
    expect(await journal.pending()).toHaveLength(1); // settled as rolled back at the next start
  });

  it('removes a document and audits both changes with the content hash', async () => {
    const editor = new CorpusEditor(corpusDir, liveIndex, audit);
    await editor.add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor });

    const change = await editor.remove('kettles', actor);

    expect(change.doc).toEqual({ id: 'kettles', title: 'Quellmar kettles' });
    expect(readdirSync(corpusDir)).toEqual([FILE]);
    const lines = auditLines();
    expect(lines.map((l) => [l.status, l.action, l.doc, l.file])).toEqual([
      ['pending', 'add', 'kettles', 'kettles.txt'],
      ['done', 'add', 'kettles', 'kettles.txt'],
      ['pending', 'remove', 'kettles', 'kettles.txt'],
      ['done', 'remove', 'kettles', 'kettles.txt'],
    ]);
    expect(new Set(lines.map((l) => l.sha256)).size).toBe(1);
    expect(lines[0]).toMatchObject({ actor, bytes: DOC.length });
    expect(readdirSync(join(dir, 'data', 'corpus-pending'))).toEqual([]); // the staged copy of the removed file is gone
  });

  it('refuses to remove the last document or an unknown one', async () => {
    const editor = new CorpusEditor(corpusDir, liveIndex, audit);

    await expect(editor.remove('france-north-korea-relations', actor)).rejects.toThrow(
      'last_document: corpus: "france-north-korea-relations" is the only document; add another before removing it',
    );
    await expect(editor.remove('nope', actor)).rejects.toThrow('unknown_document: corpus: no document "nope"; see /corpus list');
  });

  it('refuses look-alike ids as duplicates: case, fullwidth letters, NFC vs NFD', async () => {
    const editor = new CorpusEditor(corpusDir, liveIndex, audit);
    await editor.add({ fileName: 'caf\u00e9.txt', bytes: Buffer.from(DOC), actor });
    const add = (fileName: string) => editor.add({ fileName, bytes: Buffer.from(DOC), actor });

    await expect(add('France-North-Korea-Relations.txt')).rejects.toThrow(
      'duplicate_document: corpus: "France-North-Korea-Relations" is already in the corpus as "france-north-korea-relations" (ids are compared ignoring case and look-alike characters);',
    );
    await expect(add('\uff46\uff52\uff41\uff4e\uff43\uff45-north-korea-relations.txt')).rejects.toThrow(
      'duplicate_document: corpus: "france-north-korea-relations" is already in the corpus; to replace it',
    );
    await expect(add('cafe\u0301.txt')).rejects.toThrow('duplicate_document: corpus: "caf\u00e9" is already in the corpus;');
    await expect(add('CAF\u00c9.md')).rejects.toThrow('duplicate_document: corpus: "CAF\u00c9" is already in the corpus as "caf\u00e9"');
    expect(readdirSync(corpusDir).sort()).toEqual(['caf\u00e9.txt', FILE]);
  });

  it('adds a document with a 100-character name and refuses a 250-character one with a clear message', async () => {
    const editor = new CorpusEditor(corpusDir, liveIndex, audit);

    await editor.add({ fileName: `${'k'.repeat(100)}.txt`, bytes: Buffer.from(DOC), actor });
    await expect(editor.add({ fileName: `${'a'.repeat(250)}.txt`, bytes: Buffer.from(DOC), actor })).rejects.toThrow(
      `bad_document: corpus: the file name "${'a'.repeat(40)}…" is too long (250 characters); rename the file to at most 100 characters before the extension`,
    );
    expect(readdirSync(corpusDir).sort()).toEqual([FILE, `${'k'.repeat(100)}.txt`]);
  });

  it('refuses a file with no prose before writing anything', async () => {
    await expect(new CorpusEditor(corpusDir, liveIndex, audit).add({ fileName: 'empty.md', bytes: Buffer.from('\n\n'), actor })).rejects.toThrow(
      'bad_document: corpus: "empty.md" has no paragraphs of text to index',
    );
    expect(readdirSync(corpusDir)).toEqual([FILE]);
  });
});

describe('safeFileName', () => {
  it('keeps the base name and replaces unsafe characters', () => {
    expect(safeFileName('../../etc/notes (1).txt')).toBe('notes-1-.txt');
    expect(safeFileName('.hidden.md')).toBe('hidden.md');
    expect(safeFileName('\uff46\uff52-cafe\u0301.md')).toBe('fr-caf\u00e9.md');
    expect(() => safeFileName(`${'\u6f22'.repeat(90)}.txt`)).toThrow('is too long (90 characters)');
    expect(() => safeFileName('.txt')).toThrow('bad_document: corpus: ".txt" is not a usable file name');
  });
});
