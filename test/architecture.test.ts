import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Layers point inward: cli → app → bot → answer → retrieval → index / embedding → chunking →
// language / store / wikipedia → dictd / corpus / text / config. The command line opens the index
// through the app's composition root (openLiveIndex); the benchmark (bench/) lives outside src/.
// A module may import from its own layer or one further in, never outward.
const LAYERS = [
  'bot',
  'app',
  'cli',
  'render',
  'editing',
  'eval',
  'answer',
  'retrieval',
  'index',
  'embedding',
  'chunking',
  'language',
  'store',
  'wikipedia',
  'corpus',
  'text',
  'dictd',
  'config',
  'logging',
];
const RANK: Record<string, number> = {
  bot: 6,
  app: 7,
  cli: 8,
  render: 5,
  editing: 5,
  eval: 4,
  answer: 4,
  retrieval: 3,
  index: 2,
  embedding: 2,
  chunking: 1,
  language: 1,
  store: 1,
  wikipedia: 1,
  corpus: 0,
  text: 0,
  dictd: 0,
  config: 0,
  logging: 0,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles('src').map((path) => ({
  path,
  layer: relative('src', path).split('/')[0]!,
  imports: [...readFileSync(path, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!),
}));

describe('architecture', () => {
  it('knows every folder of src/', () => {
    for (const f of files.filter((f) => f.path.split('/').length > 2)) expect(LAYERS).toContain(f.layer);
  });

  it('imports only inward', () => {
    const outward = files.flatMap((f) =>
      f.imports
        .filter((i) => i.startsWith('../'))
        .map((i) => i.split('/')[1]!)
        .filter((target) => target in RANK && f.layer in RANK && RANK[target]! > RANK[f.layer]!)
        .map((target) => `${f.path} → ${target}`),
    );
    expect(outward).toEqual([]);
  });

  it('keeps each library behind its adapter', () => {
    const owners: Record<string, RegExp> = {
      'discord.js': /^src\/(bot|app)\//,
      '@xenova/transformers': /^src\/embedding\/TransformersEmbedder\.ts$/,
      'hnswlib-node': /^src\/index\/HnswIndex\.ts$/,
      'better-sqlite3': /^src\/store\//,
      wtf_wikipedia: /^src\/wikipedia\/parseWikitext\.ts$/,
    };
    const leaks = files.flatMap((f) => f.imports.filter((i) => i in owners && !owners[i]!.test(f.path)).map((i) => `${f.path} imports ${i}`));
    expect(leaks).toEqual([]);
  });

  it('reads process.env only in config and entry points', () => {
    const readers = files.filter((f) => /process\.env\b/.test(readFileSync(f.path, 'utf8'))).map((f) => f.path);
    expect(readers.filter((p) => !/^src\/(config\/config\.ts|cli\/runCli\.ts|app\/main\.ts)/.test(p))).toEqual([]);
  });
});
