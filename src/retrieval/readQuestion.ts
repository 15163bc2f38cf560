import { CHECK_TAGS, FILLER_WORDS, LEAD_INS } from '../text/chatForms.js';
import { tokenize } from '../text/tokenize.js';

/** A chat message split into what is asked and what only surrounds it. */
export interface MessageParts {
  /** The question (or the claim to check), lead-ins and check tags removed. */
  readonly core: string;
  /** Earlier sentences of a long message: read for context, never what decides an answer. */
  readonly context: string;
  /** `statement` when the message states something to check ("… right?", "i heard …"). */
  readonly kind: 'question' | 'statement';
}

// Discord markup and links: mentions, channels, roles, custom emoji, timestamps, URLs.
const DISCORD_MARKUP = /<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|<t:\d+(?::\w)?>|@(?:everyone|here)\b|https?:\/\/\S+/g;
// Markdown that only styles text.
const STYLING = /[*_~`|>#]+/g;
const QUESTION_START =
  /^(?:what|what's|whats|who|who's|whos|whom|whose|when|where|which|why|how|does|do|did|is|are|was|were|can|could|has|have|had|will|would|should|shall|may|might|any|anyone|qui|que|quel|quelle|quels|quelles|quand|où|pourquoi|comment|combien|est-ce)\b/i;
const STATEMENT_LEAD = /^(?:i (?:heard|read|think|believe|thought|assume|guess|saw)|is it true|apparently)\b/i;
// Pronouns that point back to an earlier sentence, and how few content words a question has when it leans on one.
const POINTS_BACK = /\b(?:it|its|he|him|his|she|her|they|them|their|this|that|these|those|there)\b/i;
const FEW_WORDS = 3;
// A message this short is read whole: its sentences are one thought.
const SHORT_MESSAGE_WORDS = 18;

/**
 * Finds what a chat message asks: Discord markup and styling removed, then — for a long
 * message — its last question (with the question just before it, when there is one: "one of
 * them is french? what's the story with him") as the core and the sentences before as context.
 * Lead-ins ("anyone know if", "i heard") and check tags ("…, right?", "or nah") are cut from the
 * core; a message with a check tag or a statement lead is read as a claim to check.
 */
export function splitMessage(message: string): MessageParts {
  const clean = message.replace(DISCORD_MARKUP, ' ').replace(STYLING, ' ').replace(/\s+/g, ' ').trim();
  const sentences = clean.split(/(?<=[.!?])\s+|\s*\n+\s*/).filter((s) => /[\p{L}\p{N}]/u.test(s));
  const isQuestion = (s: string): boolean => /\?\s*$/.test(s) || QUESTION_START.test(stripLeadIns(s));
  let coreFrom = 0;
  if (clean.split(' ').length > SHORT_MESSAGE_WORDS && sentences.length > 1) {
    let last = sentences.length - 1;
    while (last >= 0 && !isQuestion(sentences[last]!)) last--;
    if (last >= 0) coreFrom = last > 0 && isQuestion(sentences[last - 1]!) ? last - 1 : last;
    else coreFrom = sentences.length - 1;
    // "who was supposed to lead it?": a short question pointing back takes the sentence before it.
    const asked = sentences.slice(coreFrom).join(' ');
    if (coreFrom > 0 && POINTS_BACK.test(asked) && contentWords(asked) <= FEW_WORDS) coreFrom--;
  }
  const asked = sentences.slice(coreFrom).join(' ');
  const withoutLead = stripLeadIns(asked);
  const withoutTag = stripCheckTags(withoutLead);
  // A claim says so: a check tag ("…, right?") or a lead ("i heard…"). Bare keywords are no claim.
  const statement = withoutTag !== withoutLead || STATEMENT_LEAD.test(asked);
  return {
    core: withoutTag.trim() === '' ? asked : withoutTag,
    context: sentences.slice(0, coreFrom).join(' '),
    kind: statement ? 'statement' : 'question',
  };
}

function stripLeadIns(text: string): string {
  let out = text.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const lead of LEAD_INS) {
      const next = out.replace(lead, '');
      if (next !== out) {
        out = next.trim();
        changed = true;
      }
    }
  }
  return out;
}

function stripCheckTags(text: string): string {
  let out = text.trim();
  for (const tag of CHECK_TAGS) out = out.replace(tag, '').trim();
  return out;
}

function contentWords(text: string): number {
  return tokenize(text).filter((t) => !t.stop && !FILLER_WORDS.has(t.word)).length;
}
