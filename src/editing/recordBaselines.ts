import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listCorpusFiles } from '../corpus/loadCorpus.js';
import { documentId, parseDocument } from '../corpus/parseDocument.js';
import type { Actor, CorpusStore, DocumentVersion } from '../store/CorpusStore.js';
import { sha256, sourceOf } from './CorpusEditor.js';

/** Who a baseline is recorded for: the corpus folder itself, outside Discord. */
export const OPERATOR: Actor = { id: 'operator', name: 'corpus folder', guild: null };

/**
 * Records a `baseline` version of every corpus file the store does not hold as it is: a file added
 * before versions were kept, or changed by hand since. History and rollback then cover every
 * document, and a rollback's preview compares with what is really in the folder. Returns what it recorded.
 */
export async function recordBaselines(corpusDir: string, store: CorpusStore): Promise<DocumentVersion[]> {
  const latest = new Map((await store.latestVersions({ includeRemoved: true })).map((v) => [v.doc, v]));
  const recorded: DocumentVersion[] = [];
  for (const name of listCorpusFiles(corpusDir)) {
    const doc = documentId(name);
    const bytes = await readFile(join(corpusDir, name));
    const known = latest.get(doc);
    if (known !== undefined && known.action !== 'remove' && known.sha256 === sha256(bytes)) continue;
    recorded.push(await store.recordVersion({ doc, action: 'baseline', source: sourceOfFile(name, bytes), content: bytes, actor: OPERATOR }));
  }
  return recorded;
}

/** The file's source (with its article URL and revision when it parses as an imported article). */
function sourceOfFile(name: string, bytes: Uint8Array) {
  try {
    return sourceOf(name, parseDocument(name, bytes));
  } catch {
    return { fileName: name };
  }
}
