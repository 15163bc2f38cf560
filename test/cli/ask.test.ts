import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, cliFolders, lines, runCli } from '../support/runCli.js';

const QUESTION = 'Does France recognise North Korea?';
const RECOGNITION = 'France is one of the only two European Union members not to recognise North Korea, the other being Estonia.[1]';
const FOOTNOTE_1 = '"DPRK Diplomatic Relations", National Committee on North Korea';

let tmp: string;
let folders: { cwd: string; corpusDir: string; dataDir: string };
let article: string;

const ask = (args: readonly string[], stdin?: string, where = folders): Promise<CliResult> => runCli('ask', args, { ...where, stdin });

/** A failed run: non-zero exit, exactly one line on stderr, no stack trace, nothing on stdout. */
function expectOneLineError(result: CliResult, message: string | RegExp): void {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  expect(lines(result.stderr)).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  if (typeof message === 'string') expect(result.stderr).toBe(`${message}\n`);
  else expect(result.stderr).toMatch(message);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'cli-ask-'));
  folders = { cwd: tmp, ...cliFolders(tmp) };
  article = readFileSync(join(folders.corpusDir, 'france-north-korea-relations.txt'), 'utf8');
  // Build once through the real build:index command; every test below reuses the index.
  const build = await runCli('buildIndexCli', [], folders);
  expect(build.code, build.stderr).toBe(0);
  expect(lines(build.stdout).slice(0, 4)).toEqual(['documents   1', 'chunks      12', 'embedded    12 (reused 0 from the cache)', 'embedder    hash-v1-512']);
  expect(build.stdout).toMatch(/^seconds {5}[\d.]+ \(parse [\d.]+, embed [\d.]+, index [\d.]+.*\)$/m);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ask: how the question was read', () => {
  it('says in one line which words were corrected or spelt out, and never changes the quote', async () => {
    const result = await ask(['who did pres sarkozy pick as his special envoy for nk']);
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout)[0]).toBe('Read "pres" as "president", "nk" as "north korea".');
    expect(result.stdout).toContain(
      '> In late 2009, French president Nicolas Sarkozy appointed Socialist politician Jack Lang his special envoy to North Korea',
    );
  });

  it('gives the reading in JSON: corrections, expansions and key terms', async () => {
    const result = await ask(['--json', 'what year was miterand in nk']);
    const answer = JSON.parse(result.stdout);
    expect(answer.reading).toEqual({
      corrected: [{ from: 'miterand', to: 'mitterrand' }],
      expanded: [{ from: 'nk', to: 'north korea' }],
      translated: [],
      keyTerms: ['mitterrand', 'north korea'],
      missing: [],
    });
    expect(answer.passages[0].text).toContain('toured North Korea in 1981');
  });

  it('names what the corpus lacks when it declines', async () => {
    const result = await ask(['--json', 'when did germany and north korea set up diplomatic relations']);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({ answered: false, passages: [], reading: { missing: ['germany'] } });
    expect((await ask(['does the UK recognise north korea'])).stdout).toBe('The corpus says nothing about "uk".\n');
  });

  it('--explain prints the key terms, each candidate passage and the decision with its margin', async () => {
    const result = await ask(['--explain', 'who did pres sarkozi pick as his special envoy for nk']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^question: who did pres sarkozi pick/m);
    expect(result.stdout).toMatch(/^ {2}president \[expanded from "pres"\] {2}key/m);
    expect(result.stdout).toMatch(/^ {2}1\. key [\d.]+ {2}cov [\d.]+ {2}score [\d.]+ {2}france-north-korea-relations — Introduction/m);
    expect(result.stdout).toMatch(/^decision: answered \(key coverage \+[\d.]+ against MIN_RELEVANCE 0\.41\)$/m);
  });

  it('--after reads a follow-up with the question before it as context', async () => {
    const result = await ask(['--json', '--k', '1', '--after', 'who did Sarkozy send to Pyongyang?', 'and when did he go there?']);
    expect(result.code, result.stderr).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.question).toBe('and when did he go there?');
    expect(answer.passages[0].text).toContain('Lang traveled to Pyongyang on November 9');
    const explained = await ask(['--explain', '--after', 'who did Sarkozy send to Pyongyang?', 'and when did he go there?']);
    expect(explained.stdout).toContain('context:  "who did Sarkozy send to Pyongyang?"');
    expect(explained.stdout).toMatch(/^ {2}sarkozy {2}context/m);
  });

  it('declines a French question with a one-line note when the French dictionary is missing', async () => {
    const result = await runCli('ask', ['Qui sont les seuls Français qui vivent en Corée du Nord ?'], {
      ...folders,
      env: { DICTIONARY_DIR: join(tmp, 'no-dictionaries') },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      `French questions need the French–English dictionary, not found in ${join(tmp, 'no-dictionaries')}: apt-get install dict-freedict-fra-eng\n`,
    );
  });
});

describe('ask (text)', () => {
  it('prints the quote as "> " lines under document and section, then the footnotes', async () => {
    const result = await ask(['--k', '1', QUESTION]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(['1. France–North Korea relations — Introduction', `> ${RECOGNITION}`, `[1] ${FOOTNOTE_1}`, ''].join('\n'));
  });

  it('warns visibly on a [citation needed] claim', async () => {
    const result = await ask(['--k', '1', 'Did Mitterrand promise recognition to North Korea?']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        '1. France–North Korea relations — Introduction',
        '> President François Mitterrand who toured North Korea in 1981 promised recognition to North Korea before he was elected.[citation needed]',
        '⚠ This claim is marked [citation needed] in the source: no reference supports it.',
        '',
      ].join('\n'),
    );
  });

  it('says so when the corpus has nothing on the question', async () => {
    const result = await ask(['What is the population of Brazil?']);
    // "Brazil" is a name the corpus never uses: the decline names it.
    expect(result).toEqual({ code: 0, stdout: 'The corpus says nothing about "brazil".\n', stderr: '' });
  });
});

describe('ask --json', () => {
  it('prints exactly one JSON object with exactly the contract keys, at most --k passages', async () => {
    const result = await ask(['--json', '--k', '1', QUESTION]);
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout)).toHaveLength(1);
    const answer = JSON.parse(result.stdout);
    expect(answer).toEqual({
      question: QUESTION,
      answered: true,
      passages: [
        {
          doc: 'france-north-korea-relations',
          title: 'France–North Korea relations',
          section: 'Introduction',
          text: RECOGNITION,
          score: expect.any(Number),
          footnotes: [{ n: 1, text: FOOTNOTE_1 }],
          citationNeeded: false,
        },
      ],
      reading: { corrected: [], expanded: [], translated: [], keyTerms: ['france', 'north', 'korea'], missing: [] },
    });
    expect(Object.keys(answer)).toEqual(['question', 'answered', 'passages', 'reading']);
    expect(Object.keys(answer.passages[0])).toEqual(['doc', 'title', 'section', 'text', 'score', 'footnotes', 'citationNeeded']);
  });

  it('reads one question per line from stdin and writes one JSON line each, in one process', async () => {
    const questions = [QUESTION, 'What is the population of Brazil?', 'Who was to head the French office in North Korea?'];
    const result = await ask(['--json'], `${questions.join('\n')}\n`);
    expect(result.code, result.stderr).toBe(0);
    const answers = lines(result.stdout).map((l) => JSON.parse(l));
    expect(answers.map((a) => [a.question, a.answered])).toEqual([
      [questions[0], true],
      [questions[1], false],
      [questions[2], true],
    ]);
    for (const a of answers) {
      expect(Object.keys(a)).toEqual(['question', 'answered', 'passages', 'reading']);
      expect(a.passages.length).toBeLessThanOrEqual(3);
      for (const p of a.passages) {
        expect(Object.keys(p)).toEqual(['doc', 'title', 'section', 'text', 'score', 'footnotes', 'citationNeeded']);
        expect(p.text.length).toBeLessThanOrEqual(400);
        expect(article).toContain(p.text);
      }
    }
    expect(answers[2].passages[0].text).toContain('headed by French diplomat Olivier Vaysset');
    expect(answers[2].passages[0].footnotes).toEqual([{ n: 5, text: 'Associated Press, September 29, 2011' }]);
  });

  it('works through the package script name: npm run -s ask', async () => {
    const { spawnSync } = await import('node:child_process');
    const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDER: 'hash', CORPUS_DIR: folders.corpusDir, DATA_DIR: folders.dataDir };
    delete env.MIN_RELEVANCE;
    const result = spawnSync('npm', ['run', '-s', 'ask', '--', '--json', '--k', '1', QUESTION], {
      cwd: new URL('../../', import.meta.url).pathname,
      env,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).passages[0].text).toBe(RECOGNITION);
  });
});

describe.concurrent('ask with bad input: one line on stderr, non-zero exit, no stack trace', () => {
  it('refuses an empty question', async () => {
    expectOneLineError(await ask(['']), 'bad_question: question: is empty; ask something, e.g. "Does France recognise North Korea?"');
  });

  it('refuses a blank question', async () => {
    expectOneLineError(await ask(['   \t ']), 'bad_question: question: is empty; ask something, e.g. "Does France recognise North Korea?"');
  });

  it('refuses a question over 500 characters', async () => {
    expectOneLineError(await ask(['a'.repeat(501)]), 'bad_question: question: is 501 characters long; the limit is 500');
  });

  it('refuses an unknown flag', async () => {
    expectOneLineError(await ask(['--jsno', QUESTION]), 'bad_option: ask: unknown option "--jsno"; options: --json, --explain, --after, --k, --help');
  });

  it('refuses a bad --k', async () => {
    expectOneLineError(await ask(['--k', '0', QUESTION]), 'bad_option: ask: --k must be a whole number from 1, got "0"');
  });

  it('refuses a corrupted index (garbage in chunks.json of the current build)', async () => {
    const dir = join(tmp, 'corrupt');
    const where = { cwd: tmp, corpusDir: folders.corpusDir, dataDir: join(dir, 'data') };
    cpSync(folders.dataDir, where.dataDir, { recursive: true });
    const current = readFileSync(join(where.dataDir, 'CURRENT'), 'utf8').trim();
    const chunks = join(where.dataDir, current, 'chunks.json');
    writeFileSync(chunks, 'garbage');
    expectOneLineError(
      await ask([QUESTION], undefined, where),
      /^index_corrupt: index: ".*chunks\.json" is 7 bytes, expected \d+; run `npm run build:index` to rebuild it\n$/,
    );
  });

  it('names a non-UTF-8 corpus file in a warning and still answers from the other documents', async () => {
    const dir = join(tmp, 'latin1');
    const where = { cwd: tmp, ...cliFolders(dir) };
    writeFileSync(join(where.corpusDir, 'x.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72, 0x2e, 0x0a])); // "Café noir." in Latin-1
    const result = await ask(['--json', '--k', '1', QUESTION], undefined, where);
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stderr)).toContain('warning: bad_document: corpus: "x.txt" is not UTF-8 text');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(JSON.parse(result.stdout).passages[0].text).toBe(RECOGNITION);
  });
});
