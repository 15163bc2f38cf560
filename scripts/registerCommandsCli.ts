import { registerCommands } from '../src/bot/registerCommands.js';
import { loadConfig } from '../src/config/config.js';
import { isUserError } from '../src/errors.js';

// npm run register-commands: registers /ask, /cite and "Find sources" where the bot answers and
// /corpus in the corpus servers, and clears every other scope it registered in before.
try {
  const config = loadConfig();
  for (const { scope, names } of await registerCommands(config)) {
    const where = scope === 'global' ? 'all servers (global; changes may take up to an hour to appear)' : `server ${scope}`;
    process.stdout.write(`register-commands: ${where}: ${names.length > 0 ? names.join(', ') : 'none (cleared)'}\n`);
  }
  if (config.CORPUS_GUILD_IDS.length === 0) {
    process.stdout.write(
      'register-commands: /corpus is registered nowhere; set CORPUS_GUILD_IDS (or DISCORD_GUILD_ID) to the servers allowed to change the corpus\n',
    );
  }
} catch (err) {
  process.stderr.write(`${isUserError(err) ? err.message : `register-commands: ${(err as Error).message}`}\n`);
  process.exitCode = 1;
}
