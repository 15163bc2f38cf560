import type { Config } from '../config/config.js';
import type { IndexData } from '../index/IndexStore.js';
import type { RetrievedSpan, Retriever } from '../retrieval/Retriever.js';
import { citeFootnote } from './citeFootnote.js';
import type { Answer, Citation, DocumentSummary, Footnote, Passage } from './types.js';
import { validateQuestion } from './validateQuestion.js';

export interface AnswerOptions {
  /**
   * Least coverage of the question (idf-weighted share of its content words found in the best
   * passage, synonyms counting partly) for the engine to answer; below it, it abstains.
   */
  readonly minRelevance: number;
  /**
   * Least share of the question's content words the best passage must contain (idf aside), so
   * one rare word cannot stand for a whole question. Default 0 (no such check).
   */
  readonly minWordShare?: number;
  /** Passages per answer when the caller does not say. */
  readonly passages: number;
}

/** The answer options a parsed config sets. */
export function answerOptionsFromConfig(config: Pick<Config, 'MIN_RELEVANCE' | 'MIN_WORD_SHARE' | 'ANSWER_PASSAGES'>): AnswerOptions {
  return { minRelevance: config.MIN_RELEVANCE, minWordShare: config.MIN_WORD_SHARE, passages: config.ANSWER_PASSAGES };
}

/** The engine's face: answers, citations and the document list, all as data. */
export class AnswerService {
  constructor(
    private readonly data: IndexData,
    private readonly retriever: Retriever,
    private readonly options: AnswerOptions,
  ) {}

  /** When the index in use was built, and from what. */
  get manifest(): IndexData['manifest'] {
    return this.data.manifest;
  }

  /**
   * Answers a question with up to `limit` passages (default `options.passages`), best first.
   * Throws `bad_question` for an empty question or one over 500 characters.
   */
  async answer(question: string, limit = this.options.passages): Promise<Answer> {
    const q = validateQuestion(question);
    const { spans } = await this.retriever.retrieve(q, limit);
    const minShare = this.options.minWordShare ?? 0;
    const relevant = spans.filter((s) => s.coverage >= this.options.minRelevance && s.matchedShare >= minShare);
    return { question: q, answered: relevant.length > 0, passages: relevant.map((s) => this.toPassage(s)) };
  }

  /** Footnote `n` with the passages that cite it, per document (or in `docId` only). */
  cite(n: number, docId?: string): Citation[] {
    return citeFootnote(this.data.documents, n, docId);
  }

  /** The indexed documents, by title. */
  listDocuments(): DocumentSummary[] {
    return [...this.data.documents.values()]
      .map((d) => ({ id: d.id, title: d.title, sections: d.sections.length, references: d.references.length, characters: d.text.length }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  /** Reference list of a document (for autocomplete); empty for an unknown id. */
  references(docId: string): readonly Footnote[] {
    return (this.data.documents.get(docId)?.references ?? []).map((r) => ({ n: r.n, text: r.text }));
  }

  private toPassage(span: RetrievedSpan): Passage {
    const doc = this.data.documents.get(span.chunk.docId)!;
    const text = doc.text.slice(span.start, span.end);
    const numbers = [...new Set(span.sentences.flatMap((s) => s.supportedBy))].sort((a, b) => a - b);
    const footnotes = numbers.flatMap((n) => {
      const ref = doc.references.find((r) => r.n === n);
      return ref ? [{ n, text: ref.text }] : [];
    });
    return {
      doc: doc.id,
      title: doc.title,
      section: span.chunk.section,
      text,
      start: span.start,
      end: span.end,
      score: Math.round(span.score * 1000) / 1000,
      footnotes,
      citationNeeded: /\[citation needed\]/i.test(text),
    };
  }
}
