import type { DownvotedPassage, GapGroup } from '../../store/CorpusStore.js';
import type { BotMessage } from './BotMessage.js';
import { DISCORD_LIMITS, fitEmbeds, truncate } from './discordLimits.js';
import { NO_MENTIONS, quoteBlock, safeText } from './safeText.js';

/** Longest passage quoted in `/corpus gaps`, in characters. */
const PASSAGE_CHARS = 150;

export interface GapsReport {
  readonly days: number;
  readonly gaps: readonly GapGroup[];
  readonly downvoted: readonly DownvotedPassage[];
}

/**
 * `/corpus gaps`: a server's most frequent declined questions (grouped, with the latest wording)
 * and the passages most often voted 👎, each with its count and when it last happened.
 */
export function renderGapsMessage({ days, gaps, downvoted }: GapsReport): BotMessage {
  const questions = gaps.map((g, i) => `${i + 1}. **${g.count}×** ${safeText(g.question)} · last <t:${seconds(g.lastAsked)}:R>`);
  const passages = downvoted.map(
    (p, i) =>
      `${i + 1}. **${p.count}× 👎** \`${p.doc}\` · ${safeText(p.section)} · last <t:${seconds(p.lastVoted)}:R>\n${quoteBlock(truncate(p.text.replace(/\s+/g, ' '), PASSAGE_CHARS))}`,
  );
  const { embeds } = fitEmbeds([
    {
      title: `What the corpus lacks: the last ${days} days in this server`,
      fields: [
        { name: 'Questions declined, most asked first', value: listOr(questions, 'None declined.') },
        { name: 'Passages voted 👎, most votes first', value: listOr(passages, 'None voted down.') },
      ],
      footer: { text: 'Questions that differ only in case, punctuation and small words are counted together.' },
    },
  ]);
  return { content: '', embeds, components: [], allowedMentions: NO_MENTIONS };
}

/** The lines that fit in one field, whole; `empty` when there are none. */
function listOr(lines: readonly string[], empty: string): string {
  if (lines.length === 0) return empty;
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > DISCORD_LIMITS.fieldValue) break;
    kept.push(line);
    length += line.length + 1;
  }
  return kept.length === 0 ? truncate(lines[0]!, DISCORD_LIMITS.fieldValue) : kept.join('\n');
}

function seconds(time: Date): number {
  return Math.floor(time.getTime() / 1000);
}
