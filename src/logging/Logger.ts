/** Context attached to a log line: ids, command names, error details. Never the token. */
export type LogContext = Readonly<Record<string, unknown>>;

/** The small logging interface every component takes; `createApp` passes one in. */
export interface Logger {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface ConsoleLoggerOptions {
  readonly level: LogLevel;
  /** Strings replaced by `[redacted]` wherever they appear in a line (the bot token). */
  readonly secrets?: readonly (string | undefined)[];
  readonly write?: (line: string) => void;
}

/**
 * A logger writing one JSON object per line to stderr (or `write`). Errors in the context are
 * expanded to name, message and stack; every configured secret is redacted from the whole line.
 */
export function createConsoleLogger(options: ConsoleLoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const log =
    (level: LogLevel) =>
    (message: string, context: LogContext = {}) => {
      if (RANK[level] < RANK[options.level]) return;
      let line = JSON.stringify({ time: new Date().toISOString(), level, message, ...context }, errorReplacer);
      for (const secret of secrets) line = line.split(secret).join('[redacted]');
      write(`${line}\n`);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
