import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { dictdKey } from '../../src/dictd/DictdDictionary.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** dictd's number encoding: big-endian base64 digits (`0` → `A`, `64` → `BA`). */
export function encodeDictdNumber(n: number): string {
  let digits = '';
  do {
    digits = BASE64[n % 64]! + digits;
    n = Math.floor(n / 64);
  } while (n > 0);
  return digits;
}

/**
 * Writes a dictd database `name` into `dir` as dictfmt would: the articles one after another in
 * `name.dict.dz` (gzip, which dictzip is a kind of; `compress: false` writes `name.dict`) and one
 * `key<TAB>offset<TAB>length` line per article in `name.index`, keyed by the article's first line
 * up to ` /` or ` <` (its headword).
 */
export function makeDictd(dir: string, name: string, articles: readonly string[], options: { compress?: boolean } = {}): void {
  mkdirSync(dir, { recursive: true });
  const index: string[] = [];
  const body: Buffer[] = [];
  let offset = 0;
  for (const article of articles) {
    const bytes = Buffer.from(`${article}\n`, 'utf8');
    index.push([dictdKey(article.split('\n')[0]!.split(/ [/<]/)[0]!), encodeDictdNumber(offset), encodeDictdNumber(bytes.length)].join('\t'));
    body.push(bytes);
    offset += bytes.length;
  }
  const whole = Buffer.concat(body);
  if (options.compress === false) writeFileSync(join(dir, `${name}.dict`), whole);
  else writeFileSync(join(dir, `${name}.dict.dz`), gzipSync(whole));
  writeFileSync(join(dir, `${name}.index`), `${index.join('\n')}\n`);
}

/** A small French–English FreeDict in its real article format: elisions, multi-word headwords, labels. */
export const FRENCH_ARTICLES: readonly string[] = [
  '00-database-short\nFrench-English FreeDict Dictionary',
  'actif /aktif/ <adj>\n1. active, in action\n2. adroit, agile',
  'activité /aktivite/ <n, fem>\n1. action, activity\n2. vigour',
  'aide /ɛd/ <n, masc>\naid, help',
  'Corée /kɔʀe/ <n>\nKorea',
  'Corée du Nord /kɔʀedynɔʀ/ <n>\nNorth Korea',
  'Coréen /kɔʀe/ <n>\nKorean',
  'coréen /kɔʀe/ <adj>\nKorean',
  'don /dɔ̃/ <n, masc>\ngift, present',
  'donner /dɔne/ <v>\ngive',
  'étudiant /etydjɑ̃/ <n, masc>\nstudent',
  'falloir /falwaʀ/ <v>\n1.\n      "Il faut que"\n It is necessary that',
  'film /film/ <n, masc>\nfilm, motion picture, movie',
  'France /fʀɑ̃s/ <n, fem>\nFrance',
  'lier /lje/ <v>\ntie on',
  'mener /məne/ <v>\nconduct, guide, lead',
  'nord /nɔʀ/ <n, masc>\nnorth, North',
  'nord-coréen /nˈɔʁ koʁeˈɛ̃/ <adj>\nNorth Korean',
  "personne qui ne boit jamais d'alcool /pɛʀsɔnkinəbwaʒamɛdalkɔl/ <n>\nteetotaller",
  'pierre /pjɛʀ/ <n, fem>\nstone',
  'reconnaître /ʀəkɔnɛtʀ/ <v>\n1. acknowledge, recognize\n2. distinguish',
  'sénat /sena/ <n, masc>\nsenate',
  'seul /sœl/ <adj>\nalone, only, sole, solitary',
  'abats /aba/ <n, masc>\n1. offal\n2.  [cul] giblets, (kind) regards, ash (tree), (bul)rush, is ... ?',
  'vivre /vivʀ/ <v>\nbe alive, live',
];
