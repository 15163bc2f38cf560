// The build process started by buildInChild: receives one BuildRequest, runs buildIndex, sends
// progress and the summary (or the failure) back, and exits. Exits too when its parent goes.
import { embedderFromRecipe } from '../embedding/Embedder.js';
import { isUserError } from '../errors.js';
import { buildIndex } from './buildIndex.js';
import type { BuildMessage, BuildRequest } from './buildInChild.js';
import { IndexStore } from './IndexStore.js';

const send = (message: BuildMessage): Promise<void> => new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()));

async function run(request: BuildRequest): Promise<BuildMessage> {
  try {
    const embedder = await embedderFromRecipe(request.embedder);
    const { summary } = await buildIndex({
      ...request,
      store: new IndexStore(request.dataDir),
      embedder,
      onProgress: (done, total) => void send({ type: 'progress', done, total }),
    });
    return { type: 'done', summary };
  } catch (err) {
    if (isUserError(err)) return { type: 'failed', code: err.code, message: err.message.slice(err.code.length + 2) };
    const written = writeFailure(err as NodeJS.ErrnoException, request.dataDir);
    if (written) return written;
    return { type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

/** A failure to write the data folder, said as a user can act on it; undefined for other errors. */
function writeFailure(err: NodeJS.ErrnoException, dataDir: string): BuildMessage | undefined {
  const unchanged = 'try again (the index in use is unchanged)';
  if (err.code === 'ENOSPC')
    return { type: 'failed', code: 'disk_full', message: `index: no space left on the disk of DATA_DIR "${dataDir}"; free some space and ${unchanged}` };
  // A read-only folder makes a recursive mkdir fail with ENOENT.
  if (['EROFS', 'EACCES', 'EPERM', 'ENOENT'].includes(err.code ?? '') && err.path?.startsWith(dataDir)) {
    return {
      type: 'failed',
      code: 'data_unwritable',
      message: `index: cannot write to DATA_DIR "${dataDir}" (${err.code}); make it writable and ${unchanged}`,
    };
  }
  return undefined;
}

process.on('disconnect', () => process.exit(0));
process.once('message', (request: BuildRequest) => {
  void run(request)
    .then(send)
    .then(() => process.exit(0));
});
