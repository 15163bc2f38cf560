import { runsSupportedBy } from '../corpus/attribution.js';
import type { Document, Sentence } from '../corpus/types.js';
import { UserError } from '../errors.js';
import { MAX_QUOTE_CHARS } from '../retrieval/focusPassage.js';
import type { Citation, CitingPassage } from './types.js';

/**
 * Footnote `n` of each document that has it (or of `docId` only), with every run of sentences
 * the footnote supports. Throws `unknown_document` or `unknown_footnote` with the valid range.
 */
export function citeFootnote(documents: ReadonlyMap<string, Document>, n: number, docId?: string): Citation[] {
  if (!Number.isInteger(n) || n < 1) throw new UserError('bad_footnote', `cite: "${n}" is not a footnote number; use a whole number from 1`);
  let docs = [...documents.values()];
  if (docId !== undefined) {
    const doc = documents.get(docId);
    if (!doc) throw new UserError('unknown_document', `cite: no document "${docId}"; known: ${[...documents.keys()].join(', ') || 'none'}`);
    docs = [doc];
  }
  const citations = docs.flatMap((doc) => {
    const ref = doc.references.find((r) => r.n === n);
    return ref ? [{ docId: doc.id, title: doc.title, n, text: ref.text, ...(ref.url ? { url: ref.url } : {}), passages: citingPassages(doc, n) }] : [];
  });
  if (citations.length === 0) {
    const max = Math.max(0, ...docs.map((d) => d.references.length));
    const range = max > 0 ? `footnotes run from 1 to ${max}` : 'no document has footnotes';
    throw new UserError('unknown_footnote', `cite: no footnote ${n}${docId ? ` in "${docId}"` : ''}; ${range}`);
  }
  return citations;
}

/**
 * Every sentence footnote `n` supports, as runs of consecutive sentences, each run split into
 * quotes of at most `MAX_QUOTE_CHARS` (a longer single sentence stays whole): nothing is dropped.
 */
function citingPassages(doc: Document, n: number): CitingPassage[] {
  const passages: CitingPassage[] = [];
  for (const section of doc.sections) {
    for (const paragraph of section.paragraphs) {
      for (const run of runsSupportedBy(paragraph, n)) {
        for (const piece of splitToFit(run, MAX_QUOTE_CHARS)) {
          const first = piece[0]!;
          const last = piece[piece.length - 1]!;
          passages.push({ section: section.heading, text: doc.text.slice(first.start, last.end), start: first.start, end: last.end });
        }
      }
    }
  }
  return passages;
}

function splitToFit(run: readonly Sentence[], maxChars: number): Sentence[][] {
  const pieces: Sentence[][] = [];
  for (const s of run) {
    const piece = pieces[pieces.length - 1];
    if (piece && s.end - piece[0]!.start <= maxChars) piece.push(s);
    else pieces.push([s]);
  }
  return pieces;
}
