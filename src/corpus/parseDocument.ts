import { UserError } from '../errors.js';
import { assertPlainText } from './assertPlainText.js';
import { assertDocumentFileName, extensionOf } from './documentFileName.js';
import { DEFAULT_DOCUMENT_LIMITS, DocumentBudget, type DocumentLimits } from './DocumentLimits.js';
import { parseMarkdown } from './parseMarkdown.js';
import { parseWikipedia } from './parseWikipedia.js';
import type { Document } from './types.js';

/**
 * Decodes and parses one corpus file. `.md` is Markdown; `.txt` is Wikipedia plain text
 * (which also reads any plain text with one paragraph per line).
 * Throws `bad_document` when the bytes are not UTF-8 text or hold no prose, and
 * `document_too_large` when the text passes one of `limits` (before it is all parsed).
 */
export function parseDocument(fileName: string, bytes: Uint8Array, limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS): Document {
  assertDocumentFileName(fileName);
  const ext = extensionOf(fileName);
  const text = decodeUtf8(fileName, bytes);
  const id = documentId(fileName);
  const budget = new DocumentBudget(fileName, limits);
  const doc = ext === '.md' ? parseMarkdown(id, text, budget) : parseWikipedia(id, text, budget);
  if (doc.sections.length === 0) {
    throw new UserError('bad_document', `corpus: "${fileName}" has no paragraphs of text to index`);
  }
  return doc;
}

/** The document id of a file: its base name without extension, e.g. `france-north-korea-relations`. */
export function documentId(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.slice(0, base.length - extensionOf(base).length);
}

function decodeUtf8(fileName: string, bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError('bad_document', `corpus: "${fileName}" is not UTF-8 text`);
  }
  const withoutBom = text.replace(/^\uFEFF/, '');
  assertPlainText(fileName, withoutBom);
  return withoutBom;
}
