import { type APIEmbed, ComponentType } from 'discord.js';
import type { Citation } from '../../answer/types.js';
import type { BotMessage } from './BotMessage.js';
import { COLOURS } from './colours.js';
import { DISCORD_LIMITS, fitEmbeds, truncate } from './discordLimits.js';
import { referenceLink } from './referenceLink.js';
import { NO_MENTIONS, quoteBlock, safeText } from './safeText.js';

/**
 * `/cite`: per document, the footnote's reference text, then the passages that cite it as quotes
 * under their section; passages that do not fit the embed are counted, not cut mid-quote.
 */
export function renderCitationMessage(citations: readonly Citation[]): BotMessage {
  const { embeds, dropped } = fitEmbeds(citations.map(citationEmbed));
  const note = dropped > 0 ? `_${dropped} more document${dropped === 1 ? '' : 's'} with this footnote did not fit._` : '';
  return { content: note, embeds, components: [], allowedMentions: NO_MENTIONS };
}

function citationEmbed(c: Citation): APIEmbed {
  const head = `${referenceLink(c.text, c.url, 1500)}\n`;
  const blocks = c.passages.map((p) => `*${safeText(p.section)}*\n${quoteBlock(p.text.slice(0, DISCORD_LIMITS.description))}`);
  let description = c.passages.length === 0 ? `${head}_No passage of the text carries this marker._` : `${head}**Cited by**`;
  for (const [i, block] of blocks.entries()) {
    const more = `\n…and ${blocks.length - i} more passage${blocks.length - i === 1 ? '' : 's'}`;
    if (description.length + block.length + 2 + more.length > DISCORD_LIMITS.description) {
      description += more;
      break;
    }
    description += `\n${block}`;
  }
  return {
    color: COLOURS.sourced,
    title: truncate(`[${c.n}] ${safeText(c.title)}`, DISCORD_LIMITS.title),
    description,
  };
}

/** The custom id of the document menu of `/cite N`: `cite:<N>`; null for any other id. */
export function parseCitationMenuId(customId: string): number | null {
  const m = /^cite:(\d{1,6})$/.exec(customId);
  return m ? Number(m[1]) : null;
}

/** `/cite N` when several documents have footnote N: a menu of those documents (at most 25). */
export function renderCitationChoice(n: number, citations: readonly Citation[]): BotMessage {
  const options = citations.slice(0, DISCORD_LIMITS.choices).map((c) => ({
    label: truncate(c.title, 100),
    value: c.docId,
    description: truncate(c.text, 100),
  }));
  return {
    content: `Footnote [${n}] exists in ${citations.length} documents; footnote numbers are per document. Pick one:`,
    embeds: [],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.StringSelect, custom_id: `cite:${n}`, placeholder: 'Document', options }],
      },
    ],
    allowedMentions: NO_MENTIONS,
  };
}
