import type { Chunk } from '../chunking/chunkDocument.js';
import type { Embedder } from '../embedding/Embedder.js';
import type { IndexData } from '../index/IndexStore.js';
import { readQuestionLanguage, type Translators } from '../language/translateQuestion.js';
import { type AnalyzedQuery, analyzeQuery } from './analyzeQuery.js';
import { translatedWords } from './translatedWords.js';
import { type FocusedSpan, focusPassages } from './focusPassage.js';
import { SentenceTokens } from './SentenceTokens.js';
import { fuseRankings } from './fuseRankings.js';
import type { WordNet } from './WordNet.js';

/** A focused span of one chunk, scored against the question. */
export interface RetrievedSpan extends FocusedSpan {
  readonly chunk: Chunk;
  /** Ranking score: relevance plus a share of the fused rank; higher is better. */
  readonly score: number;
}

export interface RetrieverOptions {
  /** Translators for questions in other languages; without them every question is read as English. */
  readonly languages?: Translators;
  /** Neighbours taken from each of the vector and BM25 searches. Default 30. */
  readonly candidates?: number;
  /** Fused chunks that are focused and scored. Default 10. */
  readonly focus?: number;
}

// How much the fused rank counts next to coverage: it orders spans that answer equally well
// (dense similarity sees paraphrase that stems miss) without overriding a better match.
const RANK_WEIGHT = 4;
// Hits of each search focused whatever their fused rank.
const TOP_OF_EACH = 3;
// Candidate spans taken from each chunk: the best and the best apart from it.
const SPANS_PER_CHUNK = 2;

/**
 * Hybrid retrieval: HNSW nearest neighbours and BM25 (with WordNet-expanded terms), fused by
 * reciprocal rank, then each fused chunk is focused on its best sentence window. Results are
 * best first and never overlap.
 */
export class Retriever {
  /** Tokens of this index's sentences, kept while the index is in use. */
  private readonly tokens = new SentenceTokens();

  constructor(
    private readonly data: IndexData,
    private readonly embedder: Embedder,
    private readonly wordnet?: WordNet,
    private readonly options: RetrieverOptions = {},
  ) {}

  /**
   * Reads a question: its language (translated into English words), parts, words and their
   * stand-ins. `after`: the question it follows up ("and when did he go there?" after "who did
   * Sarkozy send to Pyongyang?"), read as its context.
   */
  analyze(question: string, after?: string): AnalyzedQuery {
    const language = this.options.languages ? readQuestionLanguage(question, this.options.languages) : undefined;
    if (!language || language.language === 'en') return analyzeQuery(question, this.data.lexical, this.wordnet, undefined, after);
    if ('note' in language) return { ...analyzeQuery([], this.data.lexical, this.wordnet), language: language.language, note: language.note };
    return { ...analyzeQuery(translatedWords(language.translation), this.data.lexical, this.wordnet, question), language: language.language };
  }

  async retrieve(question: string, limit: number, after?: string): Promise<{ query: AnalyzedQuery; spans: RetrievedSpan[] }> {
    const query = this.analyze(question, after);
    if (query.groups.length === 0) return { query, spans: [] };
    const candidates = this.options.candidates ?? 30;
    // The words as read (chat forms expanded, typos corrected, filler dropped), not the raw message.
    const [vector] = await this.embedder.embed([query.text]);
    const dense = this.data.vectors.search(vector!, candidates).map((n) => n.label);
    const lexical = this.data.lexical.queryGroups(query.lexicalGroups, candidates).map((h) => h.label);
    const ranked = fuseRankings([dense, lexical]);
    // Each search's own best hits are focused even when fusion ranks them low: a chunk that
    // only BM25 finds (the offline embedder misses it) must not lose to chunks both lists
    // rank as mediocre.
    const chosen = new Set([
      ...ranked.slice(0, this.options.focus ?? 10).map((f) => f.label),
      ...dense.slice(0, TOP_OF_EACH),
      ...lexical.slice(0, TOP_OF_EACH),
    ]);
    const fused = ranked.filter((f) => chosen.has(f.label));
    const top = fused[0]?.score ?? 1;
    const spans = fused.flatMap(({ label, score }) => {
      const chunk = this.data.chunks[label]!;
      const doc = this.data.documents.get(chunk.docId)!;
      return focusPassages(chunk, doc.text, query, SPANS_PER_CHUNK, this.tokens).map((span) => ({
        ...span,
        chunk,
        score: span.relevance + (RANK_WEIGHT * score) / top / 100,
      }));
    });
    spans.sort((a, b) => b.score - a.score);
    const kept: RetrievedSpan[] = [];
    for (const s of spans) {
      if (s.end <= s.start) continue;
      if (kept.some((k) => k.chunk.docId === s.chunk.docId && k.start < s.end && s.start < k.end)) continue;
      kept.push(s);
      if (kept.length >= limit) break;
    }
    return { query, spans: kept };
  }
}
