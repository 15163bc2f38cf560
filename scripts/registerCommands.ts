import { registerCommands } from '../src/bot/registerCommands.js';
import { loadConfig } from '../src/config/config.js';
import { isUserError } from '../src/errors.js';

// npm run register-commands: registers /ask, /cite, /corpus and "Find sources" (never done on bot start).
try {
  const config = loadConfig();
  const { scope, count } = await registerCommands(config);
  const where = scope === 'guild' ? `guild ${config.DISCORD_GUILD_ID}` : 'all servers (global; may take up to an hour to appear)';
  process.stdout.write(`register-commands: registered ${count} commands in ${where}\n`);
} catch (err) {
  process.stderr.write(`${isUserError(err) ? err.message : `register-commands: ${(err as Error).message}`}\n`);
  process.exitCode = 1;
}
