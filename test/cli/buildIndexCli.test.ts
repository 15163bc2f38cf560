import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliFolders, lines, runCli } from '../support/runCli.js';

const tmp = mkdtempSync(join(tmpdir(), 'cli-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('build:index', () => {
  it('names a document over the limits and skips it, indexing the others', async () => {
    const folders = { cwd: tmp, ...cliFolders(tmp) };
    writeFileSync(join(folders.corpusDir, 'many.md'), `# Many\n\n${Array.from({ length: 1500 }, (_, i) => `## h${i}\nA b${i} c.\n`).join('')}`);
    const result = await runCli('buildIndexCli', [], folders);
    expect(result.code).toBe(2);
    expect(lines(result.stdout).slice(0, 2)).toEqual(['documents   1', 'chunks      12']);
    expect(result.stdout).toContain(
      'document_too_large: corpus: "many.md" has 1500 sections; the limit is MAX_DOC_SECTIONS=1000 (split the document, or raise the limit in .env)',
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
