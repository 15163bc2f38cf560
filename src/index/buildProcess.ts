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
    if ((err as NodeJS.ErrnoException).code === 'ENOSPC') {
      const message = `index: no space left on the disk of DATA_DIR "${request.dataDir}"; free some space and try again (the index in use is unchanged)`;
      return { type: 'failed', code: 'disk_full', message };
    }
    return { type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

process.on('disconnect', () => process.exit(0));
process.once('message', (request: BuildRequest) => {
  void run(request)
    .then(send)
    .then(() => process.exit(0));
});
