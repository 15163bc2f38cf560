import type { IndexData } from '../src/index/IndexStore.js';
import { tokenize } from '../src/text/tokenize.js';
import { seededRandom } from './textSources.js';

/**
 * Questions for latency and recall: `count` made from random chunks (three of a chunk's
 * content words in a question frame, so most have an answer somewhere), plus `extra` as given.
 * Deterministic for a given index.
 */
export function benchQueries(data: IndexData, count: number, extra: readonly string[]): string[] {
  const random = seededRandom(42);
  const out: string[] = [...extra];
  for (let tries = 0; out.length < count + extra.length && tries < count * 5; tries++) {
    const chunk = data.chunks[Math.floor(random() * data.chunks.length)]!;
    const text = data.documents.get(chunk.docId)!.text.slice(chunk.start, chunk.end);
    const words = [
      ...new Set(
        tokenize(text)
          .filter((t) => !t.stop && t.word.length > 3)
          .map((t) => t.word),
      ),
    ];
    if (words.length < 3) continue;
    const picked = Array.from({ length: 3 }, () => words[Math.floor(random() * words.length)]!);
    out.push(`What about ${picked.join(' ')}?`);
  }
  return out;
}
