import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashCorpus, listCorpusFiles, loadCorpus } from '../../src/corpus/loadCorpus.js';

const dirs: string[] = [];
function corpus(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadCorpus', () => {
  it('skips a bad file, names it in problems and still loads the others, sorted by id', () => {
    const dir = corpus({
      'b.md': '# Bee\n\nBees make honey.[^1]\n\n[^1]: Apiary notes.\n',
      'a.txt': 'Ant\n\nAnts carry green leaves home.[1]\n\n  1. ^ Ant book\n',
      'x.txt': new Uint8Array([0x48, 0x69, 0xff, 0xfe]),
      'empty.txt': '',
      'ignored.pdf': 'not listed',
    });
    const loaded = loadCorpus(dir);
    expect(loaded.documents.map((d) => [d.id, d.title])).toEqual([
      ['a', 'Ant'],
      ['b', 'Bee'],
    ]);
    expect(loaded.problems).toEqual([
      'bad_document: corpus: "empty.txt" has no paragraphs of text to index',
      'bad_document: corpus: "x.txt" is not UTF-8 text',
    ]);
  });

  it('names and skips a dangling symlink, still loading the others', () => {
    const dir = corpus({ 'good.md': '# Good\n\nSome text here.\n' });
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));

    const loaded = loadCorpus(dir);

    expect(loaded.documents.map((d) => d.id)).toEqual(['good']);
    expect(loaded.problems).toEqual([`bad_document: corpus: "dangling.txt" cannot be read (ENOENT: no such file or directory, open '${join(dir, 'dangling.txt')}')`]);
    expect(hashCorpus(dir)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists only .txt and .md files, not folders', () => {
    const dir = corpus({ 'a.txt': 'x', 'b.md': 'y', 'c.pdf': 'z' });
    mkdirSync(join(dir, 'd.txt'));
    expect(listCorpusFiles(dir)).toEqual(['a.txt', 'b.md']);
  });

  it('refuses a missing folder with a message naming it', () => {
    expect(() => loadCorpus('/nonexistent/corpus')).toThrow(
      'corpus_missing: corpus: folder "/nonexistent/corpus" cannot be read; set CORPUS_DIR to a folder of .txt or .md files',
    );
  });

  it('hashes the content: changes when any file changes, stable otherwise', () => {
    const dir = corpus({ 'a.txt': 'Ant\n\nAnts carry leaves.\n' });
    const before = hashCorpus(dir);
    expect(hashCorpus(dir)).toBe(before);
    writeFileSync(join(dir, 'a.txt'), 'Ant\n\nAnts carry twigs.\n');
    expect(hashCorpus(dir)).not.toBe(before);
  });
});
