import type { CitationParts } from './parseWikitext.js';

/** A reference as the corpus stores it: one line of text and, when the citation has one, its URL. */
export interface FormattedCitation {
  readonly text: string;
  /** An absolute `http`/`https` URL; absent when the citation has none or only another scheme. */
  readonly url?: string;
}

// Citation template fields by meaning, in order of preference, across language editions:
// English CS1 (cite web, cite news, cite book), German (Internetquelle, Literatur), French
// (Lien web, Article, Ouvrage), Spanish, Italian and Portuguese (Cita web, Cita web, Citar web).
const FIELDS = {
  title: ['title', 'script-title', 'trans-title', 'titel', 'titre', 'título', 'titulo', 'titolo', 'article', 'entry', 'chapter'],
  author: ['author', 'authors', 'vauthors', 'autor', 'auteur', 'autore', 'author1', 'autor1', 'auteur1'],
  work: [
    'work',
    'encyclopedia',
    'website',
    'newspaper',
    'journal',
    'magazine',
    'periodical',
    'werk',
    'sammelwerk',
    'site',
    'périodique',
    'obra',
    'sito',
    'publicação',
  ],
  publisher: ['publisher', 'agency', 'hrsg', 'verlag', 'éditeur', 'editorial', 'editore', 'editora'],
  date: ['date', 'year', 'datum', 'jahr', 'année', 'fecha', 'año', 'data', 'ano'],
  url: ['url', 'archive-url', 'archiveurl', 'archiv-url'],
} as const;

/**
 * Formats a citation as Wikipedia's citation style prints it, in plain text:
 * `Last, First; Last2, First2 (date). "Title". Work. Publisher.`, or without authors
 * `"Title". Work. Publisher. date.`; a reference without a template keeps its own text, with
 * external links reduced to their labels (`[https://… Release notes]` → `Release notes`).
 */
export function formatCitation(parts: CitationParts): FormattedCitation {
  const fields = Object.fromEntries(Object.entries(parts.fields ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const pick = (names: readonly string[]): string | undefined => names.map((n) => fields[n]).find((v) => v !== undefined && v !== '');
  const url = httpUrl(pick(FIELDS.url)) ?? httpUrl(parts.firstUrl);
  const title = pick(FIELDS.title)?.replace(/^[a-z]{2,3}:/, '');
  const work = pick(FIELDS.work);
  if (!title && !work) return withUrl(plainReference(parts, url), url);
  const authors = authorsOf(fields) ?? pick(FIELDS.author);
  const date = pick(FIELDS.date);
  const publisher = pick(FIELDS.publisher);
  const quoted = title ? `"${title}"` : undefined;
  const pieces = authors ? [`${authors}${date ? ` (${date})` : ''}`, quoted, work, publisher] : [quoted, work, publisher, date];
  const text = pieces
    .filter((p): p is string => p !== undefined && p !== '')
    .map((p) => (/[.!?]["”]?$/.test(p) ? p : `${p}.`))
    .join(' ');
  return withUrl(text, url);
}

// A reference's own text; what a template without fields leaves (`{{IMDb name|123}}`) is named.
function plainReference(parts: CitationParts, url: string | undefined): string {
  const text = parts.text
    .replace(/\[(?:https?:)?\/\/[^\s\]]+\s+([^\]]+)\]/g, '$1')
    .replace(/\[(?:https?:)?\/\/[^\s\]]+\]/g, '')
    // Template fields left over from broken wikitext ("Art.50 letter |url=…").
    .replace(/\s*\|\s*[\w-]+\s*=.*$/, '')
    .trim();
  return text || parts.fields?.template || url || 'Reference without text in the article.';
}

// `last1`/`first1` … `last9`/`first9` (and `last`/`first`) as `Last, First; …`, at most four then "et al.".
function authorsOf(fields: Record<string, string>): string | undefined {
  const names: string[] = [];
  for (const i of ['', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
    const last = fields[`last${i}`] ?? fields[`surname${i}`] ?? fields[`nachname${i}`] ?? fields[`nom${i}`];
    const first = fields[`first${i}`] ?? fields[`given${i}`] ?? fields[`vorname${i}`] ?? fields[`prénom${i}`];
    if (last && !(i === '1' && names.length > 0 && fields.last === last)) names.push(first ? `${last}, ${first}` : last);
  }
  if (names.length === 0) return undefined;
  return names.length > 4 ? `${names.slice(0, 3).join('; ')}; et al.` : names.join('; ');
}

/** `value` as an absolute http(s) URL, normalised (spaces and brackets percent-encoded); else undefined. */
export function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.replace(/[<>]/g, encodeURIComponent) : undefined;
  } catch {
    return undefined;
  }
}

function withUrl(text: string, url: string | undefined): FormattedCitation {
  const line = text.replace(/\s+/g, ' ').trim();
  return url ? { text: line, url } : { text: line };
}
