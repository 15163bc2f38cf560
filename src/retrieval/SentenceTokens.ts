import type { Chunk } from '../chunking/chunkDocument.js';
import { stripMarkers } from '../corpus/footnoteMarkers.js';
import type { Sentence } from '../corpus/types.js';
import { tokenize } from '../text/tokenize.js';
import type { ContentTokens } from './scoreText.js';

/**
 * The content tokens of an index's sentences, computed once each: the same sentences are
 * focused again by many questions. One per loaded index (the `Retriever` holds it), so it goes
 * with the index when a rebuild swaps it out.
 */
export class SentenceTokens {
  private readonly cache = new WeakMap<Sentence, ContentTokens>();
  private readonly headings = new WeakMap<Chunk, ContentTokens>();

  /** The content tokens of a chunk's document title and section: what its passages are read under. */
  heading(chunk: Chunk): ContentTokens {
    let tokens = this.headings.get(chunk);
    if (!tokens) {
      tokens = contentTokens(`${chunk.title} ${chunk.section}`);
      this.headings.set(chunk, tokens);
    }
    return tokens;
  }

  of(sentence: Sentence, docText: string): ContentTokens {
    let tokens = this.cache.get(sentence);
    if (!tokens) {
      tokens = contentTokens(docText.slice(sentence.start, sentence.end));
      this.cache.set(sentence, tokens);
    }
    return tokens;
  }
}

/** The content (non-stop) words of a text, markers removed, with their stems. */
export function contentTokens(text: string): ContentTokens {
  const content = tokenize(stripMarkers(text)).filter((t) => !t.stop);
  return { stems: content.map((t) => t.stem), words: content.map((t) => t.word) };
}
