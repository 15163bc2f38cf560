import { chunkDocument, embeddingText } from '../chunking/chunkDocument.js';
import { type DocumentDiff, diffDocuments } from '../corpus/diffDocuments.js';
import type { Document } from '../corpus/types.js';

/** Which version of a document a preview compares: its number in the store and, for an imported article, its revision. */
export interface VersionLabel {
  /** The version number in the store; absent for content not recorded yet (a new revision). */
  readonly version?: number;
  /** MediaWiki revision id, for an article imported from Wikipedia. */
  readonly revisionId?: number;
  /** When that revision was saved (ISO 8601), for an imported article. */
  readonly timestamp?: string;
}

/**
 * What replacing a document would do, shown before anything changes: `/corpus update` and
 * `/corpus rollback` render it with Apply and Cancel, `npm run corpus -- rollback` prints it.
 */
export interface ChangePreview {
  readonly action: 'update' | 'rollback';
  readonly doc: { readonly id: string; readonly title: string };
  readonly from: VersionLabel;
  readonly to: VersionLabel;
  readonly diff: DocumentDiff;
  /**
   * Chunks of the new version: in all (the incremental build embeds every chunk of a changed
   * document), and those whose text the current version lacks.
   */
  readonly chunks: { readonly total: number; readonly newText: number };
}

/** The preview of replacing `before` with `after`: the document diff and the chunks the build will embed. */
export function previewChange(action: ChangePreview['action'], before: Document, after: Document, labels: Pick<ChangePreview, 'from' | 'to'>): ChangePreview {
  const known = new Set(chunkDocument(before).map((c) => embeddingText(c, before.text)));
  const chunks = chunkDocument(after);
  return {
    action,
    doc: { id: after.id, title: after.title },
    ...labels,
    diff: diffDocuments(before, after),
    chunks: { total: chunks.length, newText: chunks.filter((c) => !known.has(embeddingText(c, after.text))).length },
  };
}

/** A document's label: its version number when known, and its revision when it was imported. */
export function labelOf(doc: Document, version?: number): VersionLabel {
  return {
    ...(version === undefined ? {} : { version }),
    ...(doc.source === undefined ? {} : { revisionId: doc.source.revisionId, timestamp: doc.source.timestamp }),
  };
}
