import type { Answer, CitedReference, Passage } from '../../answer/types.js';
import { declineLine, readingLine } from '../../render/describeReading.js';
import { answerButtons, pagerButtons } from './answerButtons.js';
import { COLOURS } from './colours.js';
import type { BotMessage } from './BotMessage.js';
import { collapseRepeats, type ShownPassage } from './collapseRepeats.js';
import { DISCORD_LIMITS, packPassages, type PassageBlock, truncate } from './discordLimits.js';
import { referenceLink } from './referenceLink.js';
import { NO_MENTIONS, safeText } from './safeText.js';

export interface AnswerMessageOptions {
  /** Label before the echoed question, e.g. `Question` or `Checking`. Default `Question`. */
  readonly label?: string;
  /** Rank of the first passage shown (2 when the first page showed one). Default 1. */
  readonly firstRank?: number;
  /** Id for the buttons; no buttons without it. */
  readonly answerId?: string;
  /** Whether to offer "More passages". */
  readonly more?: boolean;
  /** Which page of how many this is, and of how many passages in all: "Passages 4–6 of 16". */
  readonly pager?: { readonly page: number; readonly pages: number; readonly total: number };
  /** On a page opened by "More passages": the answer whose ◀ ▶ it carries (no other buttons). */
  readonly pagerFor?: string;
}

/** Room kept for the question so a long one never crowds out the note on dropped passages. */
const QUESTION_CHARS = 1500;

/**
 * An answer as a Discord message, made to be read at a glance: the question echoed, the document
 * named once (linked to its source when known), then one embed per passage titled with its
 * section, green when sourced and amber with the warning first when the source marks it
 * `[citation needed]`. A passage the article repeats (the same sentence with the same footnotes)
 * is shown once with where else it appears; a footnote is listed once per message; a footnote
 * closing the paragraph rather than the quote says so. Within every Discord limit; passages that
 * do not fit are left out with a note. A decline says what the corpus lacks.
 */
export function renderAnswerMessage(answer: Answer, options: AnswerMessageOptions = {}): BotMessage {
  const heading = `**${options.label ?? 'Question'}:** ${truncate(safeText(answer.question), QUESTION_CHARS)}`;
  const components = !answer.answered
    ? []
    : options.pagerFor && options.pager
      ? [pagerButtons(options.pagerFor, options.pager.page, options.pager.pages)]
      : options.answerId
        ? [answerButtons(options.answerId, options.more ?? false)]
        : [];
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
  const passages = collapseRepeats(answer.passages);
  const docs = new Set(passages.map((p) => p.passage.docId));
  const shown = new Set<string>();
  const { embeds, dropped } = packPassages(passages.map((p, i) => passageBlock(p, firstRank + i, docs.size > 1, shown, passages[i - 1]?.passage)));
  const note = dropped > 0 ? `\n_${dropped} more passage${dropped === 1 ? '' : 's'} did not fit in this message._` : '';
  const last = firstRank + answer.passages.length - 1;
  const counter = options.pager ? `Passages ${firstRank}–${last} of ${options.pager.total}` : '';
  // One line for where the passages come from and how many there are: the page is the answer.
  const source =
    docs.size === 1 ? `\nFrom ${documentName(passages[0]!.passage)}${counter ? ` · ${lowerFirst(counter)}` : ''}` : counter ? `\n-# ${counter}` : '';
  return { content: truncate(`${heading}${readNote}${source}${note}`, DISCORD_LIMITS.content), embeds, components, allowedMentions: NO_MENTIONS };
}

// The document's title in bold, linked to the article it was imported from when there is one.
function documentName(p: Passage): string {
  const title = `**${safeText(p.title)}**`;
  // Brackets and spaces would end the Markdown link early: percent-encode them.
  const url = p.sourceUrl?.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return url && /^https?:\/\//.test(url) ? `[${title}](${url})` : title;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** The first line of a quote the source marks `[citation needed]`. */
export const UNSOURCED_WARNING = '⚠️ **Unsourced:** the article marks this *[citation needed]*';

// A word as the user typed it or as it was read, escaped, in italics.
const discordQuote = (word: string): string => `*${safeText(word.slice(0, 100))}*`;

/**
 * One passage as lines of an embed description: its rank and section in bold (and where the
 * article says it again), the warning first when unsourced, the quote, then its footnotes in
 * small print — each footnote once per message (`shown` holds those listed already).
 */
function passageBlock({ passage: p, alsoIn }: ShownPassage, rank: number, manyDocuments: boolean, shown: Set<string>, previous?: Passage): PassageBlock {
  const again = alsoIn.length > 0 ? ` · *said again in ${alsoIn.map((s) => safeText(s)).join(', ')}*` : '';
  // The section is named where it changes: under a run of quotes from one section it says nothing new.
  const sameAsBefore = previous?.docId === p.docId && previous.section === p.section;
  const name = sameAsBefore ? '' : manyDocuments ? `${safeText(p.title)} — ${safeText(p.section)}` : safeText(p.section);
  const warning = p.citationNeeded ? `${UNSOURCED_WARNING}\n` : '';
  const fresh = p.footnotes.filter((f) => !shown.has(`${p.docId}:${f.n}`));
  const repeated = p.footnotes.filter((f) => shown.has(`${p.docId}:${f.n}`));
  for (const f of p.footnotes) shown.add(`${p.docId}:${f.n}`);
  const lines = [
    ...(fresh.length > 0 ? footnoteList(fresh, FOOTNOTE_CHARS, p.text).split('\n') : []),
    ...(repeated.length > 0 ? [`${repeated.map((f) => `[${f.n}]`).join(' ')} as above`] : []),
  ];
  // The passage's rank and section close it, in small print with its footnotes: a caption, one line less.
  const label = `**${rank}**${name ? ` · ${truncate(name, DISCORD_LIMITS.title)}` : ''}${again}`;
  const notes = [lines.length > 0 ? `${label} · ${lines[0]}` : label, ...lines.slice(1)].map((line) => `\n-# ${line}`);
  const small = notes.join('');
  // Cut the raw text first: escaping is the costly part and the rest would be cut anyway.
  const room = DISCORD_LIMITS.description - warning.length - small.length;
  const quote = truncate(
    p.text
      .slice(0, DISCORD_LIMITS.description)
      .split('\n')
      .map((l) => safeText(l))
      .join('\n'),
    room,
  );
  return { color: p.citationNeeded ? COLOURS.citationNeeded : COLOURS.sourced, text: `${warning}${quote}${small}` };
}

// Room for one passage's footnotes under its quote (the quote itself is at most 400 characters).
const FOOTNOTE_CHARS = 2000;

/**
 * Footnotes as `[n] reference text` lines (`[n] [Title](url) — rest` when the reference has a URL)
 * within one field value, marked when they close the paragraph rather than `quote`; footnotes
 * that do not fit are summarised as "…and k more (see /cite)" rather than cut mid-reference.
 */
export function footnoteList(footnotes: readonly CitedReference[], max: number = DISCORD_LIMITS.fieldValue, quote?: string): string {
  // A footnote the quote does not carry supports it from the end of its paragraph (Wikipedia's
  // convention): say so, or the reader looks for a marker that is not there.
  const lines = footnotes.map((f) => {
    const ofParagraph = quote !== undefined && !quote.includes(`[${f.n}]`) ? ' *(closes the paragraph)*' : '';
    return `[${f.n}] ${referenceLink(f.text, f.url, 295)}${ofParagraph}`;
  });
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
