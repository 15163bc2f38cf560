/**
 * What kind of answer a question asks for, when its words say so plainly: a time ("when…",
 * "what year…"), a quantity ("how many…", "what percentage…") or an age ("how old…"). A passage that holds no time
 * (or no number) cannot answer it, however well it matches the other words.
 */
export type AnswerKind = 'time' | 'quantity' | 'age';

const AGE_QUESTION = /\b(?:how old|what age|at what age|quel [âa]ge|à quel [âa]ge)\b/i;
const TIME_QUESTION =
  /\b(?:when|what year|which year|what date|which date|what day|what month|since when|how long ago|quand|en quelle ann[ée]e|quelle ann[ée]e|quelle date)\b/i;
const QUANTITY_QUESTION =
  /(?:\bhow (?:many|much)\b|\bwhat (?:percentage|percent|share|proportion|number|fraction)\b|%|\bnumber of\b|\bcombien\b|\bquel pourcentage\b)/i;
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const TIME_TEXT = new RegExp(
  `\\b(?:\\d{3,4}s?|${MONTHS}|century|centuries|decade|decades|ago|since|until|today|yesterday|recently|later|earlier|formerly|nowadays|year|years|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b`,
  'i',
);
const QUANTITY_TEXT =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half|third|quarter|few|several|many|most|some|none|no|all|majority|minority)\b/i;

// "70 years old", "aged 70", "at the age of 70", "Lang, 70, said", "born in 1939".
const AGE_TEXT = /\b(?:\d{1,3}[- ]years?[- ]old|aged \d{1,3}|age of \d{1,3}|born (?:in|on)\b)|,\s\d{2},/i;

/** The kind of answer a question (its core, as typed) asks for, if its words say so. */
export function answerKindOf(question: string): AnswerKind | undefined {
  if (AGE_QUESTION.test(question)) return 'age';
  if (TIME_QUESTION.test(question)) return 'time';
  if (QUANTITY_QUESTION.test(question)) return 'quantity';
  return undefined;
}

/** True when a text can hold that kind of answer (some time or number expression). */
export function holdsAnswerKind(text: string, kind: AnswerKind | undefined): boolean {
  if (kind === 'age') return AGE_TEXT.test(text);
  if (kind === 'time') return TIME_TEXT.test(text);
  if (kind === 'quantity') return QUANTITY_TEXT.test(text);
  return true;
}
