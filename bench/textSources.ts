import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readDictdBody } from '../src/dictd/DictdDictionary.js';

/** One generated document: a title and its sections of plain prose. */
export interface SourceDocument {
  readonly title: string;
  readonly sections: readonly { readonly heading: string; readonly text: string }[];
}

/** Where the filler text came from, as reported by the bench. */
export interface TextSource {
  /** e.g. `debian:dict-gcide+fortunes` or `generated-from-article`. */
  readonly name: string;
  /** One line on how it was found or why the fallback was used. */
  readonly note: string;
  /** Documents in a fixed order; callers take as many as they need and may cycle. */
  readonly documents: readonly SourceDocument[];
}

const GCIDE = '/usr/share/dictd/gcide.dict.dz';
const FORTUNES = '/usr/share/games/fortunes';
const PACKAGES = ['dict-gcide', 'fortunes'];
// Dictionary entries per generated document: ~100 sections keeps files near a Wikipedia article's size.
const ENTRIES_PER_DOC = 100;

/**
 * Finds real English text offline: the GNU Collaborative International Dictionary of English
 * (Debian `dict-gcide`) and the `fortunes` quotations, installing them with apt-get when missing
 * and allowed. Falls back to documents made from the article's own sentences.
 */
export function findTextSource(articleText: string, options: { install: boolean; log: (line: string) => void }): TextSource {
  let note = 'found installed';
  if (!existsSync(GCIDE) && options.install) {
    note = tryInstall(options.log);
  }
  if (existsSync(GCIDE)) {
    const documents = [...gcideDocuments(readDictdBody(GCIDE).toString('utf8')), ...fortuneDocuments()];
    return { name: 'debian:dict-gcide+fortunes', note: `${note}: ${GCIDE}, ${FORTUNES}`, documents };
  }
  return {
    name: 'generated-from-article',
    note: `dict-gcide not available (${note}); documents are shuffled sentences of the article`,
    documents: articleDocuments(articleText),
  };
}

function tryInstall(log: (line: string) => void): string {
  if (process.getuid?.() !== 0) return 'not root, cannot apt-get install';
  try {
    log(`bench: installing ${PACKAGES.join(', ')} with apt-get…`);
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 300_000,
    });
    return 'installed with apt-get';
  } catch {
    try {
      execFileSync('apt-get', ['update'], { stdio: 'ignore', timeout: 300_000 });
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], {
        stdio: 'ignore',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        timeout: 300_000,
      });
      return 'installed with apt-get after apt-get update';
    } catch (err) {
      return `apt-get install failed (${(err as Error).message.split('\n')[0]})`;
    }
  }
}

/** GCIDE entries (`Headword \pron\, pos. [etym.]` + indented definition), grouped into documents. */
export function gcideDocuments(dict: string): SourceDocument[] {
  const docs: SourceDocument[] = [];
  let sections: { heading: string; text: string }[] = [];
  for (const block of dict.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => !/^\s*\[[^\]]*Webster[^\]]*\]\s*$|^\s*\[PJC\]\s*$/.test(l));
    const head = /^([A-Z][A-Za-z' -]{1,40}) \\/.exec(lines[0] ?? '');
    if (!head) continue;
    const text = lines
      .join(' ')
      .replace(/\\[^\\]*\\/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (text.length < 60) continue;
    sections.push({ heading: head[1]!.trim(), text });
    if (sections.length === ENTRIES_PER_DOC) {
      docs.push({ title: `Dictionary: ${sections[0]!.heading} to ${sections[sections.length - 1]!.heading}`, sections });
      sections = [];
    }
  }
  return docs;
}

function fortuneDocuments(): SourceDocument[] {
  if (!existsSync(FORTUNES)) return [];
  return readdirSync(FORTUNES)
    .filter((n) => !n.includes('.') && statSync(join(FORTUNES, n)).isFile())
    .map((n) => {
      const quotes = readFileSync(join(FORTUNES, n), 'latin1')
        .split(/\n%\n/)
        .map((q) => q.replace(/\s+/g, ' ').trim())
        .filter((q) => q.length > 40);
      const sections = [];
      for (let i = 0; i < quotes.length; i += 5) sections.push({ heading: `Fortunes ${i / 5 + 1}`, text: quotes.slice(i, i + 5).join(' ') });
      return { title: `Fortunes: ${n}`, sections };
    })
    .filter((d) => d.sections.length > 0);
}

/** Fallback: the article's sentences, shuffled deterministically into documents. */
export function articleDocuments(articleText: string): SourceDocument[] {
  const sentences = articleText
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.replace(/\[\d+\]|\[citation needed\]/g, '').trim())
    .filter((s) => s.length > 40);
  const random = seededRandom(7);
  const docs: SourceDocument[] = [];
  for (let d = 0; d < 50; d++) {
    const sections = [];
    for (let s = 0; s < 20; s++) {
      const picked = Array.from({ length: 4 }, () => sentences[Math.floor(random() * sentences.length)] ?? '');
      sections.push({ heading: `Part ${s + 1}`, text: picked.join(' ') });
    }
    docs.push({ title: `Generated ${d + 1}`, sections });
  }
  return docs;
}

/** Deterministic PRNG (mulberry32) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
