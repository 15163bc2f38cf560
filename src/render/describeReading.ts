import type { QuestionReading, ReadWord } from '../answer/types.js';

/** Text shown when the engine abstains and cannot say what was missing; the same words in every renderer. */
export const NOT_IN_CORPUS = 'I found nothing about that in the corpus.';

const ANSWER_KIND_NAMES = { time: 'date or time', quantity: 'number', age: 'age' } as const;

// Readings listed in one line at most; the rest are summarised.
const MAX_LISTED = 6;

/**
 * One short line on how a question was read, or undefined when it was read as typed:
 * `Read "mitterand" as "mitterrand", "nk" as "north korea".` `quote` formats a word (Markdown
 * emphasis in Discord, plain quotes in a terminal) and must escape what it is given.
 */
export function readingLine(reading: QuestionReading, quote: (word: string) => string): string | undefined {
  const read = [...reading.corrected, ...reading.expanded, ...reading.translated];
  if (read.length === 0) return undefined;
  const listed = read.slice(0, MAX_LISTED).map((r: ReadWord) => `${quote(r.from)} as ${quote(r.to)}`);
  const more = read.length > MAX_LISTED ? ` and ${read.length - MAX_LISTED} more` : '';
  return `Read ${listed.join(', ')}${more}.`;
}

/**
 * Why the engine declined, in one line: the language note, the kind of answer no passage holds
 * ("The corpus gives no date or time for that."), the key words the corpus lacks ("The corpus
 * says nothing about "germany"."), or the general not-in-corpus text.
 */
export function declineLine(reading: QuestionReading, quote: (word: string) => string): string {
  if (reading.note) return reading.note;
  if (reading.missingAnswerKind) return `The corpus gives no ${ANSWER_KIND_NAMES[reading.missingAnswerKind]} for that.`;
  if (reading.missing.length === 0) return NOT_IN_CORPUS;
  const words = reading.missing.slice(0, MAX_LISTED).map(quote);
  const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`;
  return `The corpus says nothing about ${list}.`;
}
