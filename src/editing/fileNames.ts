import { documentId } from '../corpus/parseDocument.js';
import { UserError } from '../errors.js';

/** Longest document id: Discord's limit for a choice value, so /corpus remove and /cite can offer every document. */
const MAX_ID_CHARS = 100;
/** Longest file name in UTF-8 bytes, well under the 255 of most file systems. */
const MAX_NAME_BYTES = 240;

/**
 * The base name in Unicode NFKC (fullwidth letters become ASCII, a decomposed é composed), with
 * anything but letters, digits, `.`, `_` and `-` replaced, so it is a safe file name. Refuses a
 * name that leaves no id, or an id over 100 characters (240 bytes).
 */
export function safeFileName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').normalize('NFKC');
  const cleaned = base.replace(/[^\p{L}\p{N}._-]+/gu, '-');
  const stem = documentId(cleaned);
  // No leading dot: a hidden file would be skipped by tools and confused with our temp files.
  const id = stem.replace(/^[.-]+/, '');
  const shown = fileName.length > 40 ? `${fileName.slice(0, 40)}…` : fileName;
  if (id === '') throw new UserError('bad_document', `corpus: "${shown}" is not a usable file name`);
  const name = id + cleaned.slice(stem.length);
  if (Array.from(id).length > MAX_ID_CHARS || Buffer.byteLength(name) > MAX_NAME_BYTES) {
    throw new UserError(
      'bad_document',
      `corpus: the file name "${shown}" is too long (${Array.from(id).length} characters); rename the file to at most ${MAX_ID_CHARS} characters before the extension`,
    );
  }
  return name;
}

/**
 * What makes two document ids the same document: equal after Unicode NFKC and case folding, so
 * `France-North-Korea-Relations`, fullwidth letters and NFC / NFD spellings are duplicates.
 * (Upper- then lower-casing folds ß and final sigma as full case folding does.)
 */
export function documentKey(id: string): string {
  return id.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}
