import { UserError } from '../errors.js';

/** The current revision of a page as the MediaWiki Action API returns it, redirects followed. */
export interface Revision {
  /** Title after normalisation and redirects, e.g. `United Kingdom` for `UK`. */
  readonly title: string;
  readonly revisionId: number;
  /** ISO 8601, UTC. */
  readonly timestamp: string;
  readonly wikitext: string;
  /** True when the page carries the `disambiguation` page property. */
  readonly disambiguation: boolean;
}

export interface FetchRevisionOptions {
  /** Action API endpoint, e.g. `https://fr.wikipedia.org/w/api.php`. */
  readonly apiUrl: string;
  /** `fetch` to use (tests pass their own); default the global one. */
  readonly fetch?: typeof fetch;
  /** Give up after this many milliseconds. Default 30 000. */
  readonly timeoutMs?: number;
}

interface ApiPage {
  title?: string;
  ns?: number;
  missing?: boolean;
  invalid?: boolean;
  invalidreason?: string;
  pageprops?: Record<string, string>;
  revisions?: { revid?: number; timestamp?: string; slots?: { main?: { content?: string } } }[];
}

interface ApiResponse {
  error?: { code?: string; info?: string };
  query?: { pages?: ApiPage[] };
}

/**
 * Fetches the current revision of `title` (`action=query`, `prop=revisions|pageprops`,
 * `rvprop=content|ids|timestamp`, `rvslots=main`, `formatversion=2`, `redirects=1`). Throws
 * `wikipedia_missing`, `wikipedia_not_article` or `wikipedia_api` with a one-line message.
 */
export async function fetchRevision(title: string, options: FetchRevisionOptions): Promise<Revision> {
  const url = new URL(options.apiUrl);
  const params = {
    action: 'query',
    prop: 'revisions|pageprops',
    ppprop: 'disambiguation',
    rvprop: 'content|ids|timestamp',
    rvslots: 'main',
    formatversion: '2',
    redirects: '1',
    format: 'json',
    titles: title,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const body = await getJson(url, options);
  if (body.error) throw apiError(options.apiUrl, `error ${body.error.code ?? 'unknown'}: ${body.error.info ?? ''}`.trim());
  const page = body.query?.pages?.[0];
  if (!page) throw apiError(options.apiUrl, 'an answer without a page');
  const host = new URL(options.apiUrl).host;
  if (page.invalid) throw new UserError('bad_url', `import: "${title}" is not a valid Wikipedia title (${page.invalidreason ?? 'invalid'}); check the URL`);
  if (page.missing) throw new UserError('wikipedia_missing', `import: no article "${title}" on ${host}; check the title in the URL`);
  if (page.ns !== 0)
    throw new UserError('wikipedia_not_article', `import: "${page.title ?? title}" is not an article (namespace ${page.ns}); give the URL of an article`);
  const revision = page.revisions?.[0];
  const wikitext = revision?.slots?.main?.content;
  if (!revision || typeof revision.revid !== 'number' || !revision.timestamp || typeof wikitext !== 'string') {
    throw apiError(options.apiUrl, `no revision content for "${page.title ?? title}"`);
  }
  return {
    title: page.title ?? title,
    revisionId: revision.revid,
    timestamp: revision.timestamp,
    wikitext,
    disambiguation: page.pageprops?.disambiguation !== undefined,
  };
}

async function getJson(url: URL, options: FetchRevisionOptions): Promise<ApiResponse> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      // Wikimedia asks API clients to name themselves.
      headers: { 'user-agent': 'corpus-bot/0.1 (article import)', accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (err) {
    throw apiError(options.apiUrl, `no answer (${(err as Error).message})`);
  }
  if (!response.ok) throw apiError(options.apiUrl, `HTTP ${response.status}`);
  try {
    return (await response.json()) as ApiResponse;
  } catch {
    throw apiError(options.apiUrl, 'an answer that is not JSON');
  }
}

function apiError(apiUrl: string, what: string): UserError {
  return new UserError('wikipedia_api', `import: the Wikipedia API at ${apiUrl} gave ${what}; try again later, or check WIKIPEDIA_API_URL`);
}
