import type { Chunk } from '../chunking/chunkDocument.js';
import { stripMarkers } from '../corpus/footnoteMarkers.js';
import { stem, tokenize } from '../text/tokenize.js';
import { acronymsIn } from './acronymsIn.js';
import { type Bm25Alternative, Bm25Postings, type FieldPostings } from './Bm25Postings.js';
import { type Correction, SpellingIndex } from './SpellingIndex.js';
import { wordCasing } from './wordCasing.js';

/** One BM25 hit: `label` is the chunk's position; `score` is the BM25+ score. */
export interface LexicalHit {
  readonly label: number;
  readonly score: number;
}

/** A weighted query term: a Porter stem and how much a match on it counts (1 = a word of the question). */
/** One question word's alternatives for BM25: a stem, or a phrase's stems together, each at a weight. */
export type LexicalGroup = readonly Bm25Alternative[];

export interface WeightedTerm {
  readonly stem: string;
  readonly weight: number;
}

/** Header of the saved form; the postings arrays follow it in the same buffer. */
interface Header {
  readonly version: 4;
  readonly chunkCount: number;
  readonly dfTerms: string[];
  readonly dfCounts: number[];
  readonly words: string[];
  readonly terms: string[];
  /** Words only ever written capitalised inside a sentence: names. */
  readonly names: string[];
  /** Acronym → the names it stands for with how often the corpus writes each (see `acronymsIn`). */
  readonly acronyms: [string, [string, number][]][];
  /** Lengths of the spelling table's two arrays (over `words`, in order). */
  readonly spelling: number;
  /** Per field: lengths of the offsets, labels, counts and lengths arrays. */
  readonly fields: { offsets: number; labels: number; postings: number; lengths: number }[];
}

// Field order matters: it is the order of the saved arrays. The heading counts less than the text.
const FIELD_BOOSTS = [1, 0.3]; // text, heading
const MAGIC = 0x4c584931; // "LXI1"
const analyze = (text: string): string[] =>
  tokenize(text)
    .filter((t) => !t.stop)
    .map((t) => t.stem);

/**
 * BM25 over chunks on stemmed content words (text, and title + section as a weaker field),
 * plus the document frequency of every stem, which retrieval uses to weigh query terms and to
 * tell unknown words. Saved as typed arrays, so loading 100,000 chunks takes milliseconds.
 */
export class LexicalIndex {
  private sortedStems: string[] | undefined;
  /** Built on first use after words were added; saved with the index. */
  private spelling: SpellingIndex | undefined;
  /** Words seen in lower case inside sentences since this index was built or loaded. */
  private readonly lowerSeen = new Set<string>();
  /** Neighbouring word pairs of the corpus's names, made on first use from the acronym table. */
  private nameParts: Set<string> | undefined;

  private constructor(
    private readonly postings: Bm25Postings,
    private readonly df: Map<string, number>,
    private readonly words: Set<string>,
    private readonly names: Set<string>,
    /** True for an index built here; false for one loaded from disk, whose casing is only known through `names`. */
    private readonly fresh: boolean,
    /** Acronym → name → how many times the corpus writes that name. */
    private readonly acronyms: Map<string, Map<string, number>>,
  ) {}

  /** Number of chunks indexed. */
  get chunkCount(): number {
    return this.postings.size;
  }

  static build(chunks: readonly Chunk[], texts: readonly string[]): LexicalIndex {
    const index = new LexicalIndex(Bm25Postings.empty(FIELD_BOOSTS.length, FIELD_BOOSTS), new Map(), new Set(), new Set(), true, new Map());
    index.add(chunks, texts);
    return index;
  }

  /** Indexes `chunks` (with their `texts`) under labels `chunkCount`, `chunkCount + 1`, …. */
  add(chunks: readonly Chunk[], texts: readonly string[]): void {
    chunks.forEach((c, i) => {
      const text = stripMarkers(texts[i] ?? '');
      const tokens = tokenize(`${text} ${c.section}`).filter((t) => !t.stop);
      const casing = wordCasing(text);
      // A word is a name while it was only ever seen capitalised inside sentences (sentence starts
      // say nothing). Lower-case sightings are remembered in memory; of a loaded index only its
      // names are known, so a word it has that is no name stays none.
      for (const w of casing.lower) {
        this.lowerSeen.add(w);
        this.names.delete(w);
      }
      for (const w of casing.capitalised) if (!this.lowerSeen.has(w) && (this.fresh || this.names.has(w) || !this.words.has(w))) this.names.add(w);
      for (const { acronym, phrase } of acronymsIn(text)) {
        const phrases = this.acronyms.get(acronym) ?? new Map<string, number>();
        phrases.set(phrase, (phrases.get(phrase) ?? 0) + 1);
        this.acronyms.set(acronym, phrases);
      }
      for (const t of tokens) this.words.add(t.word);
      this.spelling = undefined;
      this.nameParts = undefined;
      for (const s of new Set(tokens.map((t) => t.stem))) this.df.set(s, (this.df.get(s) ?? 0) + 1);
      this.postings.add([analyze(text), analyze(`${c.title} ${c.section}`)]);
    });
    this.sortedStems = undefined;
  }

  /**
   * Drops the chunks at `labels` (given with their `texts`, to take their words out of the
   * document frequencies) and renumbers the rest in order. The set of words the corpus uses
   * may keep words only those chunks had, until the next full build.
   */
  remove(labels: readonly number[], chunks: readonly Chunk[], texts: readonly string[]): void {
    chunks.forEach((c, i) => {
      const stems = new Set(analyze(`${stripMarkers(texts[i] ?? '')} ${c.section}`));
      for (const s of stems) {
        const n = (this.df.get(s) ?? 0) - 1;
        if (n > 0) this.df.set(s, n);
        else this.df.delete(s);
      }
    });
    this.postings.remove(new Set(labels));
    this.sortedStems = undefined;
  }

  /** Reads what `toBuffer` wrote; throws on a foreign or truncated buffer. */
  static fromBuffer(buf: Buffer): LexicalIndex {
    if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC) throw new Error('not a lexical index');
    const headerBytes = buf.readUInt32LE(4);
    const header = JSON.parse(buf.toString('utf8', 8, 8 + headerBytes)) as Omit<Header, 'version'> & { readonly version: number };
    let at = align(8 + headerBytes);
    const take = <T>(make: (b: ArrayBuffer) => T, bytes: number): T => {
      if (at + bytes > buf.length) throw new Error('lexical index is truncated');
      // A copy, so the typed array starts aligned whatever the file buffer's offset.
      const copy = new Uint8Array(bytes);
      copy.set(buf.subarray(at, at + bytes));
      at = align(at + bytes);
      return make(copy.buffer);
    };
    if (header.version !== 4) throw new Error(`lexical index version ${header.version} is not 4`);
    const fields: FieldPostings[] = header.fields.map((f) => ({
      offsets: take((b) => new Uint32Array(b), f.offsets * 4),
      labels: take((b) => new Uint32Array(b), f.postings * 4),
      counts: take((b) => new Uint16Array(b), f.postings * 2),
      lengths: take((b) => new Uint16Array(b), f.lengths * 2),
    }));
    const spelling = {
      keys: take((b) => new Uint32Array(b), header.spelling * 4),
      ids: take((b) => new Uint32Array(b), header.spelling * 4),
    };
    const terms = new Map<string, number>();
    header.terms.forEach((t, i) => terms.set(t, i));
    const df = new Map<string, number>();
    header.dfTerms.forEach((t, i) => df.set(t, header.dfCounts[i]!));
    const acronyms = new Map(header.acronyms.map(([a, phrases]) => [a, new Map(phrases)]));
    const index = new LexicalIndex(
      new Bm25Postings(terms, header.terms, fields, header.chunkCount, FIELD_BOOSTS),
      df,
      new Set(header.words),
      new Set(header.names),
      false,
      acronyms,
    );
    index.spelling = SpellingIndex.fromArrays(header.words, spelling, index.wordFrequency);
    return index;
  }

  /** The index as one buffer: a magic number, a JSON header (terms, df, words), then the postings arrays. */
  toBuffer(): Buffer {
    const { terms, count, fields } = this.postings.export();
    // Word ids in the spelling table are positions in `words`: the set's (insertion) order.
    const table = this.spellingIndex().toArrays();
    const header: Header = {
      version: 4,
      chunkCount: count,
      dfTerms: [...this.df.keys()],
      dfCounts: [...this.df.values()],
      words: [...this.words],
      terms,
      names: [...this.names],
      acronyms: [...this.acronyms].map(([a, phrases]) => [a, [...phrases]]),
      spelling: table.keys.length,
      fields: fields.map((f) => ({ offsets: f.offsets.length, labels: f.labels.length, postings: f.counts.length, lengths: f.lengths.length })),
    };
    const json = Buffer.from(JSON.stringify(header));
    const prefix = Buffer.alloc(8);
    prefix.writeUInt32LE(MAGIC, 0);
    prefix.writeUInt32LE(json.length, 4);
    const parts: Buffer[] = [prefix, json];
    let length = 8 + json.length;
    const push = (a: Uint32Array | Uint16Array): void => {
      const pad = align(length) - length;
      if (pad > 0) parts.push(Buffer.alloc(pad));
      parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
      length += pad + a.byteLength;
    };
    for (const f of fields) [f.offsets, f.labels, f.counts, f.lengths].forEach(push);
    push(table.keys);
    push(table.ids);
    return Buffer.concat(parts);
  }

  /** The closest corpus word to a word the corpus does not use (see `SpellingIndex.correct`). */
  correct(word: string): Correction | undefined {
    return this.spellingIndex().correct(word);
  }

  /**
   * Corpus words close to `word`, closest and most frequent first (see
   * `SpellingIndex.candidates`), excluding `word` itself. Unlike `correct`, also for a word the
   * corpus uses: a misspelt name may be another word of a large corpus ("edmund" for "Edmond").
   */
  corrections(word: string): Correction[] {
    return this.spellingIndex().candidates(word);
  }

  /** How many of `others` (stems) some chunk's text holds together with `stem`. */
  cooccurs(stem: string, others: readonly string[]): number {
    const chunks = new Set(this.postings.labelsOf(stem));
    return others.filter((o) => o !== stem && this.postings.labelsOf(o).some((l) => chunks.has(l))).length;
  }

  /** True for a word the corpus only writes capitalised inside sentences: a name (`vaysset`, `pyongyang`). */
  isName(word: string): boolean {
    return this.names.has(word);
  }

  /**
   * True when these words, in this order, are part of a capitalised name the corpus writes
   * ("jack lang" in "Jack Lang", "olivier vaysset").
   */
  isNamePart(words: readonly string[]): boolean {
    if (!this.nameParts) {
      this.nameParts = new Set();
      for (const phrases of this.acronyms.values()) {
        for (const phrase of phrases.keys()) {
          const w = phrase.split(' ');
          for (let i = 0; i + 1 < w.length; i++) this.nameParts.add(`${w[i]} ${w[i + 1]}`);
        }
      }
    }
    return words.length === 2 && this.nameParts.has(words.join(' '));
  }

  /**
   * The names an acronym stands for in the corpus (`nk` → ["north korea", …]), the most often
   * written first, at most three; [] when none.
   */
  expandAcronym(acronym: string): string[] {
    const phrases = [...(this.acronyms.get(acronym) ?? [])];
    // The names the corpus writes most: in a large corpus two letters stand for many names.
    return phrases
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_ACRONYM_NAMES)
      .map(([phrase]) => phrase);
  }

  // How common a word is, for choosing among equally close corrections: its stem's chunk count.
  private readonly wordFrequency = (word: string): number => this.df.get(stem(word)) ?? 0;

  private spellingIndex(): SpellingIndex {
    this.spelling ??= SpellingIndex.build([...this.words], this.wordFrequency);
    return this.spelling;
  }

  /** True when some chunk uses this exact (normalised) word, not just a word with its stem. */
  hasWord(word: string): boolean {
    return this.words.has(word);
  }

  /** Number of chunks whose text contains `stem` (0 for a word the corpus does not use). */
  /**
   * Stems of the corpus that extend `prefix` by at most `extra` characters, e.g. "recogn" →
   * ["recognit"] ("recognise" and "recognition"). Sorted once, on first use.
   */
  stemsExtending(prefix: string, extra: number): string[] {
    this.sortedStems ??= [...this.df.keys()].sort();
    const sorted = this.sortedStems;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      const s = sorted[i]!;
      if (s !== prefix && s.length - prefix.length <= extra) found.push(s);
    }
    return found;
  }

  documentFrequency(stem: string): number {
    return this.df.get(stem) ?? 0;
  }

  /** Inverse document frequency, BM25 style, always > 0; unknown stems get the highest value. */
  idf(stem: string): number {
    const n = this.chunkCount;
    const df = this.documentFrequency(stem);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * BM25 hits for question words, each a group of alternatives of which a chunk scores the best
   * (see `Bm25Postings.searchGroups`), best first.
   */
  queryGroups(groups: readonly LexicalGroup[], limit: number): LexicalHit[] {
    // Terms in more than a tenth of the chunks cost the longest postings and add the least
    // score (low idf); they are left out of the search unless nothing rarer is asked for.
    // Passages are still scored on every term afterwards, by coverage.
    const known = (term: string): boolean => this.df.has(term);
    const rare = (term: string): boolean => (this.df.get(term) ?? 0) <= this.chunkCount * COMMON_TERM_SHARE;
    const keep = (from: readonly LexicalGroup[], test: (term: string) => boolean): LexicalGroup[] =>
      from
        .map((group) => group.map((a) => ({ terms: a.terms.filter(test), weight: a.weight })).filter((a) => a.terms.length > 0))
        .filter((group) => group.length > 0);
    // A stem that stands for several question words ("korea" for "north" and for "dprk") is read
    // once, for the word it stands for most strongly: a chunk word answers one question word.
    const owner = new Map<string, { group: number; weight: number }>();
    groups.forEach((group, g) => {
      for (const a of group) {
        if (a.terms.length !== 1) continue;
        const best = owner.get(a.terms[0]!);
        if (!best || a.weight > best.weight) owner.set(a.terms[0]!, { group: g, weight: a.weight });
      }
    });
    const owned = groups.map((group, g) => group.filter((a) => a.terms.length !== 1 || owner.get(a.terms[0]!)!.group === g));
    const searched = keep(owned, (t) => known(t) && rare(t));
    const chosen = searched.length > 0 ? searched : keep(owned, known);
    return chosen.length === 0 ? [] : this.postings.searchGroups(chosen, limit);
  }
}

// Names returned for one acronym (see `expandAcronym`).
const MAX_ACRONYM_NAMES = 3;
// Share of chunks above which a term is too common to search by (see `query`).
const COMMON_TERM_SHARE = 0.1;

function align(n: number): number {
  return (n + 3) & ~3;
}
