/**
 * Numbers an article's `<ref>` tags the way Wikipedia shows them, before the wikitext is parsed:
 * each reference gets a number at its first use, a named reference reused (`<ref name="x"/>`)
 * keeps that number, and every use is replaced by a placeholder that survives parsing in place.
 */

/** One numbered reference: its wikitext (the citation template or plain text) and how often it is cited. */
export interface NumberedReference {
  readonly n: number;
  readonly wikitext: string;
  /** Uses in the article, the definition included (Wikipedia's `a b c` backlinks). */
  readonly uses: number;
}

// A placeholder for footnote n that a wikitext parser keeps as text (unlike a tag or a template):
// U+2045/U+2046, square brackets with quill, which articles do not use.
const OPEN = '\u2045';
const CLOSE = '\u2046';
const PLACEHOLDER = /\s*\u2045(\d+|cn)\u2046/g;
const CITATION_NEEDED_PLACEHOLDER = `${OPEN}cn${CLOSE}`;

// `<ref …/>` or `<ref …>…</ref>`; attribute values may be quoted and hold `/` or `>`.
const REF = /<ref\b((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)(?:\/>|>([\s\S]*?)<\/ref\s*>)/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
// Where the reference list starts: references defined there (`{{reflist|refs=…}}`) are not uses.
// A notes list (`{{reflist|group=note}}`) is not it.
const LIST_START = /\{\{\s*(?:reflist|references)\b([^{}<]*)|<references\b([^>]*)>/gi;
// Templates that stand for references: `{{r|a|b}}` reuses named references, `{{sfn|Smith|2001|p=3}}`
// is a short citation (identical ones share a number); `{{citation needed}}` prints a marker.
const R_TEMPLATE = /\{\{\s*r\s*\|([^{}]*)\}\}/gi;
const SFN_TEMPLATE = /\{\{\s*sfnp?\s*\|([^{}]*)\}\}/gi;
const CITATION_NEEDED = /\{\{\s*(?:citation needed|cn|fact|citation required)\s*(?:\|[^{}]*)?\}\}/gi;

/**
 * `wikitext` with comments removed and each cited `<ref>` replaced by a placeholder for its
 * number, and the references by number. Notes (`group="…"`, listed apart as [a], [b]) and uses
 * of names that are never defined are dropped, as Wikipedia gives them no number in the list.
 */
export function numberReferences(wikitext: string): { text: string; references: NumberedReference[] } {
  const text = expandShorthands(wikitext.replace(COMMENT, ''));
  const listStart = [...text.matchAll(LIST_START)].find((m) => !/group\s*=/i.test(m[1] ?? m[2] ?? ''))?.index ?? -1;
  const definitions = new Map<string, string>();
  for (const m of text.matchAll(REF)) {
    const name = attribute(m[1] ?? '', 'name');
    const body = (m[2] ?? '').trim();
    if (name !== undefined && body !== '' && !definitions.has(name)) definitions.set(name, body);
  }
  const byKey = new Map<string, { n: number; wikitext: string; uses: number }>();
  let anonymous = 0;
  const replaced = text.replace(REF, (_tag: string, attributes: string, inner: string | undefined, offset: number) => {
    if (attribute(attributes, 'group')) return '';
    const name = attribute(attributes, 'name');
    const body = name !== undefined ? definitions.get(name) : (inner ?? '').trim();
    if (!body) return '';
    if (listStart !== -1 && offset >= listStart) return '';
    const key = name ?? `#${anonymous++}`;
    let ref = byKey.get(key);
    if (!ref) {
      ref = { n: byKey.size + 1, wikitext: body, uses: 0 };
      byKey.set(key, ref);
    }
    ref.uses++;
    return `${OPEN}${ref.n}${CLOSE}`;
  });
  return { text: replaced, references: [...byKey.values()] };
}

/**
 * `text` with each placeholder turned into its marker, right after the preceding word: `[n]`,
 * or `[citation needed]` where the article has `{{citation needed}}`.
 */
export function placeMarkers(text: string): string {
  return text.replace(PLACEHOLDER, (_, n: string) => (n === 'cn' ? '[citation needed]' : `[${n}]`));
}

// `{{r|a}}` → `<ref name="a"/>`, `{{sfn|Smith|2001|p=3}}` → `<ref name="sfn-…">Smith 2001, p. 3.</ref>`,
// `{{citation needed}}` → its placeholder.
function expandShorthands(wikitext: string): string {
  return wikitext
    .replace(R_TEMPLATE, (_, params: string) =>
      params
        .split('|')
        .map((p) => p.trim())
        .filter((p) => p !== '' && !p.includes('='))
        .map((name) => `<ref name="${name.replace(/["<>]/g, '')}"/>`)
        .join(''),
    )
    .replace(SFN_TEMPLATE, (_, params: string) => {
      const parts = params.split('|').map((p) => p.trim());
      const named = new Map(
        parts.filter((p) => p.includes('=')).map((p) => [p.slice(0, p.indexOf('=')).trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim()]),
      );
      const positional = parts.filter((p) => p !== '' && !p.includes('='));
      const year = positional.length > 1 ? positional.pop() : undefined;
      const where = named.get('p') ? `, p. ${named.get('p')}` : named.get('pp') ? `, pp. ${named.get('pp')}` : named.get('loc') ? `, ${named.get('loc')}` : '';
      const key = `sfn-${params.replace(/[^\p{L}\p{N}]+/gu, '-')}`;
      return `<ref name="${key}">${positional.join(', ')}${year ? ` ${year}` : ''}${where}.</ref>`;
    })
    .replace(CITATION_NEEDED, CITATION_NEEDED_PLACEHOLDER);
}

/** Whether `text` still holds a placeholder (one the parser moved out of its place). */
export function hasPlaceholder(text: string): boolean {
  return text.includes(OPEN) || text.includes(CLOSE);
}

function attribute(attributes: string, key: string): string | undefined {
  const m = new RegExp(`\\b${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'/>]+))`, 'i').exec(attributes);
  const value = m ? (m[1] ?? m[2] ?? m[3] ?? '').trim() : undefined;
  return value === '' ? undefined : value;
}
