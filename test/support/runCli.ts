import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';
import { buildIndex } from '../../src/index/buildIndex.js';
import { IndexStore } from '../../src/index/IndexStore.js';

/** Settings of the developer's environment that would change what a CLI run prints. */
const CLEARED_ENV = new Set([
  'MIN_RELEVANCE',
  'MIN_KEY_SHARE',
  'ANSWER_PASSAGES',
  'WIKIPEDIA_API_URL',
  'DEBUG',
  'MODEL_OFFLINE',
  'EMBEDDING_MODEL',
  'MODEL_CACHE_DIR',
  'DICTIONARY_DIR',
]);

export const ROOT = new URL('../../', import.meta.url).pathname;
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Folders for one CLI run: a copy of the corpus and a data folder, under `dir`. */
export function cliFolders(dir: string): { corpusDir: string; dataDir: string } {
  const corpusDir = join(dir, 'corpus');
  const dataDir = join(dir, 'data');
  cpSync(join(ROOT, 'corpus'), corpusDir, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  return { corpusDir, dataDir };
}

/**
 * For a test file: a temporary folder with a copy of the corpus whose index is built (offline
 * embedder) before its tests and removed after them. Read `folders()` inside tests.
 */
export function useIndexedCorpus(prefix: string): () => { cwd: string; corpusDir: string; dataDir: string } {
  let folders: { cwd: string; corpusDir: string; dataDir: string } | undefined;
  beforeAll(async () => {
    const cwd = mkdtempSync(join(tmpdir(), prefix));
    folders = { cwd, ...cliFolders(cwd) };
    await buildIndex({ corpusDir: folders.corpusDir, store: new IndexStore(folders.dataDir), embedder: new HashEmbedder(), embeddingModel: null });
  });
  afterAll(() => {
    if (folders) rmSync(folders.cwd, { recursive: true, force: true });
  });
  return () => {
    if (!folders) throw new Error('useIndexedCorpus: folders are ready only inside tests');
    return folders;
  };
}

/**
 * Runs a command-line entry point (`src/cli/<name>.ts`) as a subprocess, the way
 * `npm run <name>` does (tsx), from `cwd` (a folder without `.env`, so the shipped defaults
 * apply), with the offline embedder: nothing reaches the network. With `compiledDir` (the
 * output of `tsc -p tsconfig.build.json`), runs `<compiledDir>/cli/<name>.js` with plain node.
 */
export function runCli(
  name: 'ask' | 'cite' | 'eval' | 'buildIndexCli' | 'import',
  args: readonly string[],
  options: { cwd: string; corpusDir: string; dataDir: string; stdin?: string; env?: Readonly<Record<string, string>>; compiledDir?: string },
): Promise<CliResult> {
  const inherited = Object.entries(process.env).filter(([key]) => !CLEARED_ENV.has(key));
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(inherited),
    EMBEDDER: 'hash',
    CORPUS_DIR: options.corpusDir,
    DATA_DIR: options.dataDir,
    ...options.env,
  };
  const entry = options.compiledDir === undefined ? ['--import', TSX, join(ROOT, 'src/cli', `${name}.ts`)] : [join(options.compiledDir, 'cli', `${name}.js`)];
  const child = spawn(process.execPath, [...entry, ...args], { cwd: options.cwd, env, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Lines of a stream's text, without the final empty one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
}
