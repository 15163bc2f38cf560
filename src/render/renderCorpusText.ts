import type { ChangePreview, VersionLabel } from '../editing/ChangePreview.js';
import type { DocumentVersion, HistoryPage } from '../store/CorpusStore.js';

/** Sentences quoted per list (added, removed, changed) in a preview; the counts say how many there are in all. */
export const PREVIEW_QUOTES = 3;

/** `version 3, revision 123 of 2017-06-01`; `fallback` when the label holds neither. */
export function describeLabel(label: VersionLabel, fallback: string): string {
  const parts = [
    ...(label.version === undefined ? [] : [`version ${label.version}`]),
    ...(label.revisionId === undefined ? [] : [`revision ${label.revisionId}${label.timestamp === undefined ? '' : ` of ${label.timestamp.slice(0, 10)}`}`]),
  ];
  return parts.length === 0 ? fallback : parts.join(', ');
}

/** A preview for the terminal: the same counts and first quotes as in Discord. */
export function renderPreviewText(preview: ChangePreview): string {
  const { diff, doc } = preview;
  const to = describeLabel(preview.to, preview.action === 'update' ? 'new' : 'restored');
  const list = (name: string, items: readonly string[]) => [
    ...(items.length === 0 ? [] : [`${name} (${items.length}):`]),
    ...items.slice(0, PREVIEW_QUOTES).map((s) => `  > ${s}`),
    ...(items.length > PREVIEW_QUOTES ? [`  …and ${items.length - PREVIEW_QUOTES} more`] : []),
  ];
  return [
    `${preview.action === 'update' ? 'Update' : 'Roll back'} "${doc.title}" (${doc.id}): ${describeLabel(preview.from, 'current')} → ${to}`,
    `  sections    ${diff.sectionsAdded.length} added, ${diff.sectionsRemoved.length} removed`,
    `  sentences   ${diff.sentencesAdded.length} added, ${diff.sentencesRemoved.length} removed, ${diff.sentencesChanged.length} changed`,
    `  references  ${diff.referencesAdded.length} added, ${diff.referencesRemoved.length} removed`,
    `  chunks      ${preview.chunks.total} to re-embed (${preview.chunks.newText} with new text)`,
    ...list('Sections added', diff.sectionsAdded),
    ...list('Sections removed', diff.sectionsRemoved),
    ...list(
      'Sentences changed',
      diff.sentencesChanged.map((c) => `${c.before}\n    → ${c.after}`),
    ),
    ...list('Sentences added', diff.sentencesAdded),
    ...list('Sentences removed', diff.sentencesRemoved),
    ...list('References added', diff.referencesAdded),
    ...list('References removed', diff.referencesRemoved),
    '',
  ].join('\n');
}

/** One version on one line: number, action, time (UTC), who and where, source, sha256's first 12 hex digits. */
export function renderVersionLine(v: DocumentVersion): string {
  const action = v.action === 'rollback' && v.restores !== undefined ? `rollback to ${v.restores}` : v.action;
  const who = v.actor.guild === null ? v.actor.name : `${v.actor.name} (${v.actor.id}) in server ${v.actor.guild}`;
  const source = v.source.url === undefined ? `file ${v.source.fileName}` : `revision ${v.source.revisionId ?? '?'} of ${v.source.url}`;
  return `${String(v.version).padStart(4)}  ${action.padEnd(14)}  ${v.time.toISOString()}  ${who}  ${source}  sha256 ${v.sha256.slice(0, 12)}`;
}

/** A page of history for the terminal, newest first, with the command for the next page. */
export function renderHistoryText(doc: string, page: HistoryPage): string {
  if (page.total === 0) return `No versions of "${doc}" are recorded.\n`;
  const more = page.next === undefined ? [] : [`Older: npm run corpus -- history ${doc} --before ${page.next}`];
  return [`History of ${doc}: ${page.total} version${page.total === 1 ? '' : 's'}, newest first`, ...page.versions.map(renderVersionLine), ...more, ''].join(
    '\n',
  );
}
