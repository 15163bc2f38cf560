import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/corpus/parseMarkdown.js';

const MD = [
  '# Harbour notes',
  '',
  'The harbour opened in 1850.[^1] It is deep',
  'and sheltered.',
  '',
  '## History',
  '',
  'Ships came from far away. Trade grew fast.[^2]',
  '',
  '```',
  'code. Not prose.',
  '```',
  '',
  '## Empty',
  '',
  '[^1]: Port Authority, 1850 report.',
  '[^2]: Smith, "Trade", 1901.',
  '',
].join('\n');

describe('parseMarkdown', () => {
  const doc = parseMarkdown('harbour', MD);
  const sentences = doc.sections.map((s) => ({
    heading: s.heading,
    sentences: s.paragraphs.flatMap((p) => p.sentences.map((x) => ({ text: MD.slice(x.start, x.end), footnotes: x.footnotes, supportedBy: x.supportedBy }))),
  }));

  it('takes the title from the first # heading and sections from deeper headings', () => {
    expect(doc.title).toBe('Harbour notes');
    expect(doc.format).toBe('markdown');
    expect(doc.sections.map((s) => s.heading)).toEqual(['Introduction', 'History']);
  });

  it('reads [^n] markers, joins wrapped lines into one paragraph and skips code blocks', () => {
    expect(sentences).toEqual([
      {
        heading: 'Introduction',
        sentences: [
          { text: 'The harbour opened in 1850.[^1]', footnotes: [1], supportedBy: [1] },
          { text: 'It is deep\nand sheltered.', footnotes: [], supportedBy: [] },
        ],
      },
      {
        heading: 'History',
        sentences: [
          { text: 'Ships came from far away.', footnotes: [], supportedBy: [2] },
          { text: 'Trade grew fast.[^2]', footnotes: [2], supportedBy: [2] },
        ],
      },
    ]);
  });

  it('reads [^n]: definitions as the reference list, not as body text', () => {
    expect(doc.references).toEqual([
      { n: 1, text: 'Port Authority, 1850 report.', backlinks: 1 },
      { n: 2, text: 'Smith, "Trade", 1901.', backlinks: 1 },
    ]);
  });

  it('falls back to the id as title when there is no # heading', () => {
    expect(parseMarkdown('plain', 'Just one sentence here.\n').title).toBe('plain');
  });

  it('quotes a list item without its bullet or number', () => {
    const text = '# List\n\n- First item is here.\n2. Second item follows.\n';
    const doc = parseMarkdown('list', text);
    const quotes = doc.sections[0]!.paragraphs.map((p) => text.slice(p.start, p.end));
    expect(quotes).toEqual(['First item is here.', 'Second item follows.']);
  });
});
