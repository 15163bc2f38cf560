import { CHAT_FORMS, FILLER_WORDS } from '../text/chatForms.js';
import { tokenize } from '../text/tokenize.js';
import type { AskedWord } from './analyzeQuery.js';
import type { MessageParts } from './readQuestion.js';

/** The message's words to read, in order: chat forms expanded, stop words and filler dropped. */
export function askedWords(parts: MessageParts): AskedWord[] {
  const words: AskedWord[] = [];
  // The question first: a word it shares with the context belongs to it.
  for (const [part, text] of [
    ['core', parts.core],
    ['context', parts.context],
  ] as const) {
    const tokens = tokenize(text);
    tokens.forEach((token, i) => {
      const next = tokens[i + 1]?.word;
      const chat = CHAT_FORMS.get(token.word);
      if (chat) {
        const readings = chat.split('|').filter((r) => tokenize(r).some((t) => !t.stop && !FILLER_WORDS.has(t.word)));
        if (readings.length > 0) words.push({ typed: token.word, readings, kind: 'expanded', part });
        return;
      }
      if (token.stop || FILLER_WORDS.has(token.word)) return;
      words.push({ typed: token.word, readings: [token.word], part, ...(next ? { next } : {}) });
    });
  }
  return words;
}
