import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/FakeDiscord.js';

const TOKEN = 'FAKE-BOT-TOKEN.main-test.0123456789';

/** Runs `npm start`'s entry in a folder without .env, so only `env` counts; resolves with its exit and output. */
function runBot(cwd: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(resolve('node_modules/.bin/tsx'), [resolve('src/app/main.ts')], { cwd, env: { PATH: process.env.PATH, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((done) =>
    child.on('exit', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    }),
  );
}

/** A folder with a corpus of the shipped article. */
function workdir(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'corpus-bot-main-'));
  mkdirSync(join(cwd, 'corpus'));
  copyFileSync('corpus/france-north-korea-relations.txt', join(cwd, 'corpus', 'france-north-korea-relations.txt'));
  return cwd;
}

describe('npm start (src/app/main.ts)', () => {
  it('without DISCORD_TOKEN exits 2 with one line pointing to .env.example and npm run ask', () => {
    // A folder without .env, so only the environment given here counts.
    const cwd = mkdtempSync(join(tmpdir(), 'corpus-bot-main-'));
    try {
      const result = spawnSync(resolve('node_modules/.bin/tsx'), [resolve('src/app/main.ts')], {
        cwd,
        env: { PATH: process.env.PATH, DISCORD_TOKEN: '' },
        encoding: 'utf8',
        timeout: 20_000,
      });

      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        'bot: DISCORD_TOKEN is not set; copy .env.example to .env and fill it in, or try the engine without Discord: npm run ask -- "question"\n',
      );
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('with an unusable DATA_DIR exits 1 with one line naming the path and the fix, no stack trace', async () => {
    const cwd = workdir();
    try {
      writeFileSync(join(cwd, 'not-a-folder'), '');

      const result = await runBot(cwd, { DISCORD_TOKEN: TOKEN, EMBEDDER: 'hash', DATA_DIR: 'not-a-folder/data', DISCORD_API_URL: 'http://127.0.0.1:9/api' });

      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /^bot: cannot start: \w+ "not-a-folder\/data[^"]*" failed \(ENOTDIR\); check DATA_DIR and CORPUS_DIR: a part of the path is a file\n$/,
      );
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('when the gateway lookup fails with HTTP 500, exits 1 with one line and no token or stack trace', async () => {
    const cwd = workdir();
    const fake = await FakeDiscord.start();
    try {
      fake.intercept((c) => c.route === '/gateway/bot', { status: 500, body: { message: '500: Internal Server Error', code: 0 } }, 100);

      const result = await runBot(cwd, { DISCORD_TOKEN: TOKEN, EMBEDDER: 'hash', LOG_LEVEL: 'warn', DISCORD_API_URL: fake.apiUrl });

      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines.at(-1)).toBe('bot: Discord answered GET /gateway/bot with HTTP 500 (Internal Server Error); try again later, or check DISCORD_API_URL');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr).not.toContain(TOKEN);
    } finally {
      await fake.close();
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
