import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR, recordBaselines } from '../../src/editing/recordBaselines.js';
import { SqliteStore } from '../../src/store/SqliteStore.js';
import { lines, runCli, useIndexedCorpus } from '../support/runCli.js';

const DOC = 'france-north-korea-relations';
const FILE = `${DOC}.txt`;
const folders = useIndexedCorpus('cli-corpus-');
const ALICE = { id: '100000000000000001', name: 'alice', guild: '710000000000000001' };

describe('npm run corpus', () => {
  let original: string;
  let edited: string;

  beforeAll(async () => {
    const { corpusDir, dataDir } = folders();
    original = readFileSync(join(corpusDir, FILE), 'utf8');
    edited = original.replace('are very limited.', 'are limited but growing.');
    const store = await SqliteStore.open({ dataDir, retentionDays: 90, clock: () => new Date('2026-11-01T12:00:00Z') });
    await recordBaselines(corpusDir, store);
    await store.recordVersion({
      doc: DOC,
      action: 'update',
      source: { fileName: FILE },
      content: Buffer.from(edited),
      actor: ALICE,
      time: new Date('2026-11-02T12:00:00Z'),
    });
    await store.close();
    writeFileSync(join(corpusDir, FILE), edited);
  });

  it('lists the documents with their latest version', async () => {
    const listed = await runCli('corpus', ['list'], folders());
    expect(listed.stderr).toBe('');
    expect(lines(listed.stdout).map((l) => l.replace(/sha256 [0-9a-f]{12}/, 'sha256 …'))).toEqual([
      `1 document in ${folders().corpusDir}`,
      DOC,
      `   2  update          2026-11-02T12:00:00.000Z  alice (100000000000000001) in server 710000000000000001  file ${FILE}  sha256 …`,
    ]);
  });

  it('shows a history page, newest first, with the command for the next one', async () => {
    const history = await runCli('corpus', ['history', DOC, '--limit', '1'], folders());
    expect(lines(history.stdout).map((l) => l.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, 'TIME').replace(/sha256 [0-9a-f]{12}/, 'sha256 …'))).toEqual([
      `History of ${DOC}: 2 versions, newest first`,
      `   2  update          TIME  alice (100000000000000001) in server 710000000000000001  file ${FILE}  sha256 …`,
      `Older: npm run corpus -- history ${DOC} --before 2`,
    ]);
    const older = await runCli('corpus', ['history', DOC, '--before', '2'], folders());
    expect(lines(older.stdout)[1]).toMatch(new RegExp(`^ {3}1 {2}baseline {8}\\S+ {2}${OPERATOR.name} {2}file ${FILE} {2}sha256 [0-9a-f]{12}$`));
  });

  it('previews a rollback and changes nothing without --yes, then applies it with --yes', async () => {
    const preview = await runCli('corpus', ['rollback', DOC, '1'], folders());
    expect(preview.stderr).toBe('');
    const shown = lines(preview.stdout);
    expect(shown[0]).toBe(`Roll back "France–North Korea relations" (${DOC}): version 2 → version 1`);
    expect(shown.slice(1, 8)).toEqual([
      '  sections    0 added, 0 removed',
      '  sentences   0 added, 0 removed, 1 changed',
      '  references  0 added, 0 removed',
      expect.stringMatching(/^ {2}chunks {6}\d+ to re-embed \(1 with new text\)$/),
      'Sentences changed (1):',
      '  > Relations between France and North Korea are limited but growing.',
      '    → Relations between France and North Korea are very limited.',
    ]);
    expect(shown.at(-1)).toBe('Nothing changed yet. Run again with --yes to apply.');
    expect(readFileSync(join(folders().corpusDir, FILE), 'utf8')).toBe(edited);

    const applied = await runCli('corpus', ['rollback', DOC, '1', '--yes'], folders());
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(`Rolled back "France–North Korea relations" (${DOC}) to version 1, recorded as version 3.\n`);
    expect(readFileSync(join(folders().corpusDir, FILE), 'utf8')).toBe(original);
    const history = await runCli('corpus', ['history', DOC, '--limit', '1'], folders());
    expect(lines(history.stdout)[1]).toMatch(/^ {3}3 {2}rollback to 1 /);

    const again = await runCli('corpus', ['rollback', DOC, '1'], folders());
    expect(again.stdout).toBe(`Nothing changed: "${DOC}" already holds the content of version 1.\n`);
  });

  it('refuses bad arguments with the usage, and an unknown version', async () => {
    const bad = await runCli('corpus', ['rollback', DOC], folders());
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'bad_option: corpus: bad arguments for "rollback"; usage: npm run corpus -- list | history <doc> [--limit N] [--before N] | rollback <doc> <version> [--yes]\n',
    ]);
    const unknown = await runCli('corpus', ['rollback', DOC, '9'], folders());
    expect([unknown.code, unknown.stderr]).toEqual([2, `unknown_version: corpus: "${DOC}" has no version 9; see /corpus history doc:${DOC}\n`]);
  });
});
