import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFolders, ROOT, runCli } from './support/runCli.js';

// `npm start` compiles src/ to plain JavaScript in dist/ when it is missing or stale
// (scripts/buildIfStale.mjs, then tsc -p tsconfig.build.json) and runs it with node alone. This
// does the same in a copy of the project's sources (its node_modules through a link) and runs the
// compiled entry points, including an index build in its child process.
describe('the compiled build (npm start: scripts/buildIfStale.mjs, tsc -p tsconfig.build.json)', () => {
  let dir: string;
  let outDir: string;
  /** Runs npm start's build step in the copy; returns what it printed on stderr. */
  const buildIfStale = (): string => {
    const result = spawnSync(process.execPath, ['scripts/buildIfStale.mjs'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
    return result.stderr;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-bot-compiled-'));
    outDir = join(dir, 'dist');
    for (const path of ['src', 'tsconfig.json', 'tsconfig.build.json', 'scripts/buildIfStale.mjs'])
      cpSync(join(ROOT, path), join(dir, path), { recursive: true });
    // What node needs to run dist/ outside the project: ES modules, and the project's dependencies.
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    expect(buildIfStale()).toBe('build: compiling src/ to dist/…\n');
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers from the command line with plain node, building the index in its child process', async () => {
    const folders = { cwd: dir, ...cliFolders(join(dir, 'run')) };
    const result = await runCli('ask', ['--json', 'Does France recognise North Korea?'], { ...folders, compiledDir: outDir });

    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('index: building (no index yet)');
    const answer = JSON.parse(result.stdout);
    expect(answer.answered).toBe(true);
    expect(answer.passages[0].text).toContain('not to recognise North Korea');
    expect(existsSync(join(folders.dataDir, 'CURRENT'))).toBe(true);
  });

  it('compiles again only when a source file is newer than the last build', () => {
    expect(buildIfStale()).toBe('');
    const now = new Date();
    utimesSync(join(dir, 'src/errors.ts'), now, now);
    expect(buildIfStale()).toBe('build: src/ changed; compiling to dist/…\n');
    expect(buildIfStale()).toBe('');
  });

  it('starts the bot entry point (npm start) with plain node: without DISCORD_TOKEN, one line and exit 2', () => {
    const result = spawnSync(process.execPath, [join(outDir, 'app/main.js')], {
      cwd: dir,
      env: { PATH: process.env.PATH, DISCORD_TOKEN: '' },
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'bot: DISCORD_TOKEN is not set; copy .env.example to .env and fill it in, or try the engine without Discord: npm run ask -- "question"\n',
    );
  });
});
