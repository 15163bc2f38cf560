import wtf from 'wtf_wikipedia';

/** A section of parsed wikitext: its heading (empty for the lead), depth (0 for `==`) and prose paragraphs. */
export interface WikitextSection {
  readonly heading: string;
  readonly depth: number;
  /** Paragraph texts, one line each, plain: no templates, tables, lists, files or link markup. */
  readonly paragraphs: readonly string[];
}

/** What a citation says: its template's fields (plain text) when it has one, and its plain text. */
export interface CitationParts {
  readonly fields?: Readonly<Record<string, string>>;
  readonly text: string;
  /** The first http(s) URL written in the reference (a bracketed `[https://… Title]` link, a bare URL). */
  readonly firstUrl?: string;
}

// The part of wtf_wikipedia's untyped model this adapter reads.
interface WtfSentence {
  text(): string;
}
interface WtfParagraph {
  sentences(): WtfSentence[];
}
interface WtfSection {
  title(): string;
  depth(): number;
  paragraphs(): WtfParagraph[];
}
interface WtfReference {
  json(): Record<string, unknown>;
}

/**
 * Parses article wikitext with wtf_wikipedia (the only module that imports it) into sections of
 * prose paragraphs. Infoboxes, tables, lists, navboxes, files, categories and other templates
 * are not prose and are left out; template output that reads as text (`{{convert}}`, `{{lang}}`)
 * is kept as wtf_wikipedia renders it.
 */
export function parseWikitext(wikitext: string): { sections: WikitextSection[]; disambiguation: boolean } {
  const doc = wtf(wikitext);
  const sections = (doc.sections() as unknown as WtfSection[]).map((s) => ({
    heading: s.title().trim(),
    depth: s.depth(),
    paragraphs: s
      .paragraphs()
      .map((p) =>
        p
          .sentences()
          .map((x) => x.text().trim())
          .filter((x) => x !== '')
          .join(' '),
      )
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== ''),
  }));
  return { sections, disambiguation: doc.isDisambiguation() };
}

/**
 * Reads one reference's wikitext: the fields of its citation template (a `cite …` template, or
 * else the first template, such as German `{{Internetquelle}}`), and the whole as plain text.
 */
export function readCitation(wikitext: string): CitationParts {
  const doc = wtf(wikitext);
  const text = doc.text().replace(/\s+/g, ' ').trim();
  // Protocol-relative links (`[//www.mozilla.org/… Notes]`) are read as https.
  const firstUrl = /(?:https?:)?\/\/[^\s\]|<>"{}]+/.exec(wikitext)?.[0]?.replace(/^\/\//, 'https://');
  const citation = (doc.references() as unknown as WtfReference[])[0] ?? (doc.templates() as unknown as WtfReference[])[0];
  if (!citation) return firstUrl ? { text, firstUrl } : { text };
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(citation.json())) {
    if (typeof value === 'string' && value.trim() !== '') fields[key] = value.replace(/\s+/g, ' ').trim();
  }
  return firstUrl ? { fields, text, firstUrl } : { fields, text };
}
