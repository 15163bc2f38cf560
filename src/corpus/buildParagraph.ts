import { findMarkers } from './footnoteMarkers.js';
import type { Paragraph, Sentence } from './types.js';
import { splitSentences } from './splitSentences.js';

/**
 * Splits `text.slice(start, end)` into sentences with absolute offsets and their footnotes.
 * `supportedBy` follows Wikipedia's convention: a sentence without markers is supported by
 * the markers of the next marked sentence in the same paragraph; any marker (including
 * `[citation needed]`) ends that reach, so a citation never jumps over another marker.
 */
export function buildParagraph(text: string, start: number, end: number): Paragraph {
  const body = text.slice(start, end);
  const spans = splitSentences(body);
  const own = spans.map((span) => {
    const markers = findMarkers(body.slice(span.start, span.end));
    return {
      start: start + span.start,
      end: start + span.end,
      footnotes: unique(markers.flatMap((m) => (m.footnote === undefined ? [] : [m.footnote]))),
      citationNeeded: markers.some((m) => m.note === 'citation needed'),
      hasMarker: markers.length > 0,
    };
  });
  const sentences: Sentence[] = new Array<Sentence>(own.length);
  let carry: readonly number[] = [];
  for (let i = own.length - 1; i >= 0; i--) {
    const s = own[i]!;
    if (s.hasMarker) carry = s.footnotes;
    sentences[i] = {
      start: s.start,
      end: s.end,
      footnotes: s.footnotes,
      citationNeeded: s.citationNeeded,
      supportedBy: s.hasMarker ? s.footnotes : carry,
    };
  }
  return { start, end, sentences };
}

function unique(values: number[]): number[] {
  return [...new Set(values)];
}
