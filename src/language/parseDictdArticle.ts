import type { PartOfSpeech } from './languages.js';

/** A FreeDict article read for translation. */
export interface DictionaryArticle {
  /** The headword as the dictionary writes it: `Corée du Nord`, `vivre`. */
  readonly headword: string;
  /** From the `<pos, gender>` label; undefined when the article has none. */
  readonly partOfSpeech: PartOfSpeech | undefined;
  /** English translations in the dictionary's order, senses flattened, duplicates dropped. */
  readonly translations: readonly string[];
}

// Longer renderings are glosses or sentences ("It is necessary that"), not words to search for.
const MAX_TRANSLATION_WORDS = 3;
const TRANSLATION = /^\p{L}[\p{L}'’ -]*$/u;

/**
 * Reads a FreeDict dictd article: `Headword /pronunciation/ <pos, gender>` then either one line of
 * comma-separated translations or numbered senses (`1. at, to`). Domain labels (`[cul]`), standalone
 * parenthesised notes (`ash (tree)`, `(female) duck`), quoted examples and templates
 * (`is ... ?`) are dropped; an attached parenthesis keeps its letters (`(bul)rush` → bulrush).
 */
export function parseDictdArticle(text: string): DictionaryArticle {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const headword = (lines[first] ?? '').replace(/\s+\/.*$|\s+<[^>]*>\s*$/, '').trim();
  const label = /<(\w+)/.exec(lines[first] ?? '')?.[1];
  const seen = new Set<string>();
  const translations: string[] = [];
  for (const line of lines.slice(first + 1)) {
    const sense = line.trim().replace(/^\d+\.\s*/, '');
    if (sense === '' || sense.startsWith('"')) continue;
    for (const item of sense.split(',')) {
      const clean = item
        .replace(/\[[^\]]*\]/g, ' ')
        .replace(/(^|\s)\([^)]*\)(?=\s|$)/g, ' ')
        .replace(/[()]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (!TRANSLATION.test(clean) || clean.split(' ').length > MAX_TRANSLATION_WORDS) continue;
      const key = clean.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      translations.push(clean);
    }
  }
  return { headword, partOfSpeech: label === undefined ? undefined : (PARTS_OF_SPEECH[label] ?? 'other'), translations };
}

const PARTS_OF_SPEECH: Readonly<Record<string, PartOfSpeech>> = { n: 'noun', adj: 'adj', v: 'verb', vi: 'verb', vt: 'verb' };
