import type { APIEmbed } from 'discord.js';
import type { Answer, Footnote, Passage } from '../../answer/types.js';
import { declineLine, readingLine } from '../../render/describeReading.js';
import { CITATION_NEEDED_WARNING } from '../../render/renderAnswerText.js';
import { answerButtons } from './answerButtons.js';
import type { BotMessage } from './BotMessage.js';
import { DISCORD_LIMITS, fitEmbeds, truncate } from './discordLimits.js';
import { referenceLink } from './referenceLink.js';
import { NO_MENTIONS, quoteBlock, safeText } from './safeText.js';

export interface AnswerMessageOptions {
  /** Label before the echoed question, e.g. `Question` or `Checking`. Default `Question`. */
  readonly label?: string;
  /** Rank of the first passage shown (2 when the first page showed one). Default 1. */
  readonly firstRank?: number;
  /** Id for the buttons; no buttons without it. */
  readonly answerId?: string;
  /** Whether to offer "More passages". */
  readonly more?: boolean;
}

/** Colour of answer embeds (Discord blurple). */
const ANSWER_COLOUR = 0x5865f2;
/** Room kept for the question so a long one never crowds out the note on dropped passages. */
const QUESTION_CHARS = 1500;

/**
 * An answer as a Discord message: the question echoed in the content, one embed per passage
 * (quote, `[citation needed]` warning, footnotes as `[n] reference text`), within every Discord
 * limit; passages that do not fit are left out with a note. An abstention is the not-in-corpus text.
 */
export function renderAnswerMessage(answer: Answer, options: AnswerMessageOptions = {}): BotMessage {
  const heading = `**${options.label ?? 'Question'}:** ${truncate(safeText(answer.question), QUESTION_CHARS)}`;
  const components = options.answerId ? [answerButtons(options.answerId, answer.answered && (options.more ?? false))] : [];
  const read = readingLine(answer.reading, discordQuote);
  // Discord's small grey subtext: how the question was read is a note, not the answer.
  const readNote = read ? `\n-# ${read}` : '';
  if (!answer.answered) {
    return {
      content: truncate(`${heading}${readNote}\n${declineLine(answer.reading, discordQuote)}`, DISCORD_LIMITS.content),
      embeds: [],
      components,
      allowedMentions: NO_MENTIONS,
    };
  }
  const firstRank = options.firstRank ?? 1;
  const { embeds, dropped } = fitEmbeds(answer.passages.map((p, i) => passageEmbed(p, firstRank + i)));
  const note = dropped > 0 ? `\n_${dropped} more passage${dropped === 1 ? '' : 's'} did not fit in this message._` : '';
  return { content: truncate(`${heading}${readNote}${note}`, DISCORD_LIMITS.content), embeds, components, allowedMentions: NO_MENTIONS };
}

// A word as the user typed it or as it was read, escaped, in italics.
const discordQuote = (word: string): string => `*${safeText(word.slice(0, 100))}*`;

function passageEmbed(p: Passage, rank: number): APIEmbed {
  const warning = p.citationNeeded ? `\n\n${CITATION_NEEDED_WARNING}` : '';
  // Cut the raw text first: escaping is the costly part and the rest would be cut anyway.
  const quote = truncate(quoteBlock(p.text.slice(0, DISCORD_LIMITS.description)), DISCORD_LIMITS.description - warning.length);
  const embed: APIEmbed = {
    color: ANSWER_COLOUR,
    title: truncate(`${rank}. ${safeText(p.title)} — ${safeText(p.section)}`, DISCORD_LIMITS.title),
    description: `${quote}${warning}`,
    footer: { text: truncate(`${p.doc} · characters ${p.start}–${p.end}`, 200) },
  };
  if (p.footnotes.length > 0) embed.fields = [{ name: 'Footnotes', value: footnoteList(p.footnotes) }];
  return embed;
}

/**
 * Footnotes as `[n] reference text` lines (`[n] [Title](url) — rest` when the reference has a URL)
 * within one field value; footnotes that do not fit are
 * summarised as "…and k more (see /cite)" rather than cut mid-reference.
 */
export function footnoteList(footnotes: readonly Footnote[], max: number = DISCORD_LIMITS.fieldValue): string {
  const lines = footnotes.map((f) => `[${f.n}] ${referenceLink(f.text, f.url, 295)}`);
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const rest = lines.length - i - 1;
    const tail = rest > 0 ? `\n…and ${rest} more (see /cite)`.length : 0;
    if (used + line.length + 1 + tail > max) {
      out.push(`…and ${lines.length - i} more (see /cite)`);
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out.join('\n');
}
