import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveIndex } from '../../src/answer/LiveIndex.js';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';
import { CorpusEditor, type NoChange, type PreparedChange } from '../../src/editing/CorpusEditor.js';
import { safeFileName } from '../../src/editing/fileNames.js';
import type { CorpusStore } from '../../src/store/CorpusStore.js';
import { SqliteStore } from '../../src/store/SqliteStore.js';

const FILE = 'france-north-korea-relations.txt';
const DOC = 'Quellmar kettles\n\nThe kettles of Quellmar are made of silver and rung like bells at dawn.[1]\n\n  1. ^ Quellmar Gazette, 1998\n';
const DOC_2 = 'Quellmar kettles\n\nThe kettles of Quellmar are made of copper and rung like bells at dusk.[1]\n\n  1. ^ Quellmar Gazette, 1999\n';
const actor = { id: '1300000000000000001', name: 'mod', guild: '1200000000000000002' };

describe('CorpusEditor', () => {
  let dir: string;
  let corpusDir: string;
  let liveIndex: LiveIndex;
  let store: SqliteStore;
  const ids = () => liveIndex.answerer.listDocuments().map((d) => d.id);
  const changes = async () => (await store.auditLog()).map((c) => [c.action, c.doc, c.status, c.version, c.reason]).reverse();
  const editor = (live: Pick<LiveIndex, 'rebuild'> = liveIndex, records: CorpusStore = store) => new CorpusEditor(corpusDir, live, records);
  const failing = { rebuild: () => Promise.reject(new Error('disk full')) };

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
    store = await SqliteStore.open({ dataDir: join(dir, 'data'), retentionDays: 90 });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a document with a given title, rebuilding with only the new chunks embedded, and records version 1', async () => {
    const change = await editor().add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), title: 'Silver kettles', actor });

    expect(change.doc).toEqual({ id: 'kettles', title: 'Silver kettles' });
    expect(change.version).toBe(1);
    expect(change.build.documents).toBe(2);
    expect(change.build.reused).toBeGreaterThan(0);
    expect(change.build.embedded).toBe(change.build.chunks - change.build.reused);
    expect(readdirSync(corpusDir).sort()).toEqual([FILE, 'kettles.txt']);
    expect(ids()).toEqual(['france-north-korea-relations', 'kettles']);
    expect(await changes()).toEqual([['add', 'kettles', 'done', 1, undefined]]);
    expect((await store.versionBytes('kettles', 1))!.toString()).toBe(readFileSync(join(corpusDir, 'kettles.txt'), 'utf8'));
  });

  it('removes the new file again when the rebuild fails, and records the change failed with no version', async () => {
    await expect(editor(failing).add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor })).rejects.toThrow('disk full');

    expect(readdirSync(corpusDir)).toEqual([FILE]);
    expect(await changes()).toEqual([['add', 'kettles', 'failed', undefined, 'disk full']]);
    expect(await store.latestVersions()).toEqual([]);
  });

  it('puts a removed file back when the rebuild fails', async () => {
    await editor().add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor });

    await expect(editor(failing).remove('kettles', actor)).rejects.toThrow('disk full');

    expect(readFileSync(join(corpusDir, 'kettles.txt'), 'utf8')).toBe(DOC);
  });

  it('refuses a change the store cannot record, before anything goes live', async () => {
    let rebuilds = 0;
    const counting = { rebuild: () => (rebuilds++, liveIndex.rebuild()) };
    const refusing = Object.assign(Object.create(store) as CorpusStore, {
      beginChange: () => Promise.reject(new Error('store_unwritable: store: the database cannot be written (SQLITE_FULL), so nothing was changed')),
    });

    await expect(editor(counting, refusing).add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor })).rejects.toThrow('so nothing was changed');

    expect(readdirSync(corpusDir)).toEqual([FILE]);
    expect(rebuilds).toBe(0);
    expect(ids()).toEqual(['france-north-korea-relations']);
  });

  it('undoes a change whose outcome cannot be recorded, so nothing is live unrecorded', async () => {
    const complete = store.completeChange.bind(store);
    const unsettling = Object.assign(Object.create(store) as CorpusStore, {
      completeChange: (id: string, outcome: Parameters<CorpusStore['completeChange']>[1]) =>
        outcome.status === 'done' ? Promise.reject(new Error('store_unwritable: no space')) : complete(id, outcome),
    });

    await expect(editor(liveIndex, unsettling).add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor })).rejects.toThrow('store_unwritable: no space');

    expect(readdirSync(corpusDir)).toEqual([FILE]);
    expect(ids()).toEqual(['france-north-korea-relations']);
    expect(await changes()).toEqual([['add', 'kettles', 'failed', undefined, 'store_unwritable: no space']]);
  });

  it('removes a document, recording a removal version that keeps its bytes', async () => {
    await editor().add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor });

    const change = await editor().remove('kettles', actor);

    expect(change).toMatchObject({ doc: { id: 'kettles', title: 'Quellmar kettles' }, version: 2 });
    expect(readdirSync(corpusDir)).toEqual([FILE]);
    expect(await changes()).toEqual([
      ['add', 'kettles', 'done', 1, undefined],
      ['remove', 'kettles', 'done', 2, undefined],
    ]);
    expect((await store.versionBytes('kettles', 2))!.toString()).toBe(DOC);
    expect(readdirSync(join(dir, 'data')).filter((f) => f.startsWith('corpus-pending'))).toEqual([]);
  });

  it('refuses to remove the last document or an unknown one', async () => {
    await expect(editor().remove('france-north-korea-relations', actor)).rejects.toThrow(
      'last_document: corpus: "france-north-korea-relations" is the only document; add another before removing it',
    );
    await expect(editor().remove('nope', actor)).rejects.toThrow('unknown_document: corpus: no document "nope"; see /corpus list');
  });

  it('refuses look-alike ids as duplicates: case, fullwidth letters, NFC vs NFD', async () => {
    await editor().add({ fileName: 'caf\u00e9.txt', bytes: Buffer.from(DOC), actor });
    const add = (fileName: string) => editor().add({ fileName, bytes: Buffer.from(DOC), actor });

    await expect(add('France-North-Korea-Relations.txt')).rejects.toThrow(
      'duplicate_document: corpus: "France-North-Korea-Relations" is already in the corpus as "france-north-korea-relations" (ids are compared ignoring case and look-alike characters); to replace it, use /corpus update, or rename the file',
    );
    await expect(add('\uff46\uff52\uff41\uff4e\uff43\uff45-north-korea-relations.txt')).rejects.toThrow(
      'duplicate_document: corpus: "france-north-korea-relations" is already in the corpus; to replace it',
    );
    await expect(add('cafe\u0301.txt')).rejects.toThrow('duplicate_document: corpus: "caf\u00e9" is already in the corpus;');
    await expect(add('CAF\u00c9.md')).rejects.toThrow('duplicate_document: corpus: "CAF\u00c9" is already in the corpus as "caf\u00e9"');
    expect(readdirSync(corpusDir).sort()).toEqual(['caf\u00e9.txt', FILE]);
  });

  it('adds a document with a 100-character name and refuses a 250-character one with a clear message', async () => {
    await editor().add({ fileName: `${'k'.repeat(100)}.txt`, bytes: Buffer.from(DOC), actor });
    await expect(editor().add({ fileName: `${'a'.repeat(250)}.txt`, bytes: Buffer.from(DOC), actor })).rejects.toThrow(
      `bad_document: corpus: the file name "${'a'.repeat(40)}…" is too long (250 characters); rename the file to at most 100 characters before the extension`,
    );
    expect(readdirSync(corpusDir).sort()).toEqual([FILE, `${'k'.repeat(100)}.txt`]);
  });

  it('refuses a file with no prose before writing anything', async () => {
    await expect(editor().add({ fileName: 'empty.md', bytes: Buffer.from('\n\n'), actor })).rejects.toThrow(
      'bad_document: corpus: "empty.md" has no paragraphs of text to index',
    );
    expect(readdirSync(corpusDir)).toEqual([FILE]);
    expect(await changes()).toEqual([]);
  });

  describe('update and rollback', () => {
    beforeEach(async () => {
      await editor().add({ fileName: 'kettles.txt', bytes: Buffer.from(DOC), actor });
    });

    it('previews an update without changing anything, then applies it as version 2', async () => {
      const prepared = (await editor().prepareUpdate('kettles', { fileName: 'new.txt', bytes: Buffer.from(DOC_2) })) as PreparedChange;

      expect(prepared.kind).toBe('change');
      expect(prepared.preview).toMatchObject({
        action: 'update',
        doc: { id: 'kettles', title: 'Quellmar kettles' },
        from: { version: 1 },
        to: {},
        diff: {
          sentencesChanged: [
            {
              before: 'The kettles of Quellmar are made of silver and rung like bells at dawn.',
              after: 'The kettles of Quellmar are made of copper and rung like bells at dusk.',
            },
          ],
          referencesAdded: ['Quellmar Gazette, 1999'],
          referencesRemoved: ['Quellmar Gazette, 1998'],
        },
        chunks: { total: 1, newText: 1 },
      });
      expect(readFileSync(join(corpusDir, 'kettles.txt'), 'utf8')).toBe(DOC);

      const change = await editor().apply(prepared, actor);

      expect(change).toMatchObject({ doc: { id: 'kettles' }, version: 2 });
      expect(change.build.embedded).toBe(1);
      expect(readFileSync(join(corpusDir, 'kettles.txt'), 'utf8')).toBe(DOC_2);
      expect((await store.version('kettles', 2))!.action).toBe('update');
    });

    it('finds nothing to change in the same bytes', async () => {
      expect(await editor().prepareUpdate('kettles', { bytes: Buffer.from(DOC) })).toEqual<NoChange>({
        kind: 'unchanged',
        doc: { id: 'kettles', title: 'Quellmar kettles' },
        at: { version: 1 },
      });
    });

    it('refuses an upload of another format, an unknown document, and a preview gone stale', async () => {
      await expect(editor().prepareUpdate('kettles', { fileName: 'k.md', bytes: Buffer.from(DOC_2) })).rejects.toThrow(
        'bad_document: corpus: "k.md" is not a .txt file like "kettles.txt"; upload the new version as .txt',
      );
      await expect(editor().prepareUpdate('nope', { bytes: Buffer.from(DOC_2) })).rejects.toThrow('unknown_document');
      const prepared = (await editor().prepareUpdate('kettles', { bytes: Buffer.from(DOC_2) })) as PreparedChange;
      writeFileSync(join(corpusDir, 'kettles.txt'), `${DOC}\nMore.\n`);
      await expect(editor().apply(prepared, actor)).rejects.toThrow('stale_preview: corpus: "kettles" changed since this preview; ask for a new one');
    });

    it('rolls back to an earlier version through the same preview, recording what it restores', async () => {
      await editor().apply((await editor().prepareUpdate('kettles', { bytes: Buffer.from(DOC_2) })) as PreparedChange, actor);

      const prepared = (await editor().prepareRollback('kettles', 1)) as PreparedChange;
      expect(prepared.preview).toMatchObject({ action: 'rollback', from: { version: 2 }, to: { version: 1 }, chunks: { total: 1, newText: 1 } });
      const change = await editor().apply(prepared, actor);

      expect(change.version).toBe(3);
      expect(readFileSync(join(corpusDir, 'kettles.txt'), 'utf8')).toBe(DOC);
      expect(await store.version('kettles', 3)).toMatchObject({ action: 'rollback', restores: 1 });
      expect(await editor().prepareRollback('kettles', 1)).toMatchObject({ kind: 'unchanged', at: { version: 3 } });
      await expect(editor().prepareRollback('kettles', 9)).rejects.toThrow(
        'unknown_version: corpus: "kettles" has no version 9; see /corpus history doc:kettles',
      );
    });

    it('restores a removed document by rolling back to a version before the removal', async () => {
      await editor().remove('kettles', actor);

      const prepared = (await editor().prepareRollback('kettles', 1)) as PreparedChange;
      expect(prepared.preview.diff.sentencesAdded).toEqual(['The kettles of Quellmar are made of silver and rung like bells at dawn.']);
      await editor().apply(prepared, actor);

      expect(readFileSync(join(corpusDir, 'kettles.txt'), 'utf8')).toBe(DOC);
      expect(ids()).toEqual(['france-north-korea-relations', 'kettles']);
    });

    it('puts the earlier version back when the rebuild of an update fails', async () => {
      const prepared = (await editor().prepareUpdate('kettles', { bytes: Buffer.from(DOC_2) })) as PreparedChange;
      await expect(editor(failing).apply(prepared, actor)).rejects.toThrow('disk full');
      expect(readFileSync(join(corpusDir, 'kettles.txt'), 'utf8')).toBe(DOC);
      expect((await store.history('kettles')).total).toBe(1);
    });
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
