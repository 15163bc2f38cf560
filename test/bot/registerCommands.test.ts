import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/bot/registerCommands.js';
import { loadConfig } from '../../src/config/config.js';
import { FakeDiscord } from '../support/FakeDiscord.js';

const HOME = '1200000000000000021';
const SECOND = '1200000000000000022';
const ANSWERS = ['ask', 'cite', 'Find sources'];

describe('registerCommands', () => {
  let fake: FakeDiscord;
  let dir: string;

  beforeEach(async () => {
    fake = await FakeDiscord.start();
    dir = mkdtempSync(join(tmpdir(), 'register-'));
  });
  afterEach(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs registration with the given server settings, as `npm run register-commands` would. */
  function register(env: { DISCORD_GUILD_ID?: string; CORPUS_GUILD_IDS?: string }) {
    const config = loadConfig(
      { DISCORD_TOKEN: 'FAKE-BOT-TOKEN.register', DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DATA_DIR: join(dir, 'data'), ...env },
      join(dir, 'no.env'),
    );
    return registerCommands(config);
  }
  const names = (scope?: string) => (fake.registeredCommands(scope) as { name: string }[]).map((c) => c.name);

  it('with no server set registers the answering commands globally and /corpus nowhere', async () => {
    const done = await register({});

    expect(done).toEqual([{ scope: 'global', names: ANSWERS }]);
    expect(names()).toEqual(ANSWERS);
  });

  it('registers /corpus only in the corpus servers, with Manage Server as default permission', async () => {
    await register({ CORPUS_GUILD_IDS: `${HOME},${SECOND}` });

    expect(names()).toEqual(ANSWERS);
    expect(names(HOME)).toEqual(['corpus']);
    expect(names(SECOND)).toEqual(['corpus']);
    expect((fake.registeredCommands(HOME)[0] as { default_member_permissions: string }).default_member_permissions).toBe('32');
  });

  it('switching from global to one server removes the global commands, /corpus included', async () => {
    await register({ CORPUS_GUILD_IDS: SECOND });

    await register({ DISCORD_GUILD_ID: HOME });

    expect(names()).toEqual([]);
    expect(names(HOME)).toEqual(['ask', 'cite', 'corpus', 'Find sources']);
    expect(names(SECOND)).toEqual([]);
  });

  it('switching from a server back to global removes the commands registered in that server', async () => {
    await register({ DISCORD_GUILD_ID: HOME });

    const done = await register({});

    expect(names(HOME)).toEqual([]);
    expect(names()).toEqual(ANSWERS);
    expect(done).toEqual([
      { scope: 'global', names: ANSWERS },
      { scope: HOME, names: [] },
    ]);
  });
});
