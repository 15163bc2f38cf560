import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, ROOT, runCli, useIndexedCorpus } from '../support/runCli.js';

const DEV = join(ROOT, 'test/fixtures/dev.jsonl');

const where = useIndexedCorpus('cli-eval-');

describe.concurrent('eval', () => {
  it('--json prints the dev-set figures as one JSON object', async () => {
    const result = await runCli('eval', ['--file', DEV, '--json'], where());
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout)).toHaveLength(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      'cases',
      'hitAt1',
      'hitAt3',
      'footnotes',
      'citationNeeded',
      'abstention',
      'falseDeclines',
      'falseAnswers',
      'meanQuoteLength',
      'byTag',
      'results',
    ]);
    expect(report.cases).toBe(15);
    expect(report.hitAt1.total).toBe(13);
    expect(report.hitAt1.hits).toBeGreaterThanOrEqual(12);
    expect(report.hitAt3).toEqual({ hits: 13, total: 13 });
    expect(report.footnotes).toEqual({ hits: 13, total: 13 });
    expect(report.citationNeeded).toEqual({ hits: 1, total: 1 });
    expect(report.abstention).toEqual({ hits: 15, total: 15 });
    expect(report.meanQuoteLength).toBeGreaterThan(0);
    expect(report.meanQuoteLength).toBeLessThanOrEqual(400);
    expect(report.results).toHaveLength(15);
  });

  it('prints the figures as a table', async () => {
    const result = await runCli('eval', ['--file', DEV], where());
    expect(result.code, result.stderr).toBe(0);
    const out = lines(result.stdout);
    for (const name of ['cases', 'hit@1', 'hit@3', 'footnote accuracy', 'citation-needed acc.', 'abstention accuracy', 'mean quote length']) {
      expect(
        out.some((l) => l.startsWith(name)),
        name,
      ).toBe(true);
    }
    expect(out).toContain('hit@3                     13/13  1.000');
    expect(out).toContain('abstention accuracy       15/15  1.000');
  });

  it('refuses a missing --file and a file that is not JSON lines', async () => {
    expect(await runCli('eval', [], where())).toEqual({
      code: 2,
      stdout: '',
      stderr: 'bad_option: eval: --file is required, e.g. npm run eval -- --file test/fixtures/dev.jsonl\n',
    });
    const bad = join(where().cwd, 'bad.jsonl');
    writeFileSync(bad, '{"question":"x","expect":{}}\nnot json\n');
    expect(await runCli('eval', ['--file', bad], where())).toEqual({ code: 2, stdout: '', stderr: `bad_eval_file: eval: ${bad} line 2 is not JSON\n` });
  });
});
