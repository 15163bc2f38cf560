import { describe, expect, it } from 'vitest';
import { quoteBlock, safeText } from '../../../src/bot/render/safeText.js';

describe('safeText', () => {
  it('neutralises formatting at the start of every line, not only the first', () => {
    const text = [
      'France',
      '> quoted',
      '>>> all the rest',
      '-# subtext',
      '# heading',
      '### small heading',
      '- item',
      '* star',
      '1. numbered',
      '  > indented quote',
    ].join('\n');

    expect(safeText(text).split('\n')).toEqual([
      'France',
      '\\> quoted',
      '\\>>> all the rest',
      '\\-# subtext',
      '\\# heading',
      '\\### small heading',
      '\\- item',
      '\\* star',
      '1\\. numbered',
      '  \\> indented quote',
    ]);
  });

  it('keeps at most one blank line in a row, counting lines of invisible characters as blank', () => {
    expect(safeText('x\n\n\n\n\n\ny\n \u200b\n\t\n\nz')).toBe('x\n\ny\n\nz');
  });

  it('escapes inline markdown, breaks masked links and mentions', () => {
    expect(safeText('[Official](https://evil.example) @everyone **bold** <@&123456789012345678>')).toBe(
      '[Official]\\(https://evil.example) @\u200beveryone \\*\\*bold\\*\\* <\u200b@&123456789012345678>',
    );
  });

  it('leaves ordinary prose as it is', () => {
    const prose = 'France–North Korea relations (1981): Mitterrand promised recognition.[1]';
    expect(safeText(prose)).toBe(prose);
  });
});

describe('quoteBlock', () => {
  it('quotes every line, each made safe', () => {
    expect(quoteBlock('One.\n> Two.\n-# Three.')).toBe('> One.\n> \\> Two.\n> \\-# Three.');
  });
});
