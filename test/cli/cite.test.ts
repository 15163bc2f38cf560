import { describe, expect, it } from 'vitest';
import { lines, runCli, useIndexedCorpus } from '../support/runCli.js';

const FOOTNOTE_6 = '"La France et la Corée du Nord", French Ministry of Foreign Affairs, December 2012';
const OFFICE =
  'The office was opened in Pyongyang on 10 October, and focuses on cultural and humanitarian issues. The French government has made clear that the opening of the office does not imply a formal diplomatic recognition of North Korea by France; such recognition remains conditional upon "an improvement on the nuclear issue, inter-Korean relations, and the humanitarian and human rights situation".[6]';
const TRAINING = 'It primarily provides administrative training, and training in the field of architecture.[6]';

const where = useIndexedCorpus('cli-cite-');

describe.concurrent('cite', () => {
  it('--json: one entry per document, with both passages citing footnote 6', async () => {
    const result = await runCli('cite', ['6', '--json'], where());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(lines(result.stdout)).toHaveLength(1);
    const citations = JSON.parse(result.stdout);
    expect(citations).toEqual([
      {
        doc: 'france-north-korea-relations',
        title: 'France–North Korea relations',
        n: 6,
        text: FOOTNOTE_6,
        passages: [
          { section: 'Introduction', text: OFFICE },
          { section: 'Economic relations', text: TRAINING },
        ],
      },
    ]);
    expect(Object.keys(citations[0])).toEqual(['doc', 'title', 'n', 'text', 'passages']);
  });

  it('prints the reference and every citing passage as text', async () => {
    const result = await runCli('cite', ['1', '--doc', 'france-north-korea-relations'], where());
    expect(result.code, result.stderr).toBe(0);
    expect(
      result.stdout.startsWith(
        `[1] "DPRK Diplomatic Relations", National Committee on North Korea\n    in France–North Korea relations (france-north-korea-relations)\n`,
      ),
    ).toBe(true);
    expect(result.stdout).toContain(
      '  > Relations between France and North Korea are very limited. France is one of the only two European Union members not to recognise North Korea, the other being Estonia.[1]\n',
    );
  });

  it('refuses an unknown footnote with the valid range', async () => {
    const result = await runCli('cite', ['99'], where());
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'unknown_footnote: cite: no footnote 99; footnotes run from 1 to 10\n' });
  });

  it('refuses an unknown document and a non-number', async () => {
    const doc = await runCli('cite', ['6', '--doc', 'nope'], where());
    expect(doc).toEqual({ code: 2, stdout: '', stderr: 'unknown_document: cite: no document "nope"; known: france-north-korea-relations\n' });
    const word = await runCli('cite', ['six'], where());
    expect(word).toEqual({ code: 2, stdout: '', stderr: 'bad_footnote: cite: "six" is not a footnote number; use a whole number from 1\n' });
  });
});
