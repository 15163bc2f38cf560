import type { Config } from '../config/config.js';
import { UserError } from '../errors.js';
import type { Line } from './lines.js';

/**
 * The most one document may hold, so that no file (an upload included) can cost a build
 * unbounded time or memory. A document over any of them is refused before it is indexed.
 */
export interface DocumentLimits {
  /** Section headings (`## …`, `Heading[edit]`). */
  readonly sections: number;
  readonly sentences: number;
  /** Chunks the chunker makes of the document. */
  readonly chunks: number;
  /** Characters in one line. */
  readonly lineChars: number;
}

/** Defaults of the MAX_DOC_* and MAX_LINE_CHARS keys (see `.env.example`). */
export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = { sections: 1000, sentences: 20_000, chunks: 5000, lineChars: 20_000 };

/** The document limits a parsed config sets. */
export function documentLimitsFromConfig(config: Pick<Config, 'MAX_DOC_SECTIONS' | 'MAX_DOC_SENTENCES' | 'MAX_DOC_CHUNKS' | 'MAX_LINE_CHARS'>): DocumentLimits {
  return { sections: config.MAX_DOC_SECTIONS, sentences: config.MAX_DOC_SENTENCES, chunks: config.MAX_DOC_CHUNKS, lineChars: config.MAX_LINE_CHARS };
}

const KEYS: Record<keyof DocumentLimits, string> = { sections: 'MAX_DOC_SECTIONS', sentences: 'MAX_DOC_SENTENCES', chunks: 'MAX_DOC_CHUNKS', lineChars: 'MAX_LINE_CHARS' };

/** `document_too_large`, naming the file, what it has, and the key that limits it. */
export function tooLarge(fileName: string, has: string, limit: keyof DocumentLimits, limits: DocumentLimits): UserError {
  return new UserError(
    'document_too_large',
    `corpus: "${fileName}" has ${has}; the limit is ${KEYS[limit]}=${limits[limit]} (split the document, or raise the limit in .env)`,
  );
}

/**
 * Counts a document's parts while it is parsed and refuses it as soon as the work it would
 * cause is known to pass a limit. Past the section limit a parser only counts headings, so
 * the message gives the real number at little cost.
 */
export class DocumentBudget {
  private sectionCount = 0;
  private sentenceCount = 0;

  constructor(
    private readonly fileName: string,
    private readonly limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS,
  ) {}

  /** Refuses a line longer than the limit (checked before anything is parsed). */
  lines(lines: readonly Line[]): void {
    const long = lines.findIndex((l) => l.end - l.start > this.limits.lineChars);
    if (long >= 0) {
      const line = lines[long]!;
      throw tooLarge(this.fileName, `a line of ${line.end - line.start} characters (line ${long + 1})`, 'lineChars', this.limits);
    }
  }

  /** Counts a section heading; true while the document is within the section limit. */
  section(): boolean {
    this.sectionCount++;
    return this.sectionCount <= this.limits.sections;
  }

  /** Counts a paragraph's sentences; refuses the document past the limit. */
  sentences(count: number): void {
    this.sentenceCount += count;
    if (this.sentenceCount > this.limits.sentences) {
      throw tooLarge(this.fileName, `more than ${this.limits.sentences} sentences`, 'sentences', this.limits);
    }
  }

  /** Call when the whole text is read: refuses a document with too many sections. */
  finish(): void {
    if (this.sectionCount > this.limits.sections) throw tooLarge(this.fileName, `${this.sectionCount} sections`, 'sections', this.limits);
  }
}
