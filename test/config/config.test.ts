import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_KEYS, loadConfig } from '../../src/config/config.js';

const dir = mkdtempSync(join(tmpdir(), 'config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NO_FILE = join(dir, 'missing.env');

describe('loadConfig', () => {
  it('has safe defaults with no .env and an empty environment, and freezes the result', () => {
    const config = loadConfig({}, NO_FILE);
    expect(config).toMatchObject({ CORPUS_DIR: 'corpus', DATA_DIR: 'data', EMBEDDER: 'auto', MODEL_OFFLINE: false, ANSWER_PASSAGES: 3, DICTIONARY_DIR: '/usr/share/dictd' });
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads .env, and the process environment wins over it', () => {
    const file = join(dir, '.env');
    writeFileSync(file, 'CORPUS_DIR=from-file\nANSWER_PASSAGES=5\n');
    expect(loadConfig({ CORPUS_DIR: 'from-env' }, file)).toMatchObject({ CORPUS_DIR: 'from-env', ANSWER_PASSAGES: 5 });
  });

  it('names the bad key and value and points to .env.example', () => {
    expect(() => loadConfig({ EMBEDDER: 'gpt' }, NO_FILE)).toThrow(/^bad_config: config: EMBEDDER="gpt" .*; see \.env\.example$/);
    expect(() => loadConfig({ DISCORD_GUILD_ID: '12ab' }, NO_FILE)).toThrow('bad_config: config: DISCORD_GUILD_ID="12ab" must be a Discord id (17 to 20 digits); see .env.example');
  });

  it('documents every key in .env.example with a comment above it', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n');
    for (const key of CONFIG_KEYS) {
      const line = example.findIndex((l) => l.startsWith(`${key}=`));
      expect(line, key).toBeGreaterThan(0);
      expect(example.slice(0, line).reverse().find((l) => l.trim() !== '' && !/^[A-Z_]+=/.test(l)), key).toMatch(/^#/);
    }
  });
});
