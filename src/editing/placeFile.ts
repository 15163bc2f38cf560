import { randomBytes } from 'node:crypto';
import { link, open, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Temp files of `placeFile` and `replaceFile`: short (a long document name must not make them exceed 255 bytes) and hidden. */
const TEMP_FILE = /^\.upload-[0-9a-f]{8}\.tmp$/;

function tempPath(dir: string): string {
  return join(dir, `.upload-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `bytes` to `dir/name` atomically and never over an existing file: written whole (and
 * flushed) under a temp name, then hard-linked into place — `link` fails with EEXIST if the name
 * was taken meanwhile.
 */
export async function placeFile(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  const temp = tempPath(dir);
  try {
    await writeFileDurably(temp, bytes, 'wx');
    await link(temp, join(dir, name));
  } finally {
    // A temp file left by a crash here is removed by removeStrayTempFiles at the next start.
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Replaces `dir/name` with `bytes` atomically: written whole (and flushed) under a temp name, then
 * renamed over it, so a reader (or a crash) sees the old file or the new one, never half of one.
 */
export async function replaceFile(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  const temp = tempPath(dir);
  try {
    await writeFileDurably(temp, bytes, 'wx');
    await rename(temp, join(dir, name));
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** Writes `bytes` to `path` and flushes them to disk before resolving (`flags` as for `fs.open`). */
export async function writeFileDurably(path: string, bytes: Uint8Array, flags = 'w'): Promise<void> {
  const file = await open(path, flags);
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
}

/**
 * Removes temp files `placeFile` left behind (the process was killed mid-write); returns their names.
 * A missing folder has none (loading the corpus reports it, saying which key to set).
 */
export async function removeStrayTempFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  });
  const stray = names.filter((name) => TEMP_FILE.test(name));
  for (const name of stray) await unlink(join(dir, name));
  return stray;
}
