import { isUserError } from '../errors.js';

/**
 * Runs a command-line entry point: a `UserError` becomes its one-line message on stderr and
 * exit code 2; anything else one line naming the failure and exit code 1 (set DEBUG=1 for the
 * stack). Nothing else is ever printed for an error.
 */
export function runCli(main: () => Promise<number> | Promise<void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (err: unknown) => {
      if (isUserError(err)) {
        process.stderr.write(`${err.message}\n`);
        process.exitCode = 2;
        return;
      }
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      process.stderr.write(`error: unexpected failure: ${message}\n`);
      if (process.env.DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
      process.exitCode = 1;
    },
  );
}
