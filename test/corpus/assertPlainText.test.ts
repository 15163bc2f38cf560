import { describe, expect, it } from 'vitest';
import { assertPlainText } from '../../src/corpus/assertPlainText.js';

describe('assertPlainText', () => {
  it('accepts prose with tabs, form feeds and Windows line ends', () => {
    expect(() => assertPlainText('x.txt', 'Title\r\n\r\nSome\ttext.\fMore text.\r\n')).not.toThrow();
  });

  it('refuses a PDF (valid UTF-8 or not) and other document formats renamed .txt', () => {
    expect(() => assertPlainText('pdf.txt', '%PDF-1.4\nstream\nendstream. Real looking sentence here.\n')).toThrow(
      'bad_document: corpus: "pdf.txt" is a PDF file, not text; save it as plain text (.txt) or Markdown (.md) first',
    );
    expect(() => assertPlainText('doc.md', '{\\rtf1\\ansi Hello}')).toThrow('bad_document: corpus: "doc.md" is an RTF file, not text;');
  });

  it('refuses text that is mostly control characters', () => {
    const binary = String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => 1 + ((i * 7919) % 126)));
    expect(() => assertPlainText('bin.md', binary)).toThrow(/^bad_document: corpus: "bin\.md" is binary, not text \(\d+ control characters in 5000\)$/);
  });

  it('allows a stray control character in a long text', () => {
    expect(() => assertPlainText('x.txt', `${'Plain prose. '.repeat(20)}\u0007`)).not.toThrow();
  });
});
