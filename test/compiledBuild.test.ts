import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFolders, ROOT, runCli } from './support/runCli.js';

// `npm run build` compiles src/ to plain JavaScript; `npm start` and a deployed bot run that with
// node alone. This compiles to a temporary folder (beside the project's node_modules, through a
// link) and runs the compiled entry points, including an index build in its child process.
describe('the compiled build (tsc -p tsconfig.build.json)', () => {
  let dir: string;
  let outDir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-bot-compiled-'));
    outDir = join(dir, 'dist');
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', outDir, '--tsBuildInfoFile', join(outDir, '.tsbuildinfo')]);
    // What node needs to run dist/ outside the project: ES modules, and the project's dependencies.
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
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

  it('starts the bot entry point (npm start) with plain node: without DISCORD_TOKEN, one line and exit 2', () => {
    const result = spawnSync(process.execPath, [join(outDir, 'bot/main.js')], {
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
