// Factories for build-process tests: embedders that fail in the ways a build process can.
import { UserError } from '../../src/errors.js';

/** Refuses to load, as a model without its files does. */
export function refuseToLoad(): never {
  throw new UserError('embedder_unavailable', 'embedding: could not load model "test/none"; put its files in models/test/none/');
}

/** Kills the build process, as an out-of-memory or a native crash would. */
export function dieWhileLoading(): never {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
}
