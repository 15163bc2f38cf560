import { describe, expect, it } from 'vitest';
import { assertDocumentFileName, extensionOf, isDocumentFileName } from '../../src/corpus/documentFileName.js';
import { UserError } from '../../src/errors.js';

describe('documentFileName', () => {
  it('reads the last extension, lower-cased', () => {
    expect(extensionOf('Notes.TXT')).toBe('.txt');
    expect(extensionOf('archive.tar.md')).toBe('.md');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('dir.v2/file')).toBe('');
  });

  it('accepts .txt and .md in any case and nothing else', () => {
    expect(['a.txt', 'b.MD', 'c.Txt'].map(isDocumentFileName)).toEqual([true, true, true]);
    expect(['a.pdf', 'b.txt.exe', 'c', 'txt', '.txt.bak'].map(isDocumentFileName)).toEqual([false, false, false, false, false]);
  });

  it('refuses other names with bad_document and the name in the message', () => {
    expect(() => assertDocumentFileName('report.pdf')).toThrow(UserError);
    expect(() => assertDocumentFileName('report.pdf')).toThrow(/"report\.pdf" is not a \.txt or \.md file/);
    expect(() => assertDocumentFileName('report.md')).not.toThrow();
  });
});
