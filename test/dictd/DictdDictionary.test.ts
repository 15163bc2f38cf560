import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeDictdNumber, DictdDictionary, dictdExists, dictdFiles, dictdKey } from '../../src/dictd/DictdDictionary.js';
import { encodeDictdNumber, makeDictd } from '../support/makeDictd.js';

const dir = mkdtempSync(join(tmpdir(), 'dictd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
makeDictd(dir, 'tiny', ['Corée /kɔʀe/ <n>\nKorea', 'Coréen /kɔʀe/ <n>\nKorean', 'coréen /kɔʀe/ <adj>\nKorean', 'nord-coréen <adj>\nNorth Korean']);

describe('dictd numbers and keys', () => {
  it('decodes big-endian base64 digits, as the index writes offsets and lengths', () => {
    expect([decodeDictdNumber('A'), decodeDictdNumber('B'), decodeDictdNumber('BA'), decodeDictdNumber('8m')]).toEqual([0, 1, 64, 3878]);
    for (const n of [0, 63, 64, 4095, 146_018, 394_786]) expect(decodeDictdNumber(encodeDictdNumber(n))).toBe(n);
    expect(() => decodeDictdNumber('A=')).toThrow('dictd: bad number "A="');
  });

  it('keys headwords as dictfmt does: lower case, letters, digits and single spaces', () => {
    expect(['Nord-Coréen', "est-ce qu' ... ?", '  Corée   du Nord ', "aujourd'hui"].map(dictdKey)).toEqual([
      'nordcoréen',
      'estce qu',
      'corée du nord',
      'aujourdhui',
    ]);
  });
});

describe('DictdDictionary', () => {
  it('reads nothing until the first lookup', () => {
    const dictionary = new DictdDictionary(dictdFiles(dir, 'tiny'));
    expect(dictionary.isLoaded).toBe(false);
    expect(dictionary.lookup('Corée')).toEqual([{ key: 'corée', text: 'Corée /kɔʀe/ <n>\nKorea\n' }]);
    expect(dictionary.isLoaded).toBe(true);
  });

  it('returns every article under a key in index order, by any spelling of the key, and none for a missing one', () => {
    const dictionary = new DictdDictionary(dictdFiles(dir, 'tiny'));
    expect(dictionary.lookup('CORÉEN').map((a) => a.text)).toEqual(['Coréen /kɔʀe/ <n>\nKorean\n', 'coréen /kɔʀe/ <adj>\nKorean\n']);
    expect(dictionary.lookup('nord-coréen').map((a) => a.key)).toEqual(['nordcoréen']);
    expect(dictionary.lookup('japon')).toEqual([]);
    expect([...dictionary.keys()]).toEqual(['corée', 'coréen', 'nordcoréen']);
  });

  it('reads an uncompressed .dict body too', () => {
    makeDictd(join(dir, 'plain'), 'tiny', ['film <n>\nfilm, movie'], { compress: false });
    const files = dictdFiles(join(dir, 'plain'), 'tiny');
    expect(files.body).toBe(join(dir, 'plain', 'tiny.dict'));
    expect(new DictdDictionary(files).lookup('film')[0]!.text).toBe('film <n>\nfilm, movie\n');
  });

  it('says which file is missing, and refuses an index that points past the body', () => {
    const missing = dictdFiles(join(dir, 'none'), 'tiny');
    expect(dictdExists(missing)).toBe(false);
    expect(() => new DictdDictionary(missing).lookup('film')).toThrow(`dictionary_missing: dictd: "${missing.index}" or "${missing.body}" not found`);
    const files = dictdFiles(dir, 'tiny');
    writeFileSync(join(dir, 'broken.index'), 'film\tA\tBAAA\n');
    const broken = { index: join(dir, 'broken.index'), body: files.body };
    expect(() => new DictdDictionary(broken).lookup('film')).toThrow(
      `dictionary_corrupt: dictd: "${broken.index}" points past the end of "${broken.body}" at "film"`,
    );
  });
});
