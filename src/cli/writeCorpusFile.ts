import { placeFile, replaceFile } from '../editing/placeFile.js';

/**
 * Writes a corpus file atomically: whole and flushed under a temp name, then moved into place.
 * Without `replace` an existing file is never overwritten (`EEXIST`); with it, readers see the
 * old file or the new one, never a mix. Temp files use `placeFile`'s naming, so a crash leaves
 * nothing the corpus loader reads and start-up clean-up removes them.
 */
export async function writeCorpusFile(dir: string, name: string, text: string, options: { replace: boolean }): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  await (options.replace ? replaceFile(dir, name, bytes) : placeFile(dir, name, bytes));
}
