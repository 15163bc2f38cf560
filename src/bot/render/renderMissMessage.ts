import type { Answer, CorpusOverview } from '../../answer/types.js';
import { MAX_QUESTION_CHARS } from '../../answer/validateQuestion.js';
import { declineLine, readingLine } from '../../render/describeReading.js';
import type { BotMessage } from './BotMessage.js';
import { DISCORD_LIMITS, truncate } from './discordLimits.js';
import { NO_MENTIONS, safeText } from './safeText.js';

// Documents named, and sections listed per document, in a miss.
const MAX_DOCUMENTS = 5;
const MAX_SECTIONS = 4;
// Longest title or heading shown in the list.
const NAME_CHARS = 80;

/**
 * A question the corpus does not answer, for the asker alone: what was missing, what the corpus
 * covers (documents and their first sections), and questions it does answer, taken from its own
 * headings — a next step rather than a dead end.
 */
export function renderMissMessage(answer: Answer, overview: CorpusOverview, label = 'Question'): BotMessage {
  const quote = (word: string): string => `*${safeText(word.slice(0, 100))}*`;
  const read = readingLine(answer.reading, quote);
  const covers = overview.documents.slice(0, MAX_DOCUMENTS).map((d) => {
    const sections = d.headings.slice(1, 1 + MAX_SECTIONS).map((h) => safeText(truncate(h, NAME_CHARS)));
    return `• **${safeText(truncate(d.title, NAME_CHARS))}**${sections.length > 0 ? `: ${sections.join(', ')}` : ''}`;
  });
  const more = overview.documents.length > MAX_DOCUMENTS ? [`• …and ${overview.documents.length - MAX_DOCUMENTS} more (see /corpus list)`] : [];
  const lines = [
    `**${label}:** ${truncate(safeText(answer.question), MAX_QUESTION_CHARS)}`,
    ...(read ? [`-# ${read}`] : []),
    declineLine(answer.reading, quote),
    '',
    'The corpus covers:',
    ...covers,
    ...more,
    ...(overview.examples.length > 0 ? ['', 'You could ask:', ...overview.examples.map((q) => `• ${safeText(q)}`)] : []),
  ];
  return { content: truncate(lines.join('\n'), DISCORD_LIMITS.content), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}
