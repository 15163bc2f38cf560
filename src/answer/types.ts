import type { Reference } from '../corpus/types.js';

/**
 * A reference-list entry as shown beside a quote (a footnote): its number, its full text and its
 * `http`/`https` URL when it has one. The document's own `Reference` without its backlink count.
 */
export type CitedReference = Pick<Reference, 'n' | 'text' | 'url'>;

/** A verbatim quote from a document with what supports it. */
export interface Passage {
  /** Document id (file name without extension). */
  readonly docId: string;
  readonly title: string;
  readonly section: string;
  /** `documentText.slice(start, end)`: verbatim, footnote markers kept, at most 400 characters. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Relevance to the question, higher is better (coverage in [0, 1] plus a small rank bonus). */
  readonly score: number;
  /** Footnotes the quote carries or is supported by, each with its reference text, ascending. */
  readonly footnotes: readonly CitedReference[];
  /** True when the quote carries a `[citation needed]` marker. */
  readonly citationNeeded: boolean;
  /** The online article the document was imported from, when it was (an http(s) URL). */
  readonly sourceUrl?: string;
}

/** A word the engine read differently from how it was typed. */
export interface ReadWord {
  /** As typed, normalised: "mitterand". */
  readonly from: string;
  /** As read: "mitterrand", "north korea". */
  readonly to: string;
}

/** How the engine read a question: never changes a quote, only says what was looked for. */
export interface QuestionReading {
  /** Misspelt words matched to corpus words. */
  readonly corrected: readonly ReadWord[];
  /** Chat forms and acronyms spelt out ("ppl" → people, "nk" → north korea). */
  readonly expanded: readonly ReadWord[];
  /** Words of another language read in English. */
  readonly translated: readonly ReadWord[];
  /** The words the answer must address, as read. */
  readonly keyTerms: readonly string[];
  /** On a decline: the key words the corpus (or its best passage) lacks. */
  readonly missing: readonly string[];
  /** On a decline because no passage holds the kind of answer asked for: that kind. */
  readonly missingAnswerKind?: 'time' | 'quantity' | 'age';
  /** A one-line note on how the question could not be read (e.g. a language without a dictionary). */
  readonly note?: string;
}

/** The answer to a question: passages best first, or none when the corpus has nothing on it. */
export interface Answer {
  readonly question: string;
  /** False when the engine abstains: nothing in the corpus is relevant enough. */
  readonly answered: boolean;
  readonly passages: readonly Passage[];
  readonly reading: QuestionReading;
}

/** Where a footnote is cited: the run of sentences it supports. */
export interface CitingPassage {
  readonly section: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** One document's footnote `n` and the passages that cite it. */
export interface Citation {
  readonly docId: string;
  readonly title: string;
  readonly n: number;
  readonly text: string;
  /** The source's `http`/`https` URL, when the reference has one. */
  readonly url?: string;
  readonly passages: readonly CitingPassage[];
}

/** A document in the index, as listed to users. */
export interface DocumentSummary {
  readonly id: string;
  readonly title: string;
  readonly sections: number;
  readonly references: number;
  readonly characters: number;
  /** Section headings in order, the lead ("Introduction") included. */
  readonly headings: readonly string[];
}

/** What the corpus covers, for a reply that found nothing: its documents and questions it answers. */
export interface CorpusOverview {
  readonly documents: readonly DocumentSummary[];
  /** Questions made from the documents' own headings that the engine answers, at most three. */
  readonly examples: readonly string[];
}
