import type { Config } from '../config/config.js';
import type { IndexData } from '../index/IndexStore.js';
import { footnotesSupporting } from '../corpus/attribution.js';
import { stripMarkers } from '../corpus/footnoteMarkers.js';
import type { AnalyzedQuery } from '../retrieval/analyzeQuery.js';
import { holdsAnswerKind } from '../retrieval/answerKind.js';
import type { RetrievedSpan, Retriever } from '../retrieval/Retriever.js';
import { citeFootnote } from './citeFootnote.js';
import { type Decision, decideAnswer, passesThresholds, unaddressed } from './decideAnswer.js';
import { readingOf } from './readingOf.js';
import type { Answer, Citation, CorpusOverview, DocumentSummary, CitedReference, Passage } from './types.js';
import { validateQuestion } from './validateQuestion.js';

// Example questions a miss offers, and candidate headings tried to find them.
const MAX_EXAMPLES = 3;
const MAX_EXAMPLE_TRIES = 12;

export interface AnswerOptions {
  /**
   * Least coverage of the question's key words (idf-weighted share found in a passage, read
   * under its title and section; synonyms and corrections counting partly) for the engine to
   * quote it; below it for the best passage, it abstains.
   */
  readonly minRelevance: number;
  /**
   * Least share of the question's key words, by count, a passage must hold: one rare word cannot
   * stand for a whole question. Default 0 (no such check).
   */
  readonly minKeyShare?: number;
  /** Passages per answer when the caller does not say. */
  readonly passagesPerAnswer: number;
}

/** The answer options a parsed config sets. */
export function answerOptionsFromConfig(config: Pick<Config, 'MIN_RELEVANCE' | 'MIN_KEY_SHARE' | 'ANSWER_PASSAGES'>): AnswerOptions {
  return { minRelevance: config.MIN_RELEVANCE, minKeyShare: config.MIN_KEY_SHARE, passagesPerAnswer: config.ANSWER_PASSAGES };
}

/** A passage the retriever found, scored, whether or not it was shown. */
export interface Candidate {
  readonly docId: string;
  readonly section: string;
  readonly text: string;
  readonly score: number;
  readonly keyCoverage: number;
  readonly keyShare: number;
  readonly coverage: number;
  /** Key words it lacks, as read. */
  readonly missing: readonly string[];
  /** It holds the kind of answer asked for (a time, a number), or none was asked for. */
  readonly holdsAnswerKind: boolean;
}

/** An answer with everything that led to it, for `ask --explain` and calibration. */
export interface Explanation {
  readonly answer: Answer;
  readonly query: AnalyzedQuery;
  /** Candidate passages, best first, before the decision, with their scores. */
  readonly candidates: readonly Candidate[];
  readonly decision: Decision;
}

/** The engine's face: answers, citations and the document list, all as data. */
export class Answerer {
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
   * Answers a question with up to `limit` passages (default `options.passagesPerAnswer`), best first;
   * `after` is the question it follows up, read as context. Throws `bad_question` for an empty
   * question or one over 500 characters.
   */
  async answer(question: string, limit = this.options.passagesPerAnswer, after?: string): Promise<Answer> {
    return (await this.explain(question, limit, after)).answer;
  }

  /** Like `answer`, with the reading, every candidate passage and the decision. `after`: the question this one follows up. */
  async explain(question: string, limit = this.options.passagesPerAnswer, after?: string): Promise<Explanation> {
    const q = validateQuestion(question);
    const { query, spans } = await this.retriever.retrieve(q, limit, after === undefined ? undefined : validateQuestion(after));
    const thresholds = { minRelevance: this.options.minRelevance, minKeyShare: this.options.minKeyShare ?? 0 };
    // The best passage that holds every name and number asked about decides; others follow it
    // when they pass the same test.
    const addresses = (s: RetrievedSpan): boolean => unaddressed(query, s).length === 0;
    const answers = (s: RetrievedSpan): boolean => holdsAnswerKind(this.plainText(s), query.answerKind);
    const best = spans.find((s) => addresses(s) && answers(s)) ?? spans.find(addresses) ?? spans[0];
    const decision = decideAnswer(query, best, thresholds, best !== undefined && answers(best));
    // A passage from another document than the best one must address every key word the best one
    // does: a fortune that shares "french" and "government" but not "office" is not on the question.
    const onTopic = (s: RetrievedSpan): boolean => s.chunk.docId === best?.chunk.docId || s.missing.every((w) => best?.missing.includes(w));
    const passages = decision.answered
      ? spans.filter((s) => passesThresholds(s, thresholds) && addresses(s) && answers(s) && onTopic(s)).map((s) => this.toPassage(s))
      : [];
    const answer: Answer = { question: q, answered: decision.answered, passages, reading: readingOf(query, decision) };
    const candidates = spans.map((s) => ({
      docId: s.chunk.docId,
      section: s.chunk.section,
      text: this.data.documents.get(s.chunk.docId)!.text.slice(s.start, s.end),
      score: s.score,
      keyCoverage: s.keyCoverage,
      keyShare: s.keyShare,
      coverage: s.coverage,
      missing: s.missing,
      holdsAnswerKind: answers(s),
    }));
    return { answer, query, candidates, decision };
  }

  /** Footnote `n` with the passages that cite it, per document (or in `docId` only). */
  cite(n: number, docId?: string): Citation[] {
    return citeFootnote(this.data.documents, n, docId);
  }

  /** The indexed documents, by title. */
  listDocuments(): DocumentSummary[] {
    return [...this.data.documents.values()]
      .map((d) => ({
        id: d.id,
        title: d.title,
        sections: d.sections.length,
        references: d.references.length,
        characters: d.text.length,
        headings: d.sections.map((s) => s.heading),
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  /**
   * The documents and up to three example questions the corpus answers, made from its own
   * section headings ("What does the corpus say about economic relations?") and checked by
   * answering them; computed once per index.
   */
  async overview(): Promise<CorpusOverview> {
    this.overviewCache ??= this.makeOverview();
    return this.overviewCache;
  }

  private overviewCache: Promise<CorpusOverview> | undefined;

  private async makeOverview(): Promise<CorpusOverview> {
    const documents = this.listDocuments();
    // Headings past each document's lead, then its title, one document after another in turn,
    // so several documents each get an example.
    const byDocument = documents.map((d) => [...d.headings.slice(1), d.title]);
    const candidates: string[] = [];
    for (let round = 0; candidates.length < MAX_EXAMPLE_TRIES && byDocument.some((h) => h.length > round); round++) {
      for (const headings of byDocument) if (headings[round] !== undefined) candidates.push(headings[round]!);
    }
    const examples: string[] = [];
    for (const heading of candidates.slice(0, MAX_EXAMPLE_TRIES)) {
      const question = `What does the corpus say about ${heading.replace(/^(\p{Lu})(?=\p{Ll})/u, (c) => c.toLowerCase())}?`;
      if ((await this.answer(question, 1)).answered) examples.push(question);
      if (examples.length === MAX_EXAMPLES) break;
    }
    return { documents, examples };
  }

  /** Reference list of a document (for autocomplete); empty for an unknown id. */
  references(docId: string): readonly CitedReference[] {
    return (this.data.documents.get(docId)?.references ?? []).map((r) => ({ n: r.n, text: r.text }));
  }

  // A span's text without footnote markers, whose numbers are no part of what it says.
  private plainText(span: RetrievedSpan): string {
    return stripMarkers(this.data.documents.get(span.chunk.docId)!.text.slice(span.start, span.end));
  }

  private toPassage(span: RetrievedSpan): Passage {
    const doc = this.data.documents.get(span.chunk.docId)!;
    const text = doc.text.slice(span.start, span.end);
    const numbers = footnotesSupporting(span.sentences);
    const footnotes = numbers.flatMap((n) => {
      const ref = doc.references.find((r) => r.n === n);
      return ref ? [{ n, text: ref.text, ...(ref.url ? { url: ref.url } : {}) }] : [];
    });
    return {
      docId: doc.id,
      title: doc.title,
      section: span.chunk.section,
      text,
      start: span.start,
      end: span.end,
      score: Math.round(span.score * 1000) / 1000,
      footnotes,
      // From the parser, which reads every form of the marker ("[citation needed]", Markdown's "[^citation needed]").
      citationNeeded: span.sentences.some((s) => s.citationNeeded),
      ...(doc.source ? { sourceUrl: doc.source.url } : {}),
    };
  }
}
