import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EmbedderRecipe } from '../embedding/Embedder.js';
import { UserError } from '../errors.js';
import type { BuildOptions, BuildSummary } from './buildIndex.js';

/** What a build process is asked to do: `buildIndex` with these options, as plain data. */
export interface BuildRequest extends Omit<BuildOptions, 'store' | 'embedder' | 'onProgress'> {
  readonly dataDir: string;
  readonly embedder: EmbedderRecipe;
}

/** Messages from the build process to its parent. */
export type BuildMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly summary: BuildSummary }
  | { readonly type: 'failed'; readonly code?: string; readonly message: string };

const here = fileURLToPath(import.meta.url);
// From TypeScript sources (tsx, vitest) the child needs tsx's loader too; compiled, plain node runs it.
const fromSource = here.endsWith('.ts');
const ENTRY = join(dirname(here), fromSource ? 'buildProcess.ts' : 'buildProcess.js');
const EXEC_ARGV = fromSource ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];

/**
 * Runs `buildIndex` in a child process, so a build (CPU-bound for seconds to minutes) never
 * blocks the caller's event loop, and a crash or out-of-memory in it cannot take the caller
 * down. The build is written to `request.dataDir` as usual; load it from there. Rejects with
 * the build's own `UserError`, or `build_failed` when the process dies without a result.
 */
export function buildInChild(request: BuildRequest, onProgress?: (done: number, total: number) => void): Promise<BuildSummary> {
  return new Promise((resolve, reject) => {
    const child = fork(ENTRY, [], { execArgv: EXEC_ARGV, stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' });
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
    };
    child.on('message', (message: BuildMessage) => {
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'done') settle(() => resolve(message.summary));
      else settle(() => reject(message.code ? new UserError(message.code, message.message) : new Error(`index: the build failed: ${message.message}`)));
    });
    child.on('error', (err) => settle(() => reject(err)));
    child.on('exit', (code, signal) =>
      settle(() =>
        reject(new UserError('build_failed', `index: the build process exited (${signal ?? `code ${code}`}) before finishing; the index in use is unchanged`)),
      ),
    );
    child.send(request);
  });
}
