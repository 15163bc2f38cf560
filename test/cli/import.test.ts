import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMediaWiki, startFakeMediaWiki } from '../support/FakeMediaWiki.js';
import { cliFolders, runCli } from '../support/runCli.js';

const URL_ = 'https://en.wikipedia.org/wiki/Goryeo_ware';
let api: FakeMediaWiki;
let folders: { cwd: string; corpusDir: string; dataDir: string };
let env: Record<string, string>;

beforeAll(async () => {
  const wikitext = readFileSync(new URL('../fixtures/wikitext/Goryeo-ware.wikitext', import.meta.url), 'utf8');
  api = await startFakeMediaWiki([{ title: 'Goryeo ware', wikitext }]);
  const cwd = mkdtempSync(join(tmpdir(), 'cli-import-'));
  folders = { cwd, ...cliFolders(cwd) };
  env = { WIKIPEDIA_API_URL: api.apiUrl };
});
afterAll(async () => {
  await api.close();
  rmSync(folders.cwd, { recursive: true, force: true });
});

describe('import', () => {
  it('imports an article, then ask answers from it with its linked footnote and cite lists it', async () => {
    const imported = await runCli('import', [URL_], { ...folders, env });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const file = join(folders.corpusDir, 'goryeo-ware.txt');
    const [head, from, into, figures, hint, ...rest] = imported.stdout.split('\n');
    expect([head, from, into, hint, rest]).toEqual([
      'Imported "Goryeo ware" (revision 123456789 of 2017-06-01T10:20:30Z)',
      '  from  https://en.wikipedia.org/wiki/Goryeo_ware',
      `  into  ${file}`,
      'Run npm run build:index (or ask a question) to index it.',
      [''],
    ]);
    expect(figures).toMatch(/^ {2}2 sections, 6 sentences, 4 references \(4 with a URL\); parsed in \d+ ms, written in \d+ ms$/);
    expect(readFileSync(file, 'utf8')).toContain('  3. ^ British Museum - Term details <https://www.britishmuseum.org/');

    const asked = await runCli('ask', ['--json', 'Who was the Living National Treasure who specialised in Goryeo celadon?'], { ...folders, env });
    expect(asked.code, asked.stderr).toBe(0);
    const answer = JSON.parse(asked.stdout);
    expect(answer.answered).toBe(true);
    const top = answer.passages[0];
    expect(top).toMatchObject({ doc: 'goryeo-ware', title: 'Goryeo ware', section: 'History' });
    expect(top.text).toContain('Living National Treasure Yu Geun-Hyeong.[3]');
    expect(top.footnotes).toContainEqual({
      n: 3,
      text: 'British Museum - Term details',
      url: 'https://www.britishmuseum.org/research/search_the_collection_database/term_details.aspx?bioId=140564',
    });

    const text = await runCli('ask', ['Who was the Living National Treasure who specialised in Goryeo celadon?'], { ...folders, env });
    expect(text.stdout).toContain(
      '[3] British Museum - Term details https://www.britishmuseum.org/research/search_the_collection_database/term_details.aspx?bioId=140564\n',
    );

    const cited = await runCli('cite', ['3', '--doc', 'goryeo-ware', '--json'], { ...folders, env });
    expect(cited.code, cited.stderr).toBe(0);
    expect(JSON.parse(cited.stdout)[0]).toMatchObject({ n: 3, url: expect.stringMatching(/^https:\/\/www\.britishmuseum\.org\//) });
  });

  it('refuses to overwrite without --replace, and replaces with it', async () => {
    const again = await runCli('import', [URL_], { ...folders, env });
    const file = join(folders.corpusDir, 'goryeo-ware.txt');
    expect(again).toEqual({
      code: 2,
      stdout: '',
      stderr: `document_exists: import: ${file} already exists; add --replace to overwrite it with revision 123456789\n`,
    });
    const replaced = await runCli('import', [URL_, '--replace', '--json'], { ...folders, env });
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(JSON.parse(replaced.stdout)).toMatchObject({ id: 'goryeo-ware', replaced: true, revisionId: 123456789, references: 4 });
  });

  it('refuses a missing article and a non-Wikipedia URL in one line', async () => {
    const host = new URL(api.apiUrl).host;
    expect(await runCli('import', ['https://en.wikipedia.org/wiki/Nope'], { ...folders, env })).toEqual({
      code: 2,
      stdout: '',
      stderr: `wikipedia_missing: import: no article "Nope" on ${host}; check the title in the URL\n`,
    });
    const bad = await runCli('import', ['https://example.com/x'], { ...folders, env });
    expect(bad).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'bad_url: import: "https://example.com/x" is not a Wikipedia article URL; give an article URL such as https://en.wikipedia.org/wiki/Goryeo_ware\n',
    });
  });
});
