import type { BaseForm, PartOfSpeech } from './languages.js';

// Ending rewrites, longest ending first within each group. Every rewrite only proposes a
// headword: the translator keeps the first candidate the dictionary actually has.
const PLURALS: readonly [RegExp, string][] = [
  [/aux$/, 'al'],
  [/aux$/, 'ail'],
  [/(eau|eu)x$/, '$1'],
  [/(.{2})s$/, '$1'],
];
const FEMININES: readonly [RegExp, string][] = [
  [/euse$/, 'eur'],
  [/rice$/, 'eur'],
  [/ive$/, 'if'],
  [/(en|on)ne$/, '$1'],
  [/(el|et)(le|te)$/, '$1'],
  [/ère$/, 'er'],
  [/sse$/, 's'],
  [/(.{2})e$/, '$1'],
];
const PARTICIPLES: readonly [RegExp, string[]][] = [
  [/é$/, ['er']],
  [/i$/, ['ir']],
  [/u$/, ['re', 'oir', 'ir']],
  [/it$/, ['ire']],
  [/ert$/, ['rir']],
  // connaître and its family: il reconnaît, reconnu, ils reconnaissent.
  [/aît$/, ['aître']],
  [/(on)nu$/, ['$1naître']],
  [/aiss(?:ent|ait|aient|ons|ez|ant)$/, ['aître']],
];
// Conjugated endings: removing one leaves a stem that takes -er, -ir, -re or -oir.
const VERB_ENDINGS =
  /(?:issaient|issions|issiez|issons|issez|issent|issait|issais|eraient|iraient|aient|erait|irait|èrent|assent|ions|iez|ons|ez|ent|ait|ais|ant|era|ira|ai|as|es|a|e|s|t)$/;
const INFINITIVES = ['er', 'ir', 're', 'oir'];
const MIN_STEM = 2;

/**
 * Headword candidates for an inflected French word (lower case), most likely first, without the
 * word itself: plurals (`bureaux` → bureau), feminines (`active` → actif, `coréenne` → coréen),
 * past participles (`mené` → mener, `liées` → lier) and conjugated verbs (`vivent` → vivre,
 * `mènent` → mener). Each says which part of speech its rule expects (a feminine is an adjective,
 * an ending a verb), so that `donne` is read as donner, not as the noun don. Rule-based and
 * over-generating by design: callers keep the first candidate their dictionary lists. Irregular
 * verbs that matter are function words (être, avoir).
 */
export function frenchBaseForms(word: string): BaseForm[] {
  const out = new Map<string, PartOfSpeech | undefined>();
  const add = (form: string, partOfSpeech?: PartOfSpeech): void => {
    if (!out.has(form)) out.set(form, partOfSpeech);
  };
  const numbers = [word, ...rewrite(word, PLURALS)];
  for (const n of numbers) add(n);
  const genders = numbers.flatMap((n) => rewrite(n, FEMININES));
  for (const form of genders) add(form, 'adj');
  for (const form of [...numbers, ...genders])
    for (const [ending, infinitives] of PARTICIPLES) if (ending.test(form)) for (const inf of infinitives) add(form.replace(ending, inf), 'verb');
  const stem = word.replace(VERB_ENDINGS, '');
  if (stem !== word && stem.length >= MIN_STEM) for (const s of stemVariants(stem)) for (const inf of INFINITIVES) add(s + inf, 'verb');
  // Future and conditional keep the infinitive: `ouvrira` → ouvrir, `vivra` → vivre.
  const future = /^(.{2,}r)(?:a|ai|as|ont|ait|aient|ons|ez)$/.exec(word);
  if (future) for (const s of stemVariants(future[1]!)) for (const form of [s, `${s}e`]) add(form, 'verb');
  out.delete(word);
  return [...out].map(([form, partOfSpeech]) => (partOfSpeech ? { form, partOfSpeech } : { form }));
}

function rewrite(word: string, rules: readonly [RegExp, string][]): string[] {
  return rules.filter(([ending]) => ending.test(word)).map(([ending, replacement]) => word.replace(ending, replacement));
}

/** `mèn` → mèn, men, mén: stems whose vowel changed with the ending (`il mène`, `il cède`). */
function stemVariants(stem: string): string[] {
  const i = stem.lastIndexOf('è');
  if (i < 0) return [stem];
  return [stem, `${stem.slice(0, i)}e${stem.slice(i + 1)}`, `${stem.slice(0, i)}é${stem.slice(i + 1)}`];
}
