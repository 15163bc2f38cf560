import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start (src/bot/main.ts)', () => {
  it('without DISCORD_TOKEN exits 2 with one line pointing to .env.example and npm run ask', () => {
    // A folder without .env, so only the environment given here counts.
    const cwd = mkdtempSync(join(tmpdir(), 'corpus-bot-main-'));
    try {
      const result = spawnSync(resolve('node_modules/.bin/tsx'), [resolve('src/bot/main.ts')], {
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
});
