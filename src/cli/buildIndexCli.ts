import { embedderFromConfig } from '../embedding/createEmbedder.js';
import { loadConfig } from '../config/config.js';
import { documentLimitsFromConfig } from '../corpus/DocumentLimits.js';
import { buildIndex } from '../index/buildIndex.js';
import { IndexStore } from '../index/IndexStore.js';
import { renderBuildSummary } from '../render/renderBuildSummary.js';
import { parseCliArgs } from './parseCliArgs.js';
import { progressBar } from './progressBar.js';
import { runCli } from './runCli.js';

// npm run build:index — always rebuilds; unchanged chunks come from the embedding cache.
runCli(async () => {
  parseCliArgs('build:index', process.argv.slice(2), {});
  const config = loadConfig();
  const { embedder, embeddingModel, warning } = await embedderFromConfig(config);
  if (warning) process.stderr.write(`warning: ${warning}\n`);
  const store = new IndexStore(config.DATA_DIR);
  store.cleanUp();
  const { summary } = await buildIndex({
    corpusDir: config.CORPUS_DIR,
    store,
    embedder,
    embeddingModel,
    limits: documentLimitsFromConfig(config),
    onProgress: progressBar('embedding'),
  });
  process.stdout.write(renderBuildSummary(summary, config.DATA_DIR));
  return summary.problems.length > 0 ? 2 : 0;
});
