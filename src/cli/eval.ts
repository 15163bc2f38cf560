import { readFileSync } from 'node:fs';
import { loadConfig } from '../config/config.js';
import { UserError } from '../errors.js';
import { parseEvalCases } from '../eval/EvalCase.js';
import { scoreEval } from '../eval/scoreEval.js';
import { renderEvalReport } from '../render/renderEvalReport.js';
import { openLiveIndex } from '../app/openLiveIndex.js';
import { openOptionsForCli } from './openOptionsForCli.js';
import { parseCliArgs } from './parseCliArgs.js';
import { runCli } from './runCli.js';

// npm run eval -- --file F.jsonl [--json]
runCli(async () => {
  const { values } = parseCliArgs('eval', process.argv.slice(2), { file: { type: 'string' }, json: { type: 'boolean' } });
  if (!values.file) throw new UserError('bad_option', 'eval: --file is required, e.g. npm run eval -- --file test/fixtures/dev.jsonl');
  let text: string;
  try {
    text = readFileSync(values.file, 'utf8');
  } catch {
    throw new UserError('bad_eval_file', `eval: cannot read "${values.file}"`);
  }
  const cases = parseEvalCases(text, values.file);
  const { liveIndex } = await openLiveIndex(loadConfig(), openOptionsForCli());
  const answers = [];
  for (const c of cases) answers.push(await liveIndex.answerer.answer(c.question, 3));
  const report = scoreEval(cases, answers);
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : renderEvalReport(report));
  return 0;
});
