import { userInfo } from 'node:os';
import { loadConfig } from '../config/config.js';
import { documentLimitsFromConfig } from '../corpus/DocumentLimits.js';
import { listCorpusFiles } from '../corpus/loadCorpus.js';
import { documentId } from '../corpus/parseDocument.js';
import { CorpusEditor } from '../editing/CorpusEditor.js';
import { UserError } from '../errors.js';
import { renderBuildSummary } from '../render/renderBuildSummary.js';
import { renderHistoryText, renderPreviewText, renderVersionLine } from '../render/renderCorpusText.js';
import type { CorpusStore } from '../store/CorpusStore.js';
import { SqliteStore } from '../store/SqliteStore.js';
import { openLiveIndex } from '../app/openLiveIndex.js';
import { openOptionsForCli } from './openOptionsForCli.js';
import { parseCliArgs, positiveInt } from './parseCliArgs.js';
import { runCli } from './runCli.js';

const USAGE = 'usage: npm run corpus -- list | history <doc> [--limit N] [--before N] | rollback <doc> <version> [--yes]';

// npm run corpus -- list | history goryeo-ware | rollback goryeo-ware 2 --yes
runCli(async () => {
  const { values, positionals } = parseCliArgs('corpus', process.argv.slice(2), {
    limit: { type: 'string' },
    before: { type: 'string' },
    yes: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  const [subcommand, ...rest] = positionals;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const expect = { list: 0, history: 1, rollback: 2 }[subcommand ?? ''];
  if (expect === undefined || rest.length !== expect)
    throw new UserError('bad_option', `corpus: ${subcommand === undefined ? 'give a subcommand' : `bad arguments for "${subcommand}"`}; ${USAGE}`);
  const config = loadConfig();
  const store = await SqliteStore.open({ dataDir: config.DATA_DIR, retentionDays: config.GAPS_RETENTION_DAYS });
  try {
    if (subcommand === 'list') process.stdout.write(await listText(config.CORPUS_DIR, store));
    else if (subcommand === 'history') {
      const page = await store.history(rest[0]!, {
        limit: positiveInt('corpus', 'limit', values.limit, 10),
        before: positiveInt('corpus', 'before', values.before, Number.MAX_SAFE_INTEGER),
      });
      process.stdout.write(renderHistoryText(rest[0]!, page));
    } else {
      const version = positiveInt('corpus', 'version', rest[1], 1);
      await rollback(config, store, rest[0]!, version, values.yes ?? false);
    }
  } finally {
    await store.close();
  }
  return 0;
});

/** Every corpus document with its latest recorded version (or none yet), then removed documents. */
async function listText(corpusDir: string, store: CorpusStore): Promise<string> {
  const latest = new Map((await store.latestVersions({ includeRemoved: true })).map((v) => [v.doc, v]));
  const files = listCorpusFiles(corpusDir);
  const present = new Set(files.map(documentId));
  const lines = files.map((f) => {
    const v = latest.get(documentId(f));
    return `${documentId(f)}\n${v === undefined || v.action === 'remove' ? '     not recorded yet (the bot records it when it next starts)' : renderVersionLine(v)}`;
  });
  const removed = [...latest.values()].filter((v) => v.action === 'remove' && !present.has(v.doc)).map((v) => `${v.doc} (removed)\n${renderVersionLine(v)}`);
  return `${[`${files.length} document${files.length === 1 ? '' : 's'} in ${corpusDir}`, ...lines, ...removed].join('\n')}\n`;
}

/** Prints the preview; with `--yes`, applies it and rebuilds the index. Refuses while a change is pending. */
async function rollback(config: ReturnType<typeof loadConfig>, store: CorpusStore, doc: string, version: number, yes: boolean): Promise<void> {
  if ((await store.pendingChanges()).length > 0) {
    throw new UserError(
      'change_pending',
      'corpus: a corpus change is pending (the bot is making it, or stopped in the middle of it); let it finish, or start the bot once to roll it back, then try again',
    );
  }
  const limits = documentLimitsFromConfig(config);
  const preview = await new CorpusEditor(config.CORPUS_DIR, { rebuild: () => Promise.reject(new Error('not opened')) }, store, limits).prepareRollback(
    doc,
    version,
  );
  if (preview.kind === 'unchanged') {
    process.stdout.write(`Nothing changed: "${doc}" already holds the content of version ${version}.\n`);
    return;
  }
  process.stdout.write(renderPreviewText(preview.preview));
  if (!yes) {
    process.stdout.write('Nothing changed yet. Run again with --yes to apply.\n');
    return;
  }
  const { liveIndex } = await openLiveIndex(config, openOptionsForCli());
  const actor = { id: 'operator', name: userInfo().username, guild: null };
  const change = await new CorpusEditor(config.CORPUS_DIR, liveIndex, store, limits).apply(preview, actor);
  process.stdout.write(`Rolled back "${change.doc.title}" (${change.doc.id}) to version ${version}, recorded as version ${change.version}.\n`);
  process.stdout.write(renderBuildSummary(change.build, config.DATA_DIR));
  process.stdout.write('A running bot answers from the index it loaded: restart it to answer from this version.\n');
}
