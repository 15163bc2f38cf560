import { irregularBases } from './irregularBases.js';
import type { PartOfSpeech } from './PartOfSpeech.js';

/** WordNet's detachment rules (morphy), per part of speech: [suffix, replacement]. */
const SUFFIX_RULES: Readonly<Record<PartOfSpeech, readonly (readonly [string, string])[]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/** Bases a dictionary's exception list gives for an inflected word of the part of speech at hand ([] if none). */
export type ExceptionBases = (word: string) => readonly string[];

/**
 * Keys (index form: lowercase, `_` between words) that an inflected key may come from as `pos`:
 * the key itself, then exception-list bases, built-in irregular bases and suffix-rule stems, for the
 * whole key and, in a collocation, for its first or last word ("giving_up" → "give_up").
 * Unchecked candidates, possibly repeated: the caller keeps those its index knows.
 */
export function baseFormCandidates(key: string, pos: PartOfSpeech, exceptionBases: ExceptionBases): string[] {
  const uninflect = (word: string): string[] => [...exceptionBases(word), ...irregularBases(word), ...suffixStems(word, pos)];
  const parts = key.split('_');
  const first = parts[0] ?? '';
  const last = parts.at(-1) ?? '';
  const out = [key, ...uninflect(key)];
  if (parts.length > 1) {
    const rest = parts.slice(1).join('_');
    const init = parts.slice(0, -1).join('_');
    for (const base of uninflect(first)) out.push(`${base}_${rest}`);
    for (const base of uninflect(last)) out.push(`${init}_${base}`);
  }
  return out;
}

function suffixStems(word: string, pos: PartOfSpeech): string[] {
  const out: string[] = [];
  for (const [suffix, replacement] of SUFFIX_RULES[pos]) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const stem = word.slice(0, -suffix.length);
    out.push(stem + replacement);
    // "stopped", "bigger": the rules leave a doubled consonant that morphy's lists would cover.
    if (replacement === '' && /([b-df-hj-np-tv-z])\1$/.test(stem)) out.push(stem.slice(0, -1));
  }
  return out;
}
