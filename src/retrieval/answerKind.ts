/**
 * What kind of answer a question asks for, when its words say so plainly: a time ("when…",
 * "what year…") or a quantity ("how many…", "what percentage…"). A passage that holds no time
 * (or no number) cannot answer it, however well it matches the other words.
 */
export type AnswerKind = 'time' | 'quantity';

const TIME_QUESTION = /\b(?:when|what year|which year|what date|which date|what day|what month|since when|how long ago|quand|en quelle ann[ée]e|quelle ann[ée]e|quelle date)\b/i;
const QUANTITY_QUESTION = /(?:\bhow (?:many|much)\b|\bwhat (?:percentage|percent|share|proportion|number|fraction)\b|%|\bnumber of\b|\bcombien\b|\bquel pourcentage\b)/i;
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const TIME_TEXT = new RegExp(`\\b(?:\\d{3,4}s?|${MONTHS}|century|centuries|decade|decades|ago|since|until|today|yesterday|recently|later|earlier|formerly|nowadays|year|years|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b`, 'i');
const QUANTITY_TEXT = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half|third|quarter|few|several|many|most|some|none|no|all|majority|minority)\b/i;

/** The kind of answer a question (its core, as typed) asks for, if its words say so. */
export function answerKindOf(question: string): AnswerKind | undefined {
  if (TIME_QUESTION.test(question)) return 'time';
  if (QUANTITY_QUESTION.test(question)) return 'quantity';
  return undefined;
}

/** True when a text can hold that kind of answer (some time or number expression). */
export function holdsAnswerKind(text: string, kind: AnswerKind | undefined): boolean {
  if (kind === 'time') return TIME_TEXT.test(text);
  if (kind === 'quantity') return QUANTITY_TEXT.test(text);
  return true;
}
