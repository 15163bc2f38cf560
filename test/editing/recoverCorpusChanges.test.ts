import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATOR, recordBaselines } from '../../src/editing/recordBaselines.js';
import { recoverCorpusChanges } from '../../src/editing/recoverCorpusChanges.js';
import { intent, tempDataDirs } from '../store/storeFixtures.js';

const ARTICLE =
  'Kettles\n\nKettles sing.[1]\n\n  1. ^ Gazette\n\nRetrieved from "https://en.wikipedia.org/wiki/Kettles", revision 42 of 2020-01-01T00:00:00Z.\n';

describe('recoverCorpusChanges', () => {
  const dirs = tempDataDirs();

  async function setUp() {
    const dataDir = dirs.dataDir();
    const corpusDir = join(dataDir, '..', 'corpus');
    mkdirSync(corpusDir, { recursive: true });
    const store = await dirs.open(dataDir);
    return { dataDir, corpusDir, store, read: (f: string) => readFileSync(join(corpusDir, f), 'utf8') };
  }

  it('rolls back an interrupted add, update and removal, and settles each with what it did', async () => {
    const { dataDir, corpusDir, store, read } = await setUp();
    writeFileSync(join(corpusDir, 'a.txt'), 'A one.');
    writeFileSync(join(corpusDir, 'b.txt'), 'B two.');
    await store.recordVersion({ doc: 'b', action: 'baseline', source: { fileName: 'b.txt' }, content: Buffer.from('B one.'), actor: OPERATOR });
    await store.recordVersion({ doc: 'c', action: 'baseline', source: { fileName: 'c.txt' }, content: Buffer.from('C one.'), actor: OPERATOR });
    await store.beginChange(intent('1', 'a', 'A one.'));
    await store.beginChange(intent('2', 'b', 'B two.', { action: 'update' }));
    await store.beginChange(intent('3', 'c', 'C one.', { action: 'remove' }));
    writeFileSync(join(corpusDir, '.upload-0123abcd.tmp'), 'torn');

    const recovered = await recoverCorpusChanges(corpusDir, dataDir, store);

    expect(recovered.map((r) => [r.change.id, r.detail])).toEqual([
      ['1', '"a.txt" was removed again'],
      ['2', '"b.txt" was restored to version 1'],
      ['3', '"c.txt" was put back'],
    ]);
    expect(readdirSync(corpusDir).sort()).toEqual(['b.txt', 'c.txt']);
    expect([read('b.txt'), read('c.txt')]).toEqual(['B one.', 'C one.']);
    expect(await store.pendingChanges()).toEqual([]);
    expect((await store.auditLog()).map((c) => [c.id, c.status, c.reason])).toContainEqual([
      '2',
      'rolled_back',
      'the bot stopped before the change finished; "b.txt" was restored to version 1',
    ]);
  });

  it('leaves a file that holds other content, and puts back a removal journalled before the store from its staged copy', async () => {
    const { dataDir, corpusDir, store, read } = await setUp();
    writeFileSync(join(corpusDir, 'a.txt'), 'Someone else wrote this.');
    await store.beginChange(intent('1', 'a', 'A one.'));
    await store.beginChange(intent('legacy-1', 'd', 'D one.', { action: 'remove' }));
    // As if imported from audit.jsonl: the store holds no bytes for it, the journal staged a copy.
    (store as unknown as { db: { prepare(sql: string): { run(): void } } }).db.prepare("DELETE FROM blobs WHERE content = CAST('D one.' AS BLOB)").run();
    mkdirSync(join(dataDir, 'corpus-pending'));
    writeFileSync(join(dataDir, 'corpus-pending', 'legacy-1-d.txt'), 'D one.');

    const recovered = await recoverCorpusChanges(corpusDir, dataDir, store);

    expect(recovered.map((r) => r.detail)).toEqual(['"a.txt" holds other content, so it was left in place', '"d.txt" was put back']);
    expect([read('a.txt'), read('d.txt')]).toEqual(['Someone else wrote this.', 'D one.']);
    expect(readdirSync(dataDir)).not.toContain('corpus-pending');
  });
});

describe('recordBaselines', () => {
  const dirs = tempDataDirs();

  it('records each file the store does not hold as it is, once, with its article source', async () => {
    const dataDir = dirs.dataDir();
    const corpusDir = join(dataDir, '..', 'corpus');
    mkdirSync(corpusDir, { recursive: true });
    writeFileSync(join(corpusDir, 'kettles.txt'), ARTICLE);
    writeFileSync(join(corpusDir, 'notes.md'), '# Notes\n\nPlain text.\n');
    const store = await dirs.open(dataDir);

    const first = await recordBaselines(corpusDir, store);
    expect(first.map((v) => [v.doc, v.version, v.action, v.source])).toEqual([
      ['kettles', 1, 'baseline', { fileName: 'kettles.txt', url: 'https://en.wikipedia.org/wiki/Kettles', revisionId: '42' }],
      ['notes', 1, 'baseline', { fileName: 'notes.md' }],
    ]);
    expect(await recordBaselines(corpusDir, store)).toEqual([]);

    writeFileSync(join(corpusDir, 'notes.md'), '# Notes\n\nEdited by hand.\n');
    expect((await recordBaselines(corpusDir, store)).map((v) => [v.doc, v.version])).toEqual([['notes', 2]]);
  });
});
