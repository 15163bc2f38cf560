import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../errors.js';

/**
 * `util.parseArgs` in strict mode whose errors become `bad_option` user errors, e.g.
 * `bad_option: ask: unknown option "--jsno"; options: --json, --k`.
 */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message;
    const flag = /'(-{1,2}[^']*)'/.exec(message)?.[1];
    const known = Object.keys(options)
      .map((o) => `--${o}`)
      .join(', ');
    const what = message.includes('Unknown option') ? `unknown option "${flag}"` : message.split('.')[0]!.toLowerCase();
    throw new UserError('bad_option', `${command}: ${what}; options: ${known}`);
  }
}

/** Parses a positive whole number option, or throws `bad_option` naming it. */
export function positiveInt(command: string, name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError('bad_option', `${command}: --${name} must be a whole number from 1, got "${value}"`);
  return n;
}
