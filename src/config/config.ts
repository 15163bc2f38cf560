import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { UserError } from '../errors.js';

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();
const snowflake = z
  .string()
  .trim()
  .regex(/^(\d{17,20})?$/, 'must be a Discord id (17 to 20 digits)')
  .transform((s) => (s === '' ? undefined : s))
  .optional();
const snowflakeList = z
  .string()
  .trim()
  .regex(/^(\d{17,20}\s*(,\s*|$))*$/, 'must be Discord server ids (17 to 20 digits) separated by commas')
  .transform((s) =>
    s
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  )
  .transform((ids) => (ids.length === 0 ? undefined : ids))
  .optional();
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no', '']).transform((s) => s === 'true' || s === '1' || s === 'yes');

const schema = z.object({
  CORPUS_DIR: z.string().trim().min(1).default('corpus'),
  DATA_DIR: z.string().trim().min(1).default('data'),
  // Per document; a document over any of them is refused (the build names and skips it).
  MAX_DOC_SECTIONS: z.coerce.number().int().min(1).default(1000),
  MAX_DOC_SENTENCES: z.coerce.number().int().min(1).default(20_000),
  MAX_DOC_CHUNKS: z.coerce.number().int().min(1).default(5000),
  MAX_LINE_CHARS: z.coerce.number().int().min(1).default(20_000),
  EMBEDDER: z.enum(['auto', 'transformers', 'hash']).default('auto'),
  EMBEDDING_MODEL: z.string().trim().min(1).default('Xenova/all-MiniLM-L6-v2'),
  MODEL_CACHE_DIR: z.string().trim().min(1).default('models'),
  MODEL_OFFLINE: bool.default(false),
  // `npm run calibrate` on test/fixtures/calibration.jsonl and calibration-chat.jsonl (133 questions,
  // none from the dev sets): the most accurate key-coverage threshold lies between 0.377 (out of
  // scope) and 0.448 (in scope).
  MIN_RELEVANCE: z.coerce.number().min(0).max(1).default(0.39),
  // Same calibration: halfway between 0.5 (one key word of two) and 0.667, the lowest in-scope share.
  MIN_KEY_SHARE: z.coerce.number().min(0).max(1).default(0.58),
  ANSWER_PASSAGES: z.coerce.number().int().min(1).max(10).default(3),
  // Days the buttons under an answer keep working (More passages, ◀ ▶, Follow up, 👍/👎) after their last use, across restarts.
  ANSWER_STATE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  DISCORD_TOKEN: optionalString,
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: z
    .url('must be an http(s) URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // MediaWiki Action API for imports; empty: https://<lang>.wikipedia.org/w/api.php from the article URL.
  WIKIPEDIA_API_URL: z
    .url('must be an http(s) URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MODERATOR_ROLE_ID: snowflake,
  // Servers where /corpus may change the corpus; default: DISCORD_GUILD_ID (see loadConfig).
  CORPUS_GUILD_IDS: snowflakeList,
  ASK_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
  ASK_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).default(2_000_000),
  // Days declined questions and 👍/👎 feedback are kept before the store prunes them.
  GAPS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  // Languages: dictd dictionaries into English (Debian installs them here; see src/language/languages.ts).
  DICTIONARY_DIR: z.string().trim().min(1).default('/usr/share/dictd'),
});

type Parsed = z.infer<typeof schema>;

/** The validated, frozen configuration. Parsed once by the entry point and passed in. */
export type Config = Readonly<
  Omit<Parsed, 'CORPUS_GUILD_IDS'> & {
    /** Servers whose moderators may change the corpus: CORPUS_GUILD_IDS, else DISCORD_GUILD_ID, else none. */
    CORPUS_GUILD_IDS: readonly string[];
  }
>;

/** Every key the configuration reads (documented in `.env.example`). */
export const CONFIG_KEYS = Object.keys(schema.shape) as (keyof Config)[];

/**
 * Reads `.env` (when present) under the process environment (which wins), validates every
 * key and returns a frozen config. Throws `bad_config` naming the key and what was expected —
 * never the value, which may be a secret put under the wrong key.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Config {
  const fromFile = existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const key of CONFIG_KEYS) if (env[key] !== undefined) merged[key] = env[key];
  const result = schema.safeParse(Object.fromEntries(CONFIG_KEYS.map((k) => [k, merged[k]])));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UserError('bad_config', `config: ${String(issue.path[0])} is not valid: ${expectation(issue.message)}; see .env.example`);
  }
  const { DISCORD_GUILD_ID, CORPUS_GUILD_IDS } = result.data;
  return Object.freeze({ ...result.data, CORPUS_GUILD_IDS: Object.freeze(CORPUS_GUILD_IDS ?? (DISCORD_GUILD_ID ? [DISCORD_GUILD_ID] : [])) });
}

/** zod's message cut to what was expected ("Invalid option: expected one of …" → "expected one of …"). */
function expectation(message: string): string {
  return message.replace(/^(Invalid (option|input)|Too (small|big)): /, '').replace(/, received \w+$/, '');
}
