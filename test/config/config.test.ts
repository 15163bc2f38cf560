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
    expect(config).toMatchObject({
      CORPUS_DIR: 'corpus',
      DATA_DIR: 'data',
      EMBEDDER: 'auto',
      MODEL_OFFLINE: false,
      ANSWER_PASSAGES: 3,
      DICTIONARY_DIR: '/usr/share/dictd',
    });
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads .env, and the process environment wins over it', () => {
    const file = join(dir, '.env');
    writeFileSync(file, 'CORPUS_DIR=from-file\nANSWER_PASSAGES=5\n');
    expect(loadConfig({ CORPUS_DIR: 'from-env' }, file)).toMatchObject({ CORPUS_DIR: 'from-env', ANSWER_PASSAGES: 5 });
  });

  it('names the bad key and what was expected, and points to .env.example', () => {
    expect(() => loadConfig({ EMBEDDER: 'gpt' }, NO_FILE)).toThrow(
      'bad_config: config: EMBEDDER is not valid: expected one of "auto"|"transformers"|"hash"; see .env.example',
    );
    expect(() => loadConfig({ DISCORD_GUILD_ID: '12ab' }, NO_FILE)).toThrow(
      'bad_config: config: DISCORD_GUILD_ID is not valid: must be a Discord id (17 to 20 digits); see .env.example',
    );
  });

  it('never echoes a value, which could be a secret put under the wrong key', () => {
    const secret = 'MTEw.SECRET-TOKEN-canary-7f3a9.zz';
    for (const key of CONFIG_KEYS) {
      let message = '';
      try {
        loadConfig({ [key]: secret }, NO_FILE);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message, key).not.toContain(secret);
      expect(message, key).not.toContain('SECRET');
    }
    expect(() => loadConfig({ DISCORD_CLIENT_ID: secret }, NO_FILE)).toThrow(
      'bad_config: config: DISCORD_CLIENT_ID is not valid: must be a Discord id (17 to 20 digits); see .env.example',
    );
  });

  it('reads CORPUS_GUILD_IDS as a list of server ids, defaulting to DISCORD_GUILD_ID', () => {
    const a = '710000000000000001';
    const b = '720000000000000002';
    expect(loadConfig({}, NO_FILE).CORPUS_GUILD_IDS).toEqual([]);
    expect(loadConfig({ DISCORD_GUILD_ID: a }, NO_FILE).CORPUS_GUILD_IDS).toEqual([a]);
    expect(loadConfig({ DISCORD_GUILD_ID: a, CORPUS_GUILD_IDS: ` ${b} , ${a},` }, NO_FILE).CORPUS_GUILD_IDS).toEqual([b, a]);
    expect(() => loadConfig({ CORPUS_GUILD_IDS: `${a},general` }, NO_FILE)).toThrow(
      'bad_config: config: CORPUS_GUILD_IDS is not valid: must be Discord server ids (17 to 20 digits) separated by commas; see .env.example',
    );
  });

  it('keeps feedback and declined questions GAPS_RETENTION_DAYS days, 90 by default', () => {
    expect(loadConfig({}, NO_FILE).GAPS_RETENTION_DAYS).toBe(90);
    expect(loadConfig({ GAPS_RETENTION_DAYS: '30' }, NO_FILE).GAPS_RETENTION_DAYS).toBe(30);
    expect(() => loadConfig({ GAPS_RETENTION_DAYS: '0' }, NO_FILE)).toThrow('bad_config: config: GAPS_RETENTION_DAYS is not valid: ');
  });

  it('keeps an answer for its buttons ANSWER_STATE_DAYS days, 7 by default', () => {
    expect(loadConfig({}, NO_FILE).ANSWER_STATE_DAYS).toBe(7);
    expect(loadConfig({ ANSWER_STATE_DAYS: '1' }, NO_FILE).ANSWER_STATE_DAYS).toBe(1);
    expect(() => loadConfig({ ANSWER_STATE_DAYS: '0' }, NO_FILE)).toThrow('bad_config: config: ANSWER_STATE_DAYS is not valid: ');
  });

  it('documents every key in .env.example with a comment above it', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n');
    for (const key of CONFIG_KEYS) {
      const line = example.findIndex((l) => l.startsWith(`${key}=`));
      expect(line, key).toBeGreaterThan(0);
      expect(
        example
          .slice(0, line)
          .reverse()
          .find((l) => l.trim() !== '' && !/^[A-Z_]+=/.test(l)),
        key,
      ).toMatch(/^#/);
    }
  });
});
