import { formatWikipedia } from '../corpus/formatWikipedia.js';
import { parseWikipedia } from '../corpus/parseWikipedia.js';
import type { Document, DocumentSource } from '../corpus/types.js';
import { UserError } from '../errors.js';
import { fetchRevision } from './fetchRevision.js';
import { articleUrl, parseArticleUrl } from './parseArticleUrl.js';
import { wikitextToArticle } from './wikitextToArticle.js';

export interface ImportOptions {
  /** MediaWiki Action API endpoint (config `WIKIPEDIA_API_URL`); default `https://<lang>.wikipedia.org/w/api.php` from the URL. */
  readonly apiUrl?: string;
  /** `fetch` to use; default the global one. */
  readonly fetch?: typeof fetch;
}

/** An imported article: the corpus file to write and what it holds. */
export interface ImportedArticle {
  /** Document id, from the title: `coree-du-nord`. */
  readonly id: string;
  /** Corpus file name: `<id>.txt`. */
  readonly fileName: string;
  /** The file's text, Wikipedia plain text (see `formatWikipedia`); write it as UTF-8. */
  readonly text: string;
  /** `text` parsed as the corpus loader parses it. */
  readonly document: Document;
  readonly metadata: ArticleMetadata;
}

export interface ArticleMetadata extends DocumentSource {
  /** Title after redirects. */
  readonly title: string;
  readonly sections: number;
  readonly sentences: number;
  readonly references: number;
  /** References with a source URL. */
  readonly linkedReferences: number;
  /** Milliseconds spent parsing the wikitext and writing the text (not fetching). */
  readonly parseMs: number;
}

/**
 * Imports the current revision of a Wikipedia article (any language edition) as a corpus
 * document: fetches its wikitext through the Action API, keeps its prose with footnote markers
 * in place and its reference list, and ends the text with the article's URL, revision id and
 * timestamp. Refuses, with a one-line `UserError`: a URL that is not a Wikipedia article
 * (`bad_url`), a missing page (`wikipedia_missing`), a disambiguation page
 * (`wikipedia_disambiguation`), a page with no prose (`wikipedia_empty`), an API failure (`wikipedia_api`).
 */
export async function importWikipedia(url: string, options: ImportOptions = {}): Promise<ImportedArticle> {
  const ref = parseArticleUrl(url);
  const apiUrl = options.apiUrl ?? `https://${ref.lang}.wikipedia.org/w/api.php`;
  const revision = await fetchRevision(ref.title, { apiUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const host = `${ref.lang}.wikipedia.org`;
  const started = performance.now();
  const article = wikitextToArticle(revision.wikitext);
  if (revision.disambiguation || article.disambiguation) {
    throw new UserError('wikipedia_disambiguation', `import: "${revision.title}" on ${host} is a disambiguation page; import one of the articles it lists`);
  }
  const source = { url: articleUrl(ref.lang, revision.title), revisionId: revision.revisionId, timestamp: isoSeconds(revision.timestamp, apiUrl) };
  const text = formatWikipedia({ title: revision.title, sections: article.sections, references: article.references, source });
  const id = articleId(revision.title);
  const document = parseWikipedia(id, text);
  const parseMs = performance.now() - started;
  if (document.sections.length === 0) {
    throw new UserError(
      'wikipedia_empty',
      `import: "${revision.title}" on ${host} has no paragraphs of prose to import (lists and tables are not imported); give an article with text`,
    );
  }
  const sentences = document.sections.reduce((n, s) => n + s.paragraphs.reduce((m, p) => m + p.sentences.length, 0), 0);
  return {
    id,
    fileName: `${id}.txt`,
    text,
    document,
    metadata: {
      title: revision.title,
      ...source,
      sections: document.sections.length,
      sentences,
      references: document.references.length,
      linkedReferences: document.references.filter((r) => r.url).length,
      parseMs,
    },
  };
}

/**
 * A document id from an article title: lower case, accents on Latin letters dropped, runs of
 * anything but letters and digits as one hyphen (`Corée du Nord` → `coree-du-nord`); other
 * scripts are kept as written (`북한`, `ガンダム`). At most 80 characters and 200 UTF-8 bytes, so
 * the file name stays within what `/corpus add` accepts.
 */
export function articleId(title: string): string {
  let id = title
    .normalize('NFKD')
    // Only Latin accents: in other scripts a combining mark is part of the letter (が is か + ゙).
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  id = Array.from(id).slice(0, 80).join('');
  while (Buffer.byteLength(id) > 200) id = Array.from(id).slice(0, -1).join('');
  id = id.replace(/-+$/, '');
  return id === '' ? 'article' : id;
}

// The API gives `2025-01-31T12:00:00Z`; anything else parseable is normalised to that form.
function isoSeconds(timestamp: string, apiUrl: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms))
    throw new UserError(
      'wikipedia_api',
      `import: the Wikipedia API at ${apiUrl} gave a revision timestamp "${timestamp.slice(0, 40)}" that is not a date; check WIKIPEDIA_API_URL`,
    );
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
