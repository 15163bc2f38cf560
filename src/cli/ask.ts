import { createInterface } from 'node:readline';
import { loadConfig } from '../config/config.js';
import { isUserError } from '../errors.js';
import { answerToJson } from '../render/renderAnswerJson.js';
import { renderAnswerText } from '../render/renderAnswerText.js';
import { renderExplanation } from '../render/renderExplanation.js';
import { openLiveIndex } from '../app/openLiveIndex.js';
import { openOptionsForCli } from './openOptionsForCli.js';
import { parseCliArgs, positiveInt } from './parseCliArgs.js';
import { runCli } from './runCli.js';

const USAGE =
  'usage: npm run ask -- [--json | --explain] [--k N] [--after "earlier question"] "question"   (no question: one question per line on stdin, JSON lines out)';

// npm run ask -- [--json] [--k N] "question"
runCli(async () => {
  const { values, positionals } = parseCliArgs('ask', process.argv.slice(2), {
    json: { type: 'boolean' },
    explain: { type: 'boolean' },
    after: { type: 'string' },
    k: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const k = positiveInt('ask', 'k', values.k, 3);
  const question = positionals.join(' ');
  const config = loadConfig();
  if (positionals.length > 0 || process.stdin.isTTY) {
    // Validate before loading anything, so a bad question fails fast.
    const { validateQuestion } = await import('../answer/validateQuestion.js');
    validateQuestion(question);
    const { liveIndex } = await openLiveIndex(config, openOptionsForCli());
    if (values.explain) {
      process.stdout.write(renderExplanation(await liveIndex.answerer.explain(question, k, values.after), config.MIN_RELEVANCE));
      return 0;
    }
    const answer = await liveIndex.answerer.answer(question, k, values.after);
    process.stdout.write(values.json ? `${JSON.stringify(answerToJson(answer))}\n` : renderAnswerText(answer));
    return 0;
  }
  // Batch mode: one JSON object per input line, in one process. A bad line gets an error object.
  const { liveIndex } = await openLiveIndex(config, openOptionsForCli());
  let failures = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    try {
      process.stdout.write(`${JSON.stringify(answerToJson(await liveIndex.answerer.answer(line, k)))}\n`);
    } catch (err) {
      if (!isUserError(err)) throw err;
      failures++;
      process.stdout.write(`${JSON.stringify({ question: line, error: err.message })}\n`);
    }
  }
  return failures > 0 ? 2 : 0;
});
