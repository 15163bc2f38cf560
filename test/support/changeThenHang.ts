/**
 * Child process for the "killed during a corpus change" tests: opens the engine on an index the
 * parent built, then adds (or removes) a document through the real CorpusEditor. Once the rebuild
 * is under way it says `rebuilding` on stdout and blocks, as a long build would, until the parent
 * SIGKILLs it — between the recorded intent and the recorded outcome.
 * Usage: tsx test/support/changeThenHang.ts add|remove CORPUS_DIR DATA_DIR [FILE_NAME FILE_TEXT | DOC_ID]
 */
import { writeSync } from 'node:fs';
import { LiveIndex } from '../../src/answer/LiveIndex.js';
import { ChangeJournal } from '../../src/bot/ChangeJournal.js';
import { CorpusEditor } from '../../src/bot/CorpusEditor.js';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';

const [action, corpusDir, dataDir, ...rest] = process.argv.slice(2);
const { liveIndex } = await LiveIndex.open({
  corpusDir: corpusDir!,
  dataDir: dataDir!,
  embedder: new HashEmbedder(),
  embeddingModel: null,
  minRelevance: 0.5,
  passagesPerAnswer: 3,
});
const rebuild = liveIndex.rebuild.bind(liveIndex);
liveIndex.rebuild = () => {
  const building = rebuild();
  setTimeout(() => {
    writeSync(1, 'rebuilding\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  }, 0);
  return building;
};
const editor = new CorpusEditor(corpusDir!, liveIndex, new ChangeJournal(dataDir!));
const actor = { id: '1300000000000000001', name: 'mod', guild: '1200000000000000002' };
await (action === 'add' ? editor.add({ fileName: rest[0]!, bytes: Buffer.from(rest[1]!), actor }) : editor.remove(rest[0]!, actor));
writeSync(1, 'finished\n');
