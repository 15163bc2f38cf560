import { DictdDictionary, dictdExists, dictdFiles, dictdKey } from '../dictd/DictdDictionary.js';
import { normalizeWord } from '../text/tokenize.js';
import type { BaseForm, SourceLanguageSpec } from './languages.js';
import { type DictionaryArticle, parseDictdArticle } from './parseDictdArticle.js';
import type { QuestionTranslator, TranslatedQuestion, TranslatedWord } from './QuestionTranslator.js';
import { type SourceWord, splitSourceWords } from './splitSourceWords.js';

// Most words in a headword tried: FreeDict French–English's longest have 6 ("faire du bruit avec
// les lèvres"); an elided word (`d'alcool`) counts as two.
const MAX_SPAN = 7;

type Reading = { readonly word: TranslatedWord } | { readonly passthrough: string } | { readonly unknown: string };

/**
 * A {@link QuestionTranslator} over a dictd dictionary into English (FreeDict). Reads the
 * question's words left to right, taking the longest multi-word headword first (`Corée du Nord`,
 * `nord-coréen`), then single words through the language's inflection rules (`vivent` → vivre).
 * Lookups fall back to unaccented spelling (`coree` → Corée). The dictionary is read on the first
 * translation, not at construction.
 */
export class DictionaryTranslator implements QuestionTranslator {
  private readonly dictionary: DictdDictionary;
  private unaccented: Map<string, string> | undefined;
  private readonly parsed = new Map<string, readonly DictionaryArticle[]>();

  constructor(
    private readonly spec: SourceLanguageSpec,
    private readonly dictionaryDir: string,
  ) {
    this.dictionary = new DictdDictionary(dictdFiles(dictionaryDir, spec.dictionary));
  }

  get language(): TranslatedQuestion['language'] {
    return this.spec.code as TranslatedQuestion['language'];
  }

  get available(): boolean {
    return this.dictionary.isLoaded || dictdExists(this.dictionary.files);
  }

  get note(): string | undefined {
    if (this.available) return undefined;
    return `${this.spec.name} questions need the ${this.spec.name}–English dictionary, not found in ${this.dictionaryDir}: apt-get install ${this.spec.debianPackage}`;
  }

  translate(question: string): TranslatedQuestion | undefined {
    if (!this.available) return undefined;
    const words = splitSourceWords(question, this.spec);
    const names = this.nameWords(words);
    const readings: Reading[] = [];
    for (let i = 0; i < words.length;) {
      const reading = words[i]!.stop ? undefined : this.readAt(words, i, names);
      if (reading) readings.push(reading.reading);
      i += reading?.length ?? 1;
    }
    return {
      language: this.language,
      words: readings.flatMap((r) => ('word' in r ? [r.word] : [])),
      passthrough: readings.flatMap((r) => ('passthrough' in r ? [r.passthrough] : [])),
      unknown: readings.flatMap((r) => ('unknown' in r ? [r.unknown] : [])),
      englishText: readings.map((r) => ('word' in r ? r.word.translations[0] : 'passthrough' in r ? r.passthrough : r.unknown)).join(' '),
    };
  }

  /** The reading of the words from `i`: the longest headword, else a name, number or unknown word. */
  private readAt(words: readonly SourceWord[], i: number, names: ReadonlySet<number>): { reading: Reading; length: number } {
    for (let length = Math.min(MAX_SPAN, words.length - i); length >= 2; length--) {
      const span = words.slice(i, i + length);
      if (span[length - 1]!.stop || span.some((_, k) => names.has(i + k))) continue;
      const source = joinWords(span);
      const article = this.find(source);
      if (article) return { reading: { word: { source, ...article } }, length };
    }
    const { text } = words[i]!;
    const article = /\p{N}/u.test(text) || names.has(i) ? undefined : this.find(text);
    if (article) return { reading: { word: { source: text, ...article } }, length: 1 };
    return { reading: /\p{N}|^\p{Lu}/u.test(text) ? { passthrough: text } : { unknown: text }, length: 1 };
  }

  /**
   * Capitalised words in a run of two or more, at least one of which the dictionary lacks, are a
   * name: `Pierre Rigoulot` stays a name and is not read as "stone".
   */
  private nameWords(words: readonly SourceWord[]): Set<number> {
    const names = new Set<number>();
    const capitalised = (k: number): boolean => !words[k]!.stop && /^\p{Lu}/u.test(words[k]!.text);
    for (let start = 0; start < words.length; start++) {
      let end = start;
      while (end < words.length && capitalised(end)) end++;
      if (end - start >= 2 && words.slice(start, end).some((w) => !this.find(w.text))) for (let k = start; k < end; k++) names.add(k);
      start = end;
    }
    return names;
  }

  /**
   * The first of the text and its base forms the dictionary has with usable translations. Tried in
   * order: spelt as typed, then without accents (`etudiants` → étudiant), so `visité` is read as
   * visiter before the unaccented noun visite; and within each, base forms whose headword is the
   * part of speech their rule expects before the others (`donne` → donner before the noun don).
   */
  private find(text: string): Omit<TranslatedWord, 'source'> | undefined {
    const lower = text.toLowerCase();
    const forms: readonly BaseForm[] = [{ form: lower }, ...this.spec.baseForms(lower)];
    for (const accents of [true, false]) {
      let fallback: Omit<TranslatedWord, 'source'> | undefined;
      for (const { form, partOfSpeech } of forms) {
        const key = accents ? dictdKey(form) : this.unaccentedKeys().get(normalizeWord(dictdKey(form)));
        const articles = key === undefined ? [] : this.articles(key);
        const translations = [...new Set(articles.flatMap((a) => a.translations))];
        if (translations.length === 0) continue;
        const found = { headword: articles[0]!.headword, translations };
        if (!partOfSpeech || articles.some((a) => a.partOfSpeech === partOfSpeech || a.partOfSpeech === undefined)) return found;
        fallback ??= found;
      }
      if (fallback) return fallback;
    }
    return undefined;
  }

  /** The parsed articles under a key, parsed once per translator. */
  private articles(key: string): readonly DictionaryArticle[] {
    let articles = this.parsed.get(key);
    if (!articles) {
      articles = this.dictionary.lookup(key).map((a) => parseDictdArticle(a.text));
      this.parsed.set(key, articles);
    }
    return articles;
  }

  /** Unaccented key → the first key spelt that way (`coree du nord` → `corée du nord`). */
  private unaccentedKeys(): Map<string, string> {
    if (!this.unaccented) {
      this.unaccented = new Map();
      for (const key of this.dictionary.keys()) {
        const plain = normalizeWord(key);
        if (!this.unaccented.has(plain)) this.unaccented.set(plain, key);
      }
    }
    return this.unaccented;
  }
}

/** The words as typed: `nord-coréen`, `Corée du Nord`, `personne qui ne boit jamais d'alcool`. */
function joinWords(words: readonly SourceWord[]): string {
  return words.map((w, k) => (k === words.length - 1 ? w.text : w.text + w.joiner)).join('');
}
