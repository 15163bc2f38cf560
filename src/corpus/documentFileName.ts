import { UserError } from '../errors.js';

/** File extensions the corpus accepts. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md'] as const;

/** The lower-cased extension of `fileName` (`".txt"`), or `""` when it has none. */
export function extensionOf(fileName: string): string {
  const m = /\.[^./\\]+$/.exec(fileName);
  return m ? m[0].toLowerCase() : '';
}

/** Whether `fileName` ends in one of the corpus extensions (any case). */
export function isDocumentFileName(fileName: string): boolean {
  return (DOCUMENT_EXTENSIONS as readonly string[]).includes(extensionOf(fileName));
}

/** Throws `bad_document` unless `fileName` is a `.txt` or `.md` file. */
export function assertDocumentFileName(fileName: string): void {
  if (!isDocumentFileName(fileName)) throw new UserError('bad_document', `corpus: "${fileName}" is not a .txt or .md file`);
}
