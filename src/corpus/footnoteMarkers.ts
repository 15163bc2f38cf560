/**
 * Inline footnote markers as they appear in Wikipedia plain text: `[1]`, `[1][2]`, Markdown's `[^1]`,
 * `[citation needed]`, and other editorial notes such as `[clarification needed]`.
 */

/** One marker found in a text: `[start, end)` are offsets into the text searched. */
export interface Marker {
  readonly start: number;
  readonly end: number;
  /** Footnote number for `[n]`; undefined for editorial notes. */
  readonly footnote?: number;
  /** Lower-cased note for non-numeric markers, e.g. `citation needed`. */
  readonly note?: string;
}

// Numeric footnotes, plus the editorial notes Wikipedia prints inline. The note list is
// closed on purpose: an open `[word]` pattern would swallow bracketed prose such as "[sic]".
const MARKER =
  /\[\^?(?:(\d{1,4})|(citation needed|clarification needed|who\?|when\?|which\?|where\?|by whom\?|according to whom\?|dubious(?: [–-] discuss)?|verification needed|failed verification|better source needed|page needed|original research\?|not in citation given|unreliable source\?|dead link))\]/gi;

/** Finds every marker in `text`, in order. */
export function findMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  for (const m of text.matchAll(MARKER)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) markers.push({ start, end, footnote: Number(m[1]) });
    else markers.push({ start, end, note: (m[2] ?? '').toLowerCase() });
  }
  return markers;
}

/**
 * `text` with every marker and line break replaced by spaces of the same length, so
 * offsets are kept (a wrapped Markdown paragraph is one run of prose to a sentence splitter).
 */
export function maskMarkers(text: string): string {
  return text.replace(MARKER, (m) => ' '.repeat(m.length)).replace(/[\r\n]/g, ' ');
}

/** `text` with markers removed (for display-free processing such as tokenising). */
export function stripMarkers(text: string): string {
  return text.replace(MARKER, '');
}
