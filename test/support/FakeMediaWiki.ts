import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page the fake serves. */
export interface FakePage {
  readonly title: string;
  readonly wikitext: string;
  readonly revisionId?: number;
  readonly timestamp?: string;
  readonly disambiguation?: boolean;
  /** Namespace; default 0 (articles). */
  readonly ns?: number;
}

export interface FakeMediaWiki {
  /** `http://127.0.0.1:<port>/w/api.php` */
  readonly apiUrl: string;
  /** Every request's query, in order. */
  readonly requests: URLSearchParams[];
  /** Answers with this HTTP status instead of JSON while set. */
  status?: number;
  /** Serves `page` from now on in place of the page with its title (a new revision). */
  publish(page: FakePage): void;
  close(): Promise<void>;
}

/** Parameters a real client must send (the importer's contract with the Action API). */
const REQUIRED = {
  action: 'query',
  prop: 'revisions|pageprops',
  rvprop: 'content|ids|timestamp',
  rvslots: 'main',
  formatversion: '2',
  redirects: '1',
  format: 'json',
};

/**
 * A fake MediaWiki Action API on 127.0.0.1 (ephemeral port) answering `action=query` for
 * revisions as `formatversion=2` does: title normalisation, redirects, missing pages,
 * `pageprops.disambiguation`, API errors for bad parameters, and any HTTP status on demand.
 */
export async function startFakeMediaWiki(pages: readonly FakePage[], redirects: Readonly<Record<string, string>> = {}): Promise<FakeMediaWiki> {
  const requests: URLSearchParams[] = [];
  const byTitle = new Map(pages.map((p, i) => [p.title, { ...p, pageid: 1000 + i }]));
  const fake: { status?: number } = {};
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.searchParams);
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (fake.status !== undefined) {
      send(fake.status, { error: 'failing on purpose' });
      return;
    }
    if (url.pathname !== '/w/api.php') {
      send(404, { error: 'not found' });
      return;
    }
    const wrong = Object.entries(REQUIRED).find(([k, v]) => url.searchParams.get(k) !== v);
    if (wrong) {
      send(200, { error: { code: 'badvalue', info: `Unrecognized value for parameter "${wrong[0]}"` } });
      return;
    }
    const asked = url.searchParams.get('titles') ?? '';
    const normalised = asked
      .replace(/_/g, ' ')
      .trim()
      .replace(/^./, (c) => c.toUpperCase());
    if (normalised === '' || /[<>[\]{}|#]/.test(normalised)) {
      send(200, {
        batchcomplete: true,
        query: { pages: [{ title: asked, invalidreason: 'The requested page title contains invalid characters', invalid: true }] },
      });
      return;
    }
    const target = redirects[normalised] ?? normalised;
    const query: Record<string, unknown> = {};
    if (normalised !== asked) query.normalized = [{ fromencoded: false, from: asked, to: normalised }];
    if (target !== normalised) query.redirects = [{ from: normalised, to: target }];
    const page = byTitle.get(target);
    if (!page) {
      query.pages = [{ ns: 0, title: target, missing: true }];
      send(200, { batchcomplete: true, query });
      return;
    }
    query.pages = [
      {
        pageid: page.pageid,
        ns: page.ns ?? 0,
        title: page.title,
        ...(page.disambiguation ? { pageprops: { disambiguation: '' } } : {}),
        revisions: [
          {
            revid: page.revisionId ?? 123456789,
            parentid: (page.revisionId ?? 123456789) - 1,
            timestamp: page.timestamp ?? '2017-06-01T10:20:30Z',
            slots: { main: { contentmodel: 'wikitext', contentformat: 'text/x-wiki', content: page.wikitext } },
          },
        ],
      },
    ];
    send(200, { batchcomplete: true, query });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    apiUrl: `http://127.0.0.1:${port}/w/api.php`,
    requests,
    publish: (page: FakePage) => byTitle.set(page.title, { ...page, pageid: byTitle.get(page.title)?.pageid ?? 1000 + byTitle.size }),
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  });
}

/** The seven real articles of `test/fixtures/wikitext/`, by file stem, with the titles they are served under. */
export const WIKITEXT_FILES = {
  'Goryeo-ware': 'Goryeo ware',
  earthquakes: 'List of earthquakes in Canada',
  'Elizabeth-Gilbert': 'Elizabeth Gilbert',
  Arts_Club_of_Chicago: 'Arts Club of Chicago',
  Bodmin: 'Bodmin',
  'Mozilla-Firefox': 'Mozilla Firefox',
  'United-Kingdom': 'United Kingdom',
} as const;
