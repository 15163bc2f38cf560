// npm start's first step: compiles src/ to dist/ (as npm run build does) when dist/ is missing or
// older than a source file or a tsconfig, so a fresh clone or a pulled change starts without a
// separate build. Plain JavaScript: it runs before anything is compiled, without tsx. Checking
// file times takes milliseconds; tsc's own up-to-date check would take about two seconds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const STAMP = 'dist/.tsbuildinfo';
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json'];

/** The latest modification time (ms) of a file, or of any file below a folder. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path, { recursive: true })) latest = Math.max(latest, statSync(join(path, name)).mtimeMs);
  return latest;
}

const stampTime = existsSync(STAMP) ? statSync(STAMP).mtimeMs : -1;
if (stampTime < Math.max(...INPUTS.map(newest))) {
  process.stderr.write(stampTime < 0 ? 'build: compiling src/ to dist/…\n' : 'build: src/ changed; compiling to dist/…\n');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  // tsc leaves its build info untouched when no output changed (a file saved as it was): mark the check done.
  const now = new Date();
  utimesSync(STAMP, now, now);
}
