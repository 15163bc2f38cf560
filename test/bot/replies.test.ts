import { describe, expect, it } from 'vitest';
import { requireCorpusGuild } from '../../src/bot/replies.js';

const HOME = '710000000000000001';
const OTHER = '720000000000000002';

describe('requireCorpusGuild', () => {
  it('returns the server id of a corpus server', () => {
    expect(requireCorpusGuild(HOME, [OTHER, HOME])).toBe(HOME);
  });

  it('refuses another server, and a direct message (no server)', () => {
    const refusal = 'wrong_server: corpus: this server may not change the corpus; ask the bot’s operator, or use /corpus in the corpus’s home server';
    expect(() => requireCorpusGuild(OTHER, [HOME])).toThrow(refusal);
    expect(() => requireCorpusGuild(null, [HOME])).toThrow(refusal);
  });

  it('with no corpus server configured, refuses everywhere and says how to enable changes', () => {
    expect(() => requireCorpusGuild(HOME, [])).toThrow(
      'corpus_changes_off: corpus: changes from Discord are turned off; set CORPUS_GUILD_IDS (or DISCORD_GUILD_ID) in .env to the servers allowed to change the corpus, then restart the bot',
    );
  });
});
