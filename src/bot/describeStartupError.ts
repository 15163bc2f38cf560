import { isUserError } from '../errors.js';

/** What Node puts on a failed system call. */
interface SystemError {
  code: string;
  syscall?: string;
  path?: string;
  address?: string;
  port?: number;
}

/** What @discordjs/rest puts on a failed request (HTTPError, DiscordAPIError). */
interface RequestError {
  status: number;
  method: string;
  url: string;
}

const FOLDER_HINT: Record<string, string> = {
  EACCES: 'check that DATA_DIR and CORPUS_DIR are writable by this user',
  EPERM: 'check that DATA_DIR and CORPUS_DIR are writable by this user',
  EROFS: 'DATA_DIR must be on a writable file system',
  ENOSPC: 'free some disk space',
  ENOTDIR: 'check DATA_DIR and CORPUS_DIR: a part of the path is a file',
  ENOENT: 'check DATA_DIR and CORPUS_DIR',
};

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * One line for an error that stops the bot from starting, naming what failed and how to fix it —
 * never a stack trace, and never any of `secrets` (the token).
 */
export function describeStartupError(err: unknown, secrets: readonly (string | undefined)[] = []): string {
  let line = describe(err);
  for (const secret of secrets) if (secret && secret.length >= 8) line = line.split(secret).join('[redacted]');
  return line.split('\n')[0]!;
}

function describe(err: unknown): string {
  if (isUserError(err)) return err.message;
  const error = err instanceof Error ? err : new Error(String(err));
  const system = systemErrorOf(error);
  if (system && NETWORK_CODES.has(system.code)) {
    const where = system.address ? ` ${system.address}${system.port ? `:${system.port}` : ''}` : '';
    return `bot: cannot reach Discord (${system.code}${where}); check the network and DISCORD_API_URL, then start again`;
  }
  if (system?.syscall) {
    const hint = FOLDER_HINT[system.code] ?? 'check DATA_DIR and CORPUS_DIR';
    return `bot: cannot start: ${system.syscall} ${system.path ? `"${system.path}" ` : ''}failed (${system.code}); ${hint}`;
  }
  if (isRequestError(error)) {
    const path = new URL(error.url).pathname.replace(/^\/api(\/v\d+)?/, '');
    if (error.status === 401) return `bot: Discord refused the token (HTTP 401 at ${error.method} ${path}); check DISCORD_TOKEN`;
    return `bot: Discord answered ${error.method} ${path} with HTTP ${error.status} (${error.message}); try again later, or check DISCORD_API_URL`;
  }
  if ((error as { code?: unknown }).code === 'TokenInvalid' || error.message === 'Authentication failed') {
    return 'bot: Discord refused the token; check DISCORD_TOKEN (reset it on the Bot tab of the developer portal if needed)';
  }
  return `bot: cannot start: ${error.name}: ${error.message}`;
}

/** The error, or the cause it wraps (fetch wraps a refused connection in "fetch failed"), if it has a system error code. */
function systemErrorOf(error: Error): SystemError | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const { code } = e as Partial<SystemError>;
    if (typeof code === 'string' && /^E[A-Z]+$|^UND_ERR/.test(code)) return e as Error & SystemError;
  }
  return undefined;
}

function isRequestError(error: Error): error is Error & RequestError {
  const e = error as Partial<RequestError>;
  return typeof e.status === 'number' && typeof e.method === 'string' && typeof e.url === 'string';
}
