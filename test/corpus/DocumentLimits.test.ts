import { describe, expect, it } from 'vitest';
import { checkChunkCount, chunkDocument } from '../../src/chunking/chunkDocument.js';
import { loadConfig } from '../../src/config/config.js';
import { DEFAULT_DOCUMENT_LIMITS, documentLimitsFromConfig } from '../../src/corpus/DocumentLimits.js';
import { parseDocument } from '../../src/corpus/parseDocument.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const limits = { sections: 3, sentences: 10, chunks: 2, lineChars: 200 };
const FIX = '(split the document, or raise the limit in .env)';

describe('document limits', () => {
  it('refuses a Markdown document of too many sections, with the real count', () => {
    const text = `# Many\n\n${Array.from({ length: 100_000 }, (_, i) => `## h${i}\nA b${i} c.\n`).join('')}`;
    expect(() => parseDocument('x.md', utf8(text), limits)).toThrow(`document_too_large: corpus: "x.md" has 100000 sections; the limit is MAX_DOC_SECTIONS=3 ${FIX}`);
    expect(() => parseDocument('x.md', utf8(text))).toThrow(`document_too_large: corpus: "x.md" has 100000 sections; the limit is MAX_DOC_SECTIONS=1000 ${FIX}`);
  });

  it('refuses a Wikipedia text of too many sections', () => {
    const text = `Title\n\nLead sentence here.\n\n${Array.from({ length: 5 }, (_, i) => `Part ${i}[edit]\n\nSome text is here.\n`).join('\n')}`;
    expect(() => parseDocument('w.txt', utf8(text), limits)).toThrow(`document_too_large: corpus: "w.txt" has 5 sections; the limit is MAX_DOC_SECTIONS=3 ${FIX}`);
  });

  it('refuses too many sentences, in one paragraph or in many', () => {
    const one = `Title\n\n${Array.from({ length: 11 }, (_, i) => `Zeta ran ${i}.`).join(' ')}\n`;
    const many = `Title\n\n${Array.from({ length: 11 }, (_, i) => `Zeta ran far ${i}.`).join('\n')}\n`;
    const message = `document_too_large: corpus: "s.txt" has more than 10 sentences; the limit is MAX_DOC_SENTENCES=10 ${FIX}`;
    expect(() => parseDocument('s.txt', utf8(one), limits)).toThrow(message);
    expect(() => parseDocument('s.txt', utf8(many), limits)).toThrow(message);
  });

  it('refuses a line longer than the limit, naming the line', () => {
    const text = `Title\n\n${'word '.repeat(100)}end.\n`;
    expect(() => parseDocument('l.txt', utf8(text), limits)).toThrow(`document_too_large: corpus: "l.txt" has a line of 504 characters (line 3); the limit is MAX_LINE_CHARS=200 ${FIX}`);
  });

  it('refuses a document cut into too many chunks', () => {
    const doc = parseDocument('c.md', utf8(`# C\n\n${Array.from({ length: 6 }, (_, i) => `## S${i}\n\nSentence ${i} is here.\n`).join('\n')}`));
    expect(() => checkChunkCount('c.md', chunkDocument(doc), limits)).toThrow(`document_too_large: corpus: "c.md" has 6 chunks; the limit is MAX_DOC_CHUNKS=2 ${FIX}`);
    expect(() => checkChunkCount('c.md', chunkDocument(doc), DEFAULT_DOCUMENT_LIMITS)).not.toThrow();
  });

  it('reads the limits from config, with the same defaults', () => {
    expect(documentLimitsFromConfig(loadConfig({}, '/nonexistent/.env'))).toEqual(DEFAULT_DOCUMENT_LIMITS);
    expect(documentLimitsFromConfig(loadConfig({ MAX_DOC_SECTIONS: '7', MAX_LINE_CHARS: '99' }, '/nonexistent/.env'))).toMatchObject({ sections: 7, lineChars: 99 });
  });
});
