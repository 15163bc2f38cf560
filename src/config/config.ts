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
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((s) => s === 'true' || s === '1' || s === 'yes');

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
  // `npm run calibrate` on test/fixtures/calibration.jsonl (73 questions, not the dev set): the widest
  // gap among the most accurate thresholds lies between 0.25 (out of scope) and 0.36 (in scope).
  MIN_RELEVANCE: z.coerce.number().min(0).max(1).default(0.31),
  // Same calibration: every in-scope question's best passage held at least 0.43 of its content
  // words; the out-of-scope questions below that held at most 0.33.
  MIN_WORD_SHARE: z.coerce.number().min(0).max(1).default(0.38),
  ANSWER_PASSAGES: z.coerce.number().int().min(1).max(10).default(3),
  DISCORD_TOKEN: optionalString,
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
  MODERATOR_ROLE_ID: snowflake,
  ASK_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
  ASK_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).default(2_000_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

/** The validated, frozen configuration. Parsed once by the entry point and passed in. */
export type Config = Readonly<z.infer<typeof schema>>;

/** Every key the configuration reads (documented in `.env.example`). */
export const CONFIG_KEYS = Object.keys(schema.shape) as (keyof Config)[];

/**
 * Reads `.env` (when present) under the process environment (which wins), validates every
 * key and returns a frozen config. Throws `bad_config` naming the key and what was wrong.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Config {
  const fromFile = existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const key of CONFIG_KEYS) if (env[key] !== undefined) merged[key] = env[key];
  const result = schema.safeParse(Object.fromEntries(CONFIG_KEYS.map((k) => [k, merged[k]])));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0]);
    throw new UserError('bad_config', `config: ${key}=${JSON.stringify(merged[key] ?? '')} ${issue.message}; see .env.example`);
  }
  return Object.freeze(result.data);
}
