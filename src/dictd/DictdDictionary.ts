import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { UserError } from '../errors.js';

/** The two files of a dictd database: `NAME.index` and `NAME.dict.dz` (or an uncompressed `NAME.dict`). */
export interface DictdFiles {
  readonly index: string;
  readonly body: string;
}

/** One article of a dictd database, as stored: its first line names the headword as written. */
export interface DictdArticle {
  /** The index key it was found under (see {@link dictdKey}). */
  readonly key: string;
  /** The article's text, UTF-8, usually `Headword /pron/ <pos>` then one line per sense. */
  readonly text: string;
}

/** The files of database `name` in folder `dir`: the compressed body unless only a plain `.dict` is there. */
export function dictdFiles(dir: string, name: string): DictdFiles {
  const plain = join(dir, `${name}.dict`);
  const dz = `${plain}.dz`;
  return { index: join(dir, `${name}.index`), body: existsSync(plain) && !existsSync(dz) ? plain : dz };
}

/** True when both files of the database exist. */
export function dictdExists(files: DictdFiles): boolean {
  return existsSync(files.index) && existsSync(files.body);
}

/**
 * The whole body of a dictd database as bytes. A dictzip file is a gzip file whose extra field
 * indexes its chunks; gunzip reads it whole, which for FreeDict sizes (≤ a few MB) is faster than
 * seeking chunk by chunk.
 */
export function readDictdBody(path: string): Buffer {
  const raw = readFileSync(path);
  return path.endsWith('.dz') ? gunzipSync(raw) : raw;
}

/**
 * The key dictfmt files a headword under (without `--allchars`): lower case, letters, digits and
 * single spaces only, so `Nord-Coréen` → `nordcoréen` and `est-ce qu' … ?` → `estce qu`.
 */
export function dictdKey(headword: string): string {
  return headword
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a dictd index number: big-endian base64 digits, not RFC 4648 byte groups. */
export function decodeDictdNumber(digits: string): number {
  let n = 0;
  for (const c of digits) {
    const d = BASE64.indexOf(c);
    if (d < 0) throw new Error(`dictd: bad number "${digits}"`);
    n = n * 64 + d;
  }
  return n;
}

interface Loaded {
  readonly body: Buffer;
  /** key → [offset, length] pairs in index order. */
  readonly spans: Map<string, number[]>;
}

/**
 * A dictd database read lazily: nothing is read until the first lookup, then the index and the
 * whole body are kept in memory (the FreeDict French–English database: ~0.4 MB of text, 8,500
 * keys). Lookups are exact on {@link dictdKey}.
 */
export class DictdDictionary {
  private loaded: Loaded | undefined;

  constructor(readonly files: DictdFiles) {}

  /** True once the files have been read. */
  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  /** Every index key, in index order (database-info keys `00database…` included). */
  keys(): IterableIterator<string> {
    return this.load().spans.keys();
  }

  /** The articles filed under `headword`'s key, in index order; empty when there are none. */
  lookup(headword: string): DictdArticle[] {
    const { body, spans } = this.load();
    const key = dictdKey(headword);
    const found = spans.get(key) ?? [];
    const articles: DictdArticle[] = [];
    for (let i = 0; i < found.length; i += 2) {
      const start = found[i]!;
      articles.push({ key, text: body.subarray(start, start + found[i + 1]!).toString('utf8') });
    }
    return articles;
  }

  private load(): Loaded {
    if (this.loaded) return this.loaded;
    if (!dictdExists(this.files)) throw new UserError('dictionary_missing', `dictd: "${this.files.index}" or "${this.files.body}" not found`);
    const body = readDictdBody(this.files.body);
    const spans = new Map<string, number[]>();
    for (const line of readFileSync(this.files.index, 'utf8').split('\n')) {
      const [rawKey, offset, length] = line.split('\t');
      if (offset === undefined || length === undefined) continue;
      const key = dictdKey(rawKey!);
      const start = decodeDictdNumber(offset);
      const size = decodeDictdNumber(length);
      if (start + size > body.length)
        throw new UserError('dictionary_corrupt', `dictd: "${this.files.index}" points past the end of "${this.files.body}" at "${rawKey}"`);
      const list = spans.get(key);
      if (list) list.push(start, size);
      else spans.set(key, [start, size]);
    }
    this.loaded = { body, spans };
    return this.loaded;
  }
}
