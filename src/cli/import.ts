import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { UserError } from '../errors.js';
import { importWikipedia } from '../wikipedia/importWikipedia.js';
import { writeCorpusFile } from './writeCorpusFile.js';
import { parseCliArgs } from './parseCliArgs.js';
import { runCli } from './runCli.js';

const USAGE = 'usage: npm run import -- <Wikipedia article URL> [--replace] [--json]';

// npm run import -- https://fr.wikipedia.org/wiki/Corée_du_Nord [--replace] [--json]
runCli(async () => {
  const { values, positionals } = parseCliArgs('import', process.argv.slice(2), {
    replace: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UserError('bad_option', `import: give one article URL; ${USAGE}`);
  const config = loadConfig();
  const imported = await importWikipedia(positionals[0]!, config.WIKIPEDIA_API_URL ? { apiUrl: config.WIKIPEDIA_API_URL } : {});
  const path = join(config.CORPUS_DIR, imported.fileName);
  const replaced = existsSync(path);
  if (replaced && !values.replace) {
    throw new UserError('document_exists', `import: ${path} already exists; add --replace to overwrite it with revision ${imported.metadata.revisionId}`);
  }
  mkdirSync(config.CORPUS_DIR, { recursive: true });
  const started = performance.now();
  await writeCorpusFile(config.CORPUS_DIR, imported.fileName, imported.text, { replace: values.replace ?? false });
  const writeMs = performance.now() - started;
  const m = imported.metadata;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ id: imported.id, file: path, replaced, ...m, parseMs: Math.round(m.parseMs), writeMs: Math.round(writeMs) })}\n`);
    return 0;
  }
  process.stdout.write(
    [
      `${replaced ? 'Replaced' : 'Imported'} "${m.title}" (revision ${m.revisionId} of ${m.timestamp})`,
      `  from  ${m.url}`,
      `  into  ${path}`,
      `  ${m.sections} sections, ${m.sentences} sentences, ${m.references} references (${m.linkedReferences} with a URL); parsed in ${Math.round(m.parseMs)} ms, written in ${Math.round(writeMs)} ms`,
      'Run npm run build:index (or ask a question) to index it.',
      '',
    ].join('\n'),
  );
  return 0;
});
