import { createApp } from './createApp.js';
import { openBotIndex } from './openBotIndex.js';
import { type Config, loadConfig } from '../config/config.js';
import { createConsoleLogger } from '../logging/Logger.js';
import { describeStartupError } from '../bot/describeStartupError.js';

// npm start: runs the bot from .env until SIGINT / SIGTERM.
async function main(): Promise<number> {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) {
    process.stderr.write(
      'bot: DISCORD_TOKEN is not set; copy .env.example to .env and fill it in, or try the engine without Discord: npm run ask -- "question"\n',
    );
    return 2;
  }
  try {
    await start(config);
    return -1;
  } catch (err) {
    // One line, no stack trace: whoever starts the bot needs what failed and how to fix it.
    process.stderr.write(`${describeStartupError(err, [config.DISCORD_TOKEN])}\n`);
    return 1;
  }
}

async function start(config: Config): Promise<void> {
  const logger = createConsoleLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN] });
  const liveIndex = await openBotIndex(config, logger);
  const app = createApp({ config, liveIndex, logger });
  const stop = (signal: string) => {
    logger.info('shutting down', { signal });
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  await app.start();
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${describeStartupError(err)}\n`);
    process.exitCode = 1;
  },
);
