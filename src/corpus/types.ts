/**
 * Data model of a parsed document. Every span is a pair of character offsets
 * into `Document.text` (UTF-16 code units, `[start, end)`), so any quote can be
 * sliced back out of the original file without searching for it.
 */

/** One entry of a document's reference list, e.g. footnote 1 of a Wikipedia article. */
export interface Reference {
  /** Footnote number as printed in the article (1-based). */
  readonly n: number;
  /** Reference text without the `^` and backlink letters. */
  readonly text: string;
  /** How many times the article cites it (the `a b` backlinks; 1 when there are none). */
  readonly backlinks: number;
  /**
   * Where the source can be read: an `http`/`https` URL written after the reference text as
   * `<https://…>` (imported articles); absent when the reference has none.
   */
  readonly url?: string;
}

/** A sentence with the footnote markers that follow it. */
export interface Sentence {
  /** Offset of the first character of the sentence in `Document.text`. */
  readonly start: number;
  /** Offset just past the sentence, including any trailing footnote markers. */
  readonly end: number;
  /** Footnote numbers whose markers sit inside or right after this sentence, in order. */
  readonly footnotes: readonly number[];
  /** True when the sentence carries a `[citation needed]` marker. */
  readonly citationNeeded: boolean;
  /**
   * Footnotes that support this sentence by Wikipedia's convention: its own markers, or
   * when it has none, those of the next cited sentence of the same paragraph (a marker at
   * the end of a paragraph covers the uncited sentences before it).
   */
  readonly supportedBy: readonly number[];
}

export interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly sentences: readonly Sentence[];
}

export interface Section {
  /** Heading as shown to users; the lead section is named "Introduction". */
  readonly heading: string;
  readonly paragraphs: readonly Paragraph[];
}

/** A parsed document. `id` is the file name without extension, e.g. `france-north-korea-relations`. */
export interface Document {
  readonly id: string;
  readonly title: string;
  /** The file's text exactly as read (after UTF-8 decoding); all offsets point into it. */
  readonly text: string;
  readonly sections: readonly Section[];
  readonly references: readonly Reference[];
  /** Format the parser used. */
  readonly format: 'wikipedia' | 'markdown';
  /** The revision the document was imported from (Wikipedia plain text with a `Retrieved from` line). */
  readonly source?: DocumentSource;
}

/** Which revision of which online article a document holds. */
export interface DocumentSource {
  /** The article's URL, e.g. `https://fr.wikipedia.org/wiki/Cor%C3%A9e_du_Nord`. */
  readonly url: string;
  /** MediaWiki revision id. */
  readonly revisionId: number;
  /** When the revision was saved, ISO 8601 in UTC, e.g. `2025-01-31T12:00:00Z`. */
  readonly timestamp: string;
}
