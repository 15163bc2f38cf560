import type { DocumentSummary } from '../../answer/types.js';
import type { BuildSummary } from '../../index/buildIndex.js';
import type { BotMessage } from './BotMessage.js';
import { DISCORD_LIMITS, fitEmbeds, truncate } from './discordLimits.js';
import { NO_MENTIONS, safeText } from './safeText.js';

/** `/corpus list`: one line per document with its id, sections and footnotes. */
export function renderDocumentList(documents: readonly DocumentSummary[]): BotMessage {
  const lines = documents.map((d) => `• **${safeText(d.title)}** (\`${d.id}\`): ${d.sections} sections, ${d.references} footnotes, ${d.characters} characters`);
  const { embeds } = fitEmbeds([
    { title: `Corpus: ${documents.length} document${documents.length === 1 ? '' : 's'}`, description: truncate(lines.join('\n'), DISCORD_LIMITS.description) },
  ]);
  return { content: '', embeds, components: [], allowedMentions: NO_MENTIONS };
}

/** What a corpus change did: the document, the version recorded, and the rebuild (chunks embedded vs reused). */
export function renderCorpusChange(
  verb: 'Added' | 'Imported' | 'Removed' | 'Updated' | 'Rolled back',
  doc: { id: string; title: string },
  build: BuildSummary,
  version?: number,
): BotMessage {
  const content = [
    `${verb} **${safeText(doc.title)}** (\`${doc.id}\`).${version === undefined ? '' : ` Recorded as version ${version}.`}`,
    `Index rebuilt in ${duration(build.seconds.total)}: ${build.documents} documents, ${build.chunks} chunks (${build.embedded} embedded, ${build.reused} reused).`,
    ...build.problems.map((p) => `⚠ ${safeText(p)}`),
  ].join('\n');
  return { content: truncate(content, DISCORD_LIMITS.content), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

// "0.4 s" reads as nothing happened at "0.0 s": under a second is said in milliseconds.
function duration(seconds: number): string {
  return seconds < 1 ? `${Math.max(1, Math.round(seconds * 1000))} ms` : `${seconds.toFixed(1)} s`;
}
