import type { Answerer } from '../answer/Answerer.js';
import type { DocumentSummary } from '../answer/types.js';
import { DISCORD_LIMITS, truncate } from './render/discordLimits.js';

export interface Choice<T extends string | number> {
  readonly name: string;
  readonly value: T;
}

/** Documents whose title or id contains what was typed (case-insensitive), at most 25. */
export function documentChoices(documents: readonly DocumentSummary[], typed: string): Choice<string>[] {
  const q = typed.trim().toLowerCase();
  return documents
    .filter((d) => q === '' || d.title.toLowerCase().includes(q) || d.id.toLowerCase().includes(q))
    .filter((d) => d.id.length <= DISCORD_LIMITS.choiceValue)
    .slice(0, DISCORD_LIMITS.choices)
    .map((d) => ({ name: truncate(d.title === d.id ? d.id : `${d.title} (${d.id})`, DISCORD_LIMITS.choiceName), value: d.id }));
}

/**
 * Footnotes of `docId` (or of every document) as `[n] start of the reference`, matching a typed
 * number prefix or words of the reference, at most 25, each cut at a word boundary. The document
 * is named only when the corpus has several. Reads the loaded reference lists only.
 */
export function footnoteChoices(answerer: Answerer, typed: string, docId?: string): Choice<number>[] {
  const q = typed.trim().toLowerCase();
  const all = answerer.listDocuments();
  const docs = docId ? [{ id: docId, title: docId }] : all;
  const named = !docId && all.length > 1;
  const choices: Choice<number>[] = [];
  const seen = new Set<number>();
  for (const doc of docs) {
    for (const f of answerer.references(doc.id)) {
      if (seen.has(f.n)) continue;
      if (q !== '' && !String(f.n).startsWith(q) && !f.text.toLowerCase().includes(q)) continue;
      seen.add(f.n);
      const where = named ? ` · ${doc.title}` : '';
      choices.push({ name: atWordBoundary(`[${f.n}] ${f.text}`, DISCORD_LIMITS.choiceName - where.length) + where, value: f.n });
      if (choices.length === DISCORD_LIMITS.choices) return choices;
    }
  }
  return choices;
}

/** `text` cut to at most `max` characters at the last space before the limit, with "…". */
export function atWordBoundary(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
