import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';
import type { EmbedderRecipe } from '../../src/embedding/Embedder.js';

/**
 * Files through which a test holds a build: `started` is written when the build blocks,
 * `release` lets it go on, and `timed-out` is written when nothing released it in `maxMs`.
 */
export interface BuildGate {
  /** Folder of the two files. */
  readonly dir: string;
  /** Texts holding this word block the embedder. */
  readonly trigger: string;
  /** Longest block, in ms, so a test that never releases still ends. */
  readonly maxMs: number;
}

/**
 * The offline embedder (same id and vectors), except that a batch holding `gate.trigger`
 * blocks its thread synchronously — as a long build does — until `gate.dir/release` exists.
 * Its recipe makes the same embedder in a build process, so the block happens wherever the
 * build runs: in the engine's own thread it would freeze the bot.
 */
export class SlowBuildEmbedder extends HashEmbedder {
  override readonly recipe: EmbedderRecipe;

  constructor(private readonly gate: BuildGate) {
    super();
    this.recipe = { module: import.meta.url, factory: 'createSlowBuildEmbedder', options: gate };
  }

  override async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.some((t) => t.includes(this.gate.trigger))) {
      writeFileSync(join(this.gate.dir, 'started'), String(process.pid));
      const until = Date.now() + this.gate.maxMs;
      const sleeper = new Int32Array(new SharedArrayBuffer(4));
      while (!existsSync(join(this.gate.dir, 'release'))) {
        if (Date.now() > until) {
          writeFileSync(join(this.gate.dir, 'timed-out'), '');
          break;
        }
        Atomics.wait(sleeper, 0, 0, 20);
      }
    }
    return super.embed(texts);
  }
}

/** The recipe's factory. */
export function createSlowBuildEmbedder(gate: BuildGate): SlowBuildEmbedder {
  return new SlowBuildEmbedder(gate);
}
