import { describe, expect, it } from 'vitest';
import { describeStartupError } from '../../src/bot/describeStartupError.js';
import { UserError } from '../../src/errors.js';

const TOKEN = 'MTEw.SECRET-TOKEN-canary-7f3a9.zz';
const systemError = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: failed, ${syscall} '${path}'`), { code, syscall, path });

describe('describeStartupError', () => {
  it('names the folder and the fix for a read-only or full DATA_DIR', () => {
    expect(describeStartupError(systemError('EROFS', 'mkdir', '/srv/bot/data/builds'))).toBe(
      'bot: cannot start: mkdir "/srv/bot/data/builds" failed (EROFS); DATA_DIR must be on a writable file system',
    );
    expect(describeStartupError(systemError('EACCES', 'open', '/srv/bot/data/CURRENT'))).toBe(
      'bot: cannot start: open "/srv/bot/data/CURRENT" failed (EACCES); check that DATA_DIR and CORPUS_DIR are writable by this user',
    );
  });

  it('says which Discord request failed with which status, without the token', () => {
    const error = Object.assign(new Error('Internal Server Error'), {
      name: 'HTTPError',
      status: 500,
      method: 'GET',
      url: 'https://discord.com/api/v10/gateway/bot',
    });
    expect(describeStartupError(error, [TOKEN])).toBe(
      'bot: Discord answered GET /gateway/bot with HTTP 500 (Internal Server Error); try again later, or check DISCORD_API_URL',
    );
  });

  it('points to DISCORD_TOKEN when Discord refuses it, over REST or the gateway', () => {
    const refused = 'bot: Discord refused the token; check DISCORD_TOKEN (reset it on the Bot tab of the developer portal if needed)';
    expect(describeStartupError(Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' }))).toBe(refused);
    expect(describeStartupError(new Error('Authentication failed'))).toBe(refused);
  });

  it('says Discord cannot be reached, from the cause fetch wraps', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 9 });
    expect(describeStartupError(new Error('fetch failed', { cause }))).toBe(
      'bot: cannot reach Discord (ECONNREFUSED 127.0.0.1:9); check the network and DISCORD_API_URL, then start again',
    );
  });

  it('keeps a user error as it is, and anything else to one line with the token redacted', () => {
    expect(describeStartupError(new UserError('index_mismatch', 'index: built with another embedder'))).toBe(
      'index_mismatch: index: built with another embedder',
    );
    const odd = new Error(`odd ${TOKEN}\nsecond line`);
    expect(describeStartupError(odd, [TOKEN])).toBe('bot: cannot start: Error: odd [redacted]');
  });
});
