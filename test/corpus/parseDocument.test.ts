import { describe, expect, it } from 'vitest';
import { documentId, parseDocument } from '../../src/corpus/parseDocument.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('parseDocument', () => {
  it('parses .txt as Wikipedia plain text and .md as Markdown; the id is the base name', () => {
    expect(parseDocument('a.txt', utf8('Title\n\nOne sentence is here.\n')).format).toBe('wikipedia');
    expect(parseDocument('dir/b.MD', utf8('# T\n\nOne sentence is here.\n')).format).toBe('markdown');
    expect(documentId('dir/france-north-korea-relations.txt')).toBe('france-north-korea-relations');
  });

  it('drops a UTF-8 byte order mark', () => {
    const doc = parseDocument('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Title\n\nOne sentence is here.\n')]));
    expect(doc.title).toBe('Title');
    expect(doc.text.startsWith('Title')).toBe(true);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => parseDocument('x.txt', new Uint8Array([0x48, 0x69, 0xff, 0xfe, 0x2e]))).toThrow('bad_document: corpus: "x.txt" is not UTF-8 text');
  });

  it('refuses a file with a NUL byte', () => {
    expect(() => parseDocument('x.txt', utf8('Title\n\0\0'))).toThrow('bad_document: corpus: "x.txt" is binary, not text');
  });

  it('refuses a wrong extension', () => {
    expect(() => parseDocument('notes.pdf', utf8('Title'))).toThrow('bad_document: corpus: "notes.pdf" is not a .txt or .md file');
  });

  it('refuses an empty file', () => {
    expect(() => parseDocument('empty.txt', new Uint8Array())).toThrow('bad_document: corpus: "empty.txt" has no paragraphs of text to index');
    expect(() => parseDocument('empty.md', utf8('# Only a title\n'))).toThrow('bad_document: corpus: "empty.md" has no paragraphs of text to index');
  });
});
