import type { DocumentSource } from './types.js';

// Modelled on the footer of a printed Wikipedia page ("Retrieved from "https://…""), with the
// revision spelt out so an imported article names exactly what it holds.
const SOURCE_LINE = /^Retrieved from "(https?:\/\/[^"\s]+)", revision (\d{1,15}) of (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\.$/;

/**
 * Reads the line an imported article ends with:
 * `Retrieved from "https://en.wikipedia.org/wiki/Goryeo_ware", revision 1234567 of 2025-01-31T12:00:00Z.`
 */
export function parseSourceLine(line: string): DocumentSource | undefined {
  const m = SOURCE_LINE.exec(line.trim());
  return m ? { url: m[1]!, revisionId: Number(m[2]), timestamp: m[3]! } : undefined;
}

/** The line `parseSourceLine` reads back as `source`. */
export function formatSourceLine(source: DocumentSource): string {
  return `Retrieved from "${source.url}", revision ${source.revisionId} of ${source.timestamp}.`;
}
