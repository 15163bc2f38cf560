import { stripMarkers } from './footnoteMarkers.js';
import type { Document } from './types.js';

/** A sentence whose wording changed in place: the old and the new text. */
export interface ChangedSentence {
  readonly before: string;
  readonly after: string;
}

/**
 * What changes between two versions of a document. Sentences and references are compared by
 * their text (footnote markers dropped, white space collapsed), so renumbered footnotes alone
 * change nothing. Lists keep document order.
 */
export interface DocumentDiff {
  /** Headings of sections only the new version has (a heading counted once per occurrence). */
  readonly sectionsAdded: readonly string[];
  readonly sectionsRemoved: readonly string[];
  readonly sentencesAdded: readonly string[];
  readonly sentencesRemoved: readonly string[];
  /** A removed sentence paired with an added one in the same place that shares most of its words. */
  readonly sentencesChanged: readonly ChangedSentence[];
  /** Reference texts only the new version has. */
  readonly referencesAdded: readonly string[];
  readonly referencesRemoved: readonly string[];
  /** True when the two texts are identical (then every list is empty). */
  readonly identical: boolean;
}

/** Share of words two sentences must have in common (Dice coefficient) to count as one changed sentence. */
export const CHANGED_SENTENCE_SIMILARITY = 0.5;

/** Largest sentence-by-sentence table the exact diff fills; past it, sentences are compared as sets. */
const MAX_DIFF_CELLS = 16_000_000;

/**
 * Compares two parsed versions of a document: sections by heading, references by text, and
 * sentences in order (a longest common subsequence), where a removed sentence next to an added one
 * sharing at least half its words is reported as changed rather than as one removal and one
 * addition. Pure: reads only its arguments.
 */
export function diffDocuments(before: Document, after: Document): DocumentDiff {
  const old = sentenceTexts(before);
  const next = sentenceTexts(after);
  const sentences = diffSentences(old, next);
  return {
    sectionsAdded: missingFrom(headings(after), headings(before)),
    sectionsRemoved: missingFrom(headings(before), headings(after)),
    ...sentences,
    referencesAdded: missingFrom(referenceTexts(after), referenceTexts(before)),
    referencesRemoved: missingFrom(referenceTexts(before), referenceTexts(after)),
    identical: before.text === after.text,
  };
}

/** Every sentence's text in document order, markers dropped and white space collapsed. */
export function sentenceTexts(doc: Document): string[] {
  return doc.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => normalize(stripMarkers(doc.text.slice(x.start, x.end))))));
}

function headings(doc: Document): string[] {
  return doc.sections.map((s) => s.heading);
}

function referenceTexts(doc: Document): string[] {
  return doc.references.map((r) => normalize(r.url === undefined ? r.text : `${r.text} <${r.url}>`));
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The items of `items` not matched by one in `other`, in order (a multiset difference). */
function missingFrom(items: readonly string[], other: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const o of other) left.set(o, (left.get(o) ?? 0) + 1);
  return items.filter((item) => {
    const n = left.get(item) ?? 0;
    if (n > 0) left.set(item, n - 1);
    return n === 0;
  });
}

type SentenceDiff = Pick<DocumentDiff, 'sentencesAdded' | 'sentencesRemoved' | 'sentencesChanged'>;

function diffSentences(old: readonly string[], next: readonly string[]): SentenceDiff {
  let head = 0;
  while (head < old.length && head < next.length && old[head] === next[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < next.length - head && old[old.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  const a = old.slice(head, old.length - tail);
  const b = next.slice(head, next.length - tail);
  const hunks = a.length * b.length > MAX_DIFF_CELLS ? [{ removed: missingFrom(a, b), added: missingFrom(b, a) }] : lcsHunks(a, b);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: ChangedSentence[] = [];
  for (const hunk of hunks) {
    const paired = pairChanged(hunk.removed, hunk.added);
    changed.push(...paired.changed);
    removed.push(...paired.removed);
    added.push(...paired.added);
  }
  return { sentencesAdded: added, sentencesRemoved: removed, sentencesChanged: changed };
}

interface Hunk {
  readonly removed: string[];
  readonly added: string[];
}

/** The runs of removed and added sentences between sentences both sides share, by a longest common subsequence. */
function lcsHunks(a: readonly string[], b: readonly string[]): Hunk[] {
  const width = b.length + 1;
  // lengths[i * width + j]: LCS length of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  let current: Hunk = { removed: [], added: [] };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      if (current.removed.length + current.added.length > 0) hunks.push(current);
      current = { removed: [], added: [] };
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!)) {
      current.added.push(b[j++]!);
    } else {
      current.removed.push(a[i++]!);
    }
  }
  if (current.removed.length + current.added.length > 0) hunks.push(current);
  return hunks;
}

/** Pairs each removed sentence with the first unpaired added sentence after the last pair that shares enough words. */
function pairChanged(removed: readonly string[], added: readonly string[]): { changed: ChangedSentence[]; removed: string[]; added: string[] } {
  const changed: ChangedSentence[] = [];
  const unpairedRemoved: string[] = [];
  const used = new Set<number>();
  let from = 0;
  for (const before of removed) {
    const k = added.findIndex((after, index) => index >= from && similarity(before, after) >= CHANGED_SENTENCE_SIMILARITY);
    if (k === -1) {
      unpairedRemoved.push(before);
      continue;
    }
    changed.push({ before, after: added[k]! });
    used.add(k);
    from = k + 1;
  }
  return { changed, removed: unpairedRemoved, added: added.filter((_, index) => !used.has(index)) };
}

/** Dice coefficient of the two sentences' lower-cased words (as multisets): 1 for the same words, 0 for none shared. */
export function similarity(a: string, b: string): number {
  const x = wordsOf(a);
  const y = wordsOf(b);
  if (x.length + y.length === 0) return 1;
  const shared = x.length - missingFrom(x, y).length;
  return (2 * shared) / (x.length + y.length);
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
