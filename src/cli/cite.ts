import { loadConfig } from '../config/config.js';
import { UserError } from '../errors.js';
import { citationsToJson } from '../render/renderAnswerJson.js';
import { renderCitationText } from '../render/renderAnswerText.js';
import { openLiveIndex } from '../app/openLiveIndex.js';
import { openOptionsForCli } from './openOptionsForCli.js';
import { parseCliArgs } from './parseCliArgs.js';
import { runCli } from './runCli.js';

// npm run cite -- N [--json] [--doc ID]
runCli(async () => {
  const { values, positionals } = parseCliArgs('cite', process.argv.slice(2), { json: { type: 'boolean' }, doc: { type: 'string' } });
  const raw = positionals[0];
  if (raw === undefined || positionals.length > 1) {
    throw new UserError('bad_option', 'cite: give one footnote number, e.g. npm run cite -- 6 [--json] [--doc ID]');
  }
  if (!/^\d+$/.test(raw)) throw new UserError('bad_footnote', `cite: "${raw}" is not a footnote number; use a whole number from 1`);
  const { liveIndex } = await openLiveIndex(loadConfig(), openOptionsForCli());
  const citations = liveIndex.answerer.cite(Number(raw), values.doc);
  process.stdout.write(values.json ? `${JSON.stringify(citationsToJson(citations))}\n` : renderCitationText(citations));
  return 0;
});
