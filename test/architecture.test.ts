import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The layer rules live in dependency-cruiser.config.js and run in `npm run lint` (lint:layers);
// these tests run the same command on the project and on a small project that breaks each rule.
const ROOT = resolve('.');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(ROOT, 'dependency-cruiser.config.js');

interface Violation {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

/** Runs dependency-cruiser with the project's rules on `paths` from `cwd`; its violations, sorted. */
function violations(cwd: string, paths: readonly string[]): Violation[] {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [DEPCRUISE, '--config', CONFIG, '--output-type', 'json', ...paths], { cwd, encoding: 'utf8' });
  } catch (err) {
    // It exits non-zero when it finds violations; the report is still on stdout.
    stdout = (err as { stdout: string }).stdout;
  }
  const report = JSON.parse(stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return report.summary.violations
    .map((v) => ({ rule: v.rule.name, from: v.from, to: v.to.replace(/^.*node_modules\//, 'node_modules/') }))
    .sort((a, b) => a.from.localeCompare(b.from));
}

const tmp = mkdtempSync(join(tmpdir(), 'architecture-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(tmp, path)), { recursive: true });
  writeFileSync(join(tmp, path), text);
}

describe('architecture', () => {
  it('finds no layer or adapter violation in src/, bench/ and scripts/', () => {
    expect(violations(ROOT, ['src', 'bench', 'scripts'])).toEqual([]);
  });

  it('fails on outward imports however written, a library outside its adapter and a folder without a layer', () => {
    write('tsconfig.json', readFileSync(join(ROOT, 'tsconfig.json'), 'utf8').replace(/"include": \[[^\]]*\]/, '"include": ["src"]'));
    symlinkSync(join(ROOT, 'node_modules'), join(tmp, 'node_modules'));
    write('src/corpus/words.ts', 'export const words = 1;\n');
    write('src/bot/reply.ts', 'export const reply = 2;\nexport type Reply = number;\n');
    // Nested two folders down, reaching outward by a dynamic import.
    write(
      'src/index/deep/nested.ts',
      "import { words } from '../../corpus/words.js';\nexport const more = async () => words + (await import('../../bot/reply.js')).reply;\n",
    );
    // A type-only import counts too.
    write('src/answer/typed.ts', "import type { Reply } from '../bot/reply.js';\nexport const typed: Reply = 3;\n");
    write('src/retrieval/vectors.ts', "import 'hnswlib-node';\nexport const vectors = 4;\n");
    write('src/newthing/thing.ts', "import { words } from '../corpus/words.js';\nexport const thing = words;\n");
    write('src/errors.ts', "import { words } from './corpus/words.js';\nexport const errors = words;\n");

    const found = violations(tmp, ['src']);
    expect(found.map((v) => `${v.rule}: ${v.from} → ${v.to}`)).toEqual([
      'layer-answer: src/answer/typed.ts → src/bot/reply.ts',
      'layer-root: src/errors.ts → src/corpus/words.ts',
      'layer-index: src/index/deep/nested.ts → src/bot/reply.ts',
      'unknown-folder: src/newthing/thing.ts → src/corpus/words.ts',
      'adapter-hnswlib-node: src/retrieval/vectors.ts → node_modules/hnswlib-node/lib/index.js',
    ]);
  });

  it('reads process.env only in config and entry points', () => {
    const sourceFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
      });
    const readers = sourceFiles('src').filter((path) => /process\.env\b/.test(readFileSync(path, 'utf8')));
    expect(readers.filter((p) => !/^src\/(config\/config\.ts|cli\/runCli\.ts)$/.test(p))).toEqual([]);
  });
});
