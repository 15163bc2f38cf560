import type { OpenLiveIndexOptions } from '../app/openLiveIndex.js';
import { progressBar } from './progressBar.js';

/**
 * How a command-line tool opens the index: warnings, build notices and progress on stderr (so
 * stdout stays clean for answers and JSON), every corpus file the build skipped named on every
 * run, and a damaged index refused (its message says to run `npm run build:index`).
 */
export function openOptionsForCli(): OpenLiveIndexOptions {
  return {
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
    onBuild: (reason) => process.stderr.write(`index: building (${reason})…\n`),
    onProgress: progressBar('embedding'),
    rebuildDamaged: false,
    nameSkippedFiles: true,
  };
}
