import { UserError } from '../errors.js';

/** A Wikipedia article named by a URL. */
export interface ArticleRef {
  /** Language edition, e.g. `fr`. */
  readonly lang: string;
  /** The title as written in the URL, decoded, underscores as spaces: `Corée du Nord`. */
  readonly title: string;
}

// Desktop and mobile hosts of a language edition: fr.wikipedia.org, fr.m.wikipedia.org.
const HOST = /^([a-z]{2,3}(?:-[a-z0-9]{2,10})*)(?:\.m)?\.wikipedia\.org$/;
const NOT_EDITIONS = new Set(['www', 'meta', 'commons', 'species']);

/**
 * Reads a Wikipedia article URL of any language edition: `https://fr.wikipedia.org/wiki/Corée_du_Nord`,
 * its mobile form (`fr.m.wikipedia.org`), percent-encoded titles, and `/w/index.php?title=…`.
 * Throws `bad_url` for anything else, naming the value and showing the expected form.
 */
export function parseArticleUrl(input: string): ArticleRef {
  const raw = input.trim();
  const refuse = (why: string): UserError =>
    new UserError('bad_url', `import: "${raw.slice(0, 200)}" ${why}; give an article URL such as https://en.wikipedia.org/wiki/Goryeo_ware`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('is not a URL');
  }
  const lang = HOST.exec(url.hostname.toLowerCase())?.[1];
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !lang || NOT_EDITIONS.has(lang)) {
    throw refuse('is not a Wikipedia article URL');
  }
  const encoded = url.pathname.startsWith('/wiki/') ? url.pathname.slice('/wiki/'.length) : url.pathname === '/w/index.php' ? undefined : null;
  if (encoded === null) throw refuse('is not a Wikipedia article URL');
  let title: string;
  try {
    // searchParams are decoded already; a path is not ("Cor%C3%A9e_du_Nord").
    title = encoded === undefined ? (url.searchParams.get('title') ?? '') : decodeURIComponent(encoded);
  } catch {
    throw refuse('has a badly percent-encoded title');
  }
  title = title.replace(/_/g, ' ').trim();
  if (title === '') throw refuse('names no article');
  return { lang, title };
}

/** The canonical URL of an article: `https://fr.wikipedia.org/wiki/Cor%C3%A9e_du_Nord`. */
export function articleUrl(lang: string, title: string): string {
  return `https://${lang}.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_')).replace(/%2F/g, '/').replace(/%3A/g, ':')}`;
}
