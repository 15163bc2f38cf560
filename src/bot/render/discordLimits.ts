import { type APIEmbed, embedLength } from 'discord.js';

/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 * The builders check most per-field limits but not the 6000-character total across a message's embeds.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/**
 * Cuts `text` to at most `max` characters, preferring the last line break or space in the final
 * fifth, and marks the cut with `…`. Never leaves a dangling `\` (half of a markdown escape).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1;
  let cut = text.slice(0, room);
  const boundary = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
  if (boundary >= room * 0.8) cut = cut.slice(0, boundary);
  return `${cut.trimEnd().replace(/\\+$/, '')}…`;
}

/**
 * Clamps every embed field to its limit, then keeps embeds in order while the message stays within
 * 10 embeds and 6000 characters in all. `dropped` counts the embeds left out.
 */
export function fitEmbeds(embeds: readonly APIEmbed[]): { embeds: APIEmbed[]; dropped: number } {
  const kept: APIEmbed[] = [];
  let total = 0;
  for (const raw of embeds) {
    const embed = clampEmbed(raw);
    const length = embedLength(embed);
    if (kept.length >= DISCORD_LIMITS.embeds || total + length > DISCORD_LIMITS.embedTotal) break;
    kept.push(embed);
    total += length;
  }
  return { embeds: kept, dropped: embeds.length - kept.length };
}

/** A passage as lines of an embed description (at most `DISCORD_LIMITS.description` characters), in its colour. */
export interface PassageBlock {
  readonly color: number;
  readonly text: string;
}

/**
 * Packs passages, in order, into as few embeds as their colours allow: a passage joins the embed
 * before it when it has the same colour and fits its description, otherwise starts a new one. One
 * embed's frame and padding cost as much height as two lines of text, so this keeps a reply short.
 * Stops at the first passage that would break 10 embeds or 6000 characters; `dropped` counts the
 * passages left out.
 */
export function packPassages(blocks: readonly PassageBlock[]): { embeds: APIEmbed[]; dropped: number } {
  const embeds: { color: number; description: string }[] = [];
  let total = 0;
  let kept = 0;
  for (const block of blocks) {
    const text = truncate(block.text, DISCORD_LIMITS.description);
    const last = embeds.at(-1);
    const joins = last?.color === block.color && last.description.length + 1 + text.length <= DISCORD_LIMITS.description;
    const added = joins ? text.length + 1 : text.length;
    if (total + added > DISCORD_LIMITS.embedTotal || (!joins && embeds.length >= DISCORD_LIMITS.embeds)) break;
    if (joins) last.description += `\n${text}`;
    else embeds.push({ color: block.color, description: text });
    total += added;
    kept++;
  }
  return { embeds, dropped: blocks.length - kept };
}

function clampEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, DISCORD_LIMITS.title);
  if (out.description !== undefined) out.description = truncate(out.description, DISCORD_LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, DISCORD_LIMITS.footer) };
  if (out.fields) {
    out.fields = out.fields.slice(0, DISCORD_LIMITS.fields).map((f) => ({
      ...f,
      name: truncate(f.name, DISCORD_LIMITS.fieldName),
      value: truncate(f.value, DISCORD_LIMITS.fieldValue),
    }));
  }
  return out;
}
