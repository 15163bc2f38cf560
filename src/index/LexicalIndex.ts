import MiniSearch from 'minisearch';
import type { Chunk } from '../chunking/chunkDocument.js';
import { stripMarkers } from '../corpus/footnoteMarkers.js';
import { tokenize } from '../text/tokenize.js';

/** One BM25 hit: `label` is the chunk's position; `score` is MiniSearch's BM25 score. */
export interface LexicalHit {
  readonly label: number;
  readonly score: number;
}

/** A weighted query term: a Porter stem and how much a match on it counts (1 = a word of the question). */
export interface WeightedTerm {
  readonly stem: string;
  readonly weight: number;
}

interface Serialized {
  readonly version: 1;
  readonly chunkCount: number;
  readonly df: Record<string, number>;
  readonly words: string[];
  readonly search: unknown;
}

const FIELDS = ['text', 'heading'];
const SEARCH_DEFAULTS = { boost: { text: 1, heading: 0.3 } };
const analyze = (text: string): string[] => tokenize(text).filter((t) => !t.stop).map((t) => t.stem);

/**
 * BM25 over chunks (MiniSearch) on stemmed content words, plus the document frequency of
 * every stem, which retrieval uses to weigh query terms and to tell unknown words.
 */
export class LexicalIndex {
  private constructor(
    private readonly search: MiniSearch,
    private readonly df: Map<string, number>,
    private readonly words: Set<string>,
    private count: number,
  ) {}

  /** Number of chunks indexed. */
  get chunkCount(): number {
    return this.count;
  }

  static build(chunks: readonly Chunk[], texts: readonly string[]): LexicalIndex {
    const index = new LexicalIndex(newMiniSearch(), new Map(), new Set(), 0);
    index.add(chunks, texts);
    return index;
  }

  /** Indexes `chunks` (with their `texts`) under labels `chunkCount`, `chunkCount + 1`, …. */
  add(chunks: readonly Chunk[], texts: readonly string[]): void {
    const first = this.count;
    this.search.addAll(
      chunks.map((c, i) => {
        const text = stripMarkers(texts[i] ?? '');
        const tokens = tokenize(`${text} ${c.section}`).filter((t) => !t.stop);
        for (const t of tokens) this.words.add(t.word);
        for (const s of new Set(tokens.map((t) => t.stem))) this.df.set(s, (this.df.get(s) ?? 0) + 1);
        return { id: first + i, text, heading: `${c.title} ${c.section}` };
      }),
    );
    this.count += chunks.length;
  }

  static fromJSON(json: string): LexicalIndex {
    const data = JSON.parse(json) as Serialized;
    const search = MiniSearch.loadJS(data.search as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions());
    return new LexicalIndex(search, new Map(Object.entries(data.df)), new Set(data.words), data.chunkCount);
  }

  toJSON(): Serialized {
    return { version: 1, chunkCount: this.count, df: Object.fromEntries(this.df), words: [...this.words], search: this.search.toJSON() };
  }

  /** True when some chunk uses this exact (normalised) word, not just a word with its stem. */
  hasWord(word: string): boolean {
    return this.words.has(word);
  }

  /** Number of chunks whose text contains `stem` (0 for a word the corpus does not use). */
  documentFrequency(stem: string): number {
    return this.df.get(stem) ?? 0;
  }

  /** Inverse document frequency, BM25 style, always > 0; unknown stems get the highest value. */
  idf(stem: string): number {
    const n = this.chunkCount;
    const df = this.documentFrequency(stem);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** BM25 hits for weighted stems, best first. */
  query(terms: readonly WeightedTerm[], limit: number): LexicalHit[] {
    const weights = new Map<string, number>();
    for (const t of terms) weights.set(t.stem, Math.max(weights.get(t.stem) ?? 0, t.weight));
    const known = [...weights.keys()].filter((s) => this.df.has(s));
    if (known.length === 0) return [];
    const hits = this.search.search(known.join(' '), {
      ...SEARCH_DEFAULTS,
      tokenize: (q) => q.split(' '),
      processTerm: (t) => t,
      boostTerm: (t) => weights.get(t) ?? 1,
      combineWith: 'OR',
    });
    return hits.slice(0, limit).map((h) => ({ label: h.id as number, score: h.score }));
  }
}

function miniSearchOptions() {
  return {
    fields: FIELDS,
    tokenize: (text: string) => analyze(text),
    processTerm: (term: string) => term,
    searchOptions: SEARCH_DEFAULTS,
  };
}

function newMiniSearch(): MiniSearch {
  return new MiniSearch(miniSearchOptions());
}
