/** BM25+ parameters; the values MiniSearch uses, so rankings match the earlier MiniSearch index. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** One way a query word may occur: its terms together (one stem, or a phrase's), at a weight. */
export interface Bm25Alternative {
  readonly terms: readonly string[];
  readonly weight: number;
}

/** One field's postings in compressed-row form: term `t`'s entries are `[offsets[t], offsets[t + 1])`. */
export interface FieldPostings {
  readonly offsets: Uint32Array;
  /** Chunk labels, ascending within a term. */
  readonly labels: Uint32Array;
  /** Occurrences of the term in the field of that chunk. */
  readonly counts: Uint16Array;
  /** Distinct terms in the field, per chunk (BM25's field length, as MiniSearch counts it). */
  readonly lengths: Uint16Array;
}

/**
 * An inverted index over fields of chunks, scored like MiniSearch's BM25+ with an OR query:
 * a chunk's score sums `weight × fieldBoost × bm25` over matching terms and fields, then is
 * multiplied by the number of query terms it matched (`search`); `searchGroups` scores a
 * question word's alternatives by the best of them instead of their sum. Typed arrays make saving and loading a
 * copy of bytes instead of rebuilding millions of map entries. New chunks go to a small
 * in-memory tail that `compact` folds into the arrays.
 */
export class Bm25Postings {
  private readonly tail: Map<number, number[]>[];
  private readonly tailLengths: number[][];

  constructor(
    /** Term id by term; ids are positions in `termList`. */
    private readonly terms: Map<string, number>,
    private readonly termList: string[],
    private fields: FieldPostings[],
    private count: number,
    private readonly boosts: readonly number[],
  ) {
    this.tail = fields.map(() => new Map<number, number[]>());
    this.tailLengths = fields.map(() => []);
  }

  static empty(fieldCount: number, boosts: readonly number[]): Bm25Postings {
    const none = (): FieldPostings => ({ offsets: new Uint32Array(1), labels: new Uint32Array(0), counts: new Uint16Array(0), lengths: new Uint16Array(0) });
    return new Bm25Postings(new Map(), [], Array.from({ length: fieldCount }, none), 0, boosts);
  }

  get size(): number {
    return this.count;
  }

  /** Adds the next chunk (label `size`) given each field's terms, in field order. */
  add(fieldTerms: readonly (readonly string[])[]): void {
    const label = this.count++;
    fieldTerms.forEach((tokens, f) => {
      const tf = new Map<number, number>();
      for (const term of tokens) {
        let id = this.terms.get(term);
        if (id === undefined) {
          id = this.termList.length;
          this.terms.set(term, id);
          this.termList.push(term);
        }
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      this.tailLengths[f]!.push(tf.size);
      const tail = this.tail[f]!;
      for (const [id, n] of tf) {
        const list = tail.get(id);
        if (list) list.push(label, n);
        else tail.set(id, [label, n]);
      }
    });
  }

  /**
   * Drops the chunks at `labels` and renumbers the others in order (label `l` becomes `l`
   * minus the number of dropped labels below it), as `HnswIndex.remove` does with positions.
   */
  remove(labels: ReadonlySet<number>): void {
    if (labels.size === 0) return;
    this.compact();
    const renumbered = new Int32Array(this.count);
    let next = 0;
    for (let l = 0; l < this.count; l++) renumbered[l] = labels.has(l) ? -1 : next++;
    this.fields = this.fields.map((field) => {
      const offsets = new Uint32Array(field.offsets.length);
      const kept = new Uint32Array(field.labels.length);
      const counts = new Uint16Array(field.counts.length);
      let at = 0;
      for (let t = 0; t + 1 < field.offsets.length; t++) {
        offsets[t] = at;
        for (let i = field.offsets[t]!; i < field.offsets[t + 1]!; i++) {
          const label = renumbered[field.labels[i]!]!;
          if (label < 0) continue;
          kept[at] = label;
          counts[at++] = field.counts[i]!;
        }
      }
      offsets[field.offsets.length - 1] = at;
      return { offsets, labels: kept.slice(0, at), counts: counts.slice(0, at), lengths: field.lengths.filter((_, l) => renumbered[l]! >= 0) };
    });
    this.count = next;
    // The caches are keyed by chunk count, which an add after this remove could bring back.
    this.norms.length = 0;
    this.averages.length = 0;
  }

  /** Labels of the chunks whose first field (the text) holds `term`, in no set order. */
  labelsOf(term: string): number[] {
    const id = this.terms.get(term);
    if (id === undefined) return [];
    const field = this.fields[0]!;
    const labels: number[] = [];
    if (id < field.offsets.length - 1) for (let i = field.offsets[id]!; i < field.offsets[id + 1]!; i++) labels.push(field.labels[i]!);
    const tail = this.tail[0]!.get(id) ?? [];
    for (let i = 0; i < tail.length; i += 2) labels.push(tail[i]!);
    return labels;
  }

  /**
   * Labels and scores of chunks matching any of the weighted terms, best first: MiniSearch's OR
   * query (each term its own group, see `searchGroups`).
   */
  search(weights: ReadonlyMap<string, number>, limit: number): { label: number; score: number }[] {
    return this.searchGroups(
      [...weights].map(([term, weight]) => [{ terms: [term], weight }]),
      limit,
    );
  }

  /**
   * Labels and scores of chunks matching any group, best first. A group is one question word's
   * alternatives (its stem, a synonym, a phrase of several terms): a chunk scores the best of
   * them — `weight × Σ fieldBoost × bm25` over the alternative's terms and fields — so a word
   * with twenty synonyms counts once, like a word with none. The sum over groups is multiplied by
   * the number of groups matched. Ties keep the order in which chunks were first matched.
   */
  searchGroups(groups: readonly (readonly Bm25Alternative[])[], limit: number): { label: number; score: number }[] {
    // Scratch arrays sized to the index and reused: no per-hit objects on the hot path. A chunk's
    // mark equal to the current stamp means it was met in the current alternative (or group).
    const s = this.scratchFor(this.count);
    let touched = 0;
    for (const group of groups) {
      const groupStamp = this.nextStamp(s);
      let inGroup = 0;
      for (const alternative of group) {
        const stamp = this.nextStamp(s);
        let inAlternative = 0;
        for (const term of alternative.terms) {
          const id = this.terms.get(term);
          if (id === undefined) continue;
          for (let f = 0; f < this.fields.length; f++) {
            const field = this.fields[f]!;
            const stored = id < field.offsets.length - 1;
            const from = stored ? field.offsets[id]! : 0;
            const to = stored ? field.offsets[id + 1]! : 0;
            const tail = this.tail[f]!.get(id);
            const matching = to - from + (tail ? tail.length / 2 : 0);
            if (matching === 0) continue;
            const idf = Math.log(1 + (this.count - matching + 0.5) / (matching + 0.5));
            const scale = alternative.weight * this.boosts[f]! * idf;
            const norm = this.normsFor(f);
            const visit = (label: number, tf: number): void => {
              const score = scale * (D + (tf * (K + 1)) / (tf + norm[label]!));
              if (s.alternativeMark[label] !== stamp) {
                s.alternativeMark[label] = stamp;
                s.alternativeScore[label] = score;
                s.alternativeOrder[inAlternative++] = label;
              } else s.alternativeScore[label] = s.alternativeScore[label]! + score;
            };
            for (let i = from; i < to; i++) visit(field.labels[i]!, field.counts[i]!);
            if (tail) for (let i = 0; i < tail.length; i += 2) visit(tail[i]!, tail[i + 1]!);
          }
        }
        for (let i = 0; i < inAlternative; i++) {
          const label = s.alternativeOrder[i]!;
          if (s.groupMark[label] !== groupStamp) {
            s.groupMark[label] = groupStamp;
            s.groupScore[label] = s.alternativeScore[label]!;
            s.groupOrder[inGroup++] = label;
          } else if (s.alternativeScore[label]! > s.groupScore[label]!) s.groupScore[label] = s.alternativeScore[label]!;
        }
      }
      for (let i = 0; i < inGroup; i++) {
        const label = s.groupOrder[i]!;
        if (s.matched[label] === 0) {
          s.order[touched++] = label;
          s.score[label] = 0;
        }
        s.score[label] = s.score[label]! + s.groupScore[label]!;
        s.matched[label] = s.matched[label]! + 1;
      }
    }
    const top = topK(s, touched, limit);
    for (let i = 0; i < touched; i++) s.matched[s.order[i]!] = 0;
    return top;
  }

  // The next mark for the scratch arrays; on wrap-around every mark is cleared first.
  private nextStamp(s: Scratch): number {
    if (s.stamp >= 0xffffffff) {
      s.alternativeMark.fill(0);
      s.groupMark.fill(0);
      s.stamp = 0;
    }
    return ++s.stamp;
  }

  private scratch?: Scratch;

  private scratchFor(n: number): Scratch {
    if (!this.scratch || this.scratch.score.length < n) {
      const size = Math.max(n, 1024) + 1024;
      this.scratch = {
        score: new Float64Array(size),
        matched: new Uint16Array(size),
        order: new Uint32Array(size),
        groupScore: new Float64Array(size),
        groupMark: new Uint32Array(size),
        groupOrder: new Uint32Array(size),
        alternativeScore: new Float64Array(size),
        alternativeMark: new Uint32Array(size),
        alternativeOrder: new Uint32Array(size),
        stamp: 0,
      };
    }
    return this.scratch;
  }

  // Per chunk, BM25's length normalisation K·(1 − B + B·length/average), cached until chunks are added.
  private readonly norms: ({ count: number; values: Float64Array } | undefined)[] = [];

  private normsFor(f: number): Float64Array {
    const cached = this.norms[f];
    if (cached?.count === this.count) return cached.values;
    const avg = this.averageLength(f);
    const values = new Float64Array(this.count);
    for (let label = 0; label < this.count; label++) values[label] = K * (1 - B + (B * this.fieldLength(f, label)) / avg);
    this.norms[f] = { count: this.count, values };
    return values;
  }

  /** Folds the tail into the arrays (call before saving). */
  compact(): void {
    this.fields = this.fields.map((field, f) => {
      const tail = this.tail[f]!;
      if (tail.size === 0 && this.tailLengths[f]!.length === 0) return field;
      const termCount = this.termList.length;
      const total = field.labels.length + [...tail.values()].reduce((n, l) => n + l.length / 2, 0);
      const offsets = new Uint32Array(termCount + 1);
      const labels = new Uint32Array(total);
      const counts = new Uint16Array(total);
      let at = 0;
      for (let t = 0; t < termCount; t++) {
        offsets[t] = at;
        if (t < field.offsets.length - 1) {
          const from = field.offsets[t]!;
          const to = field.offsets[t + 1]!;
          labels.set(field.labels.subarray(from, to), at);
          counts.set(field.counts.subarray(from, to), at);
          at += to - from;
        }
        const extra = tail.get(t) ?? [];
        for (let i = 0; i < extra.length; i += 2) {
          labels[at] = extra[i]!;
          counts[at] = Math.min(extra[i + 1]!, 0xffff);
          at++;
        }
      }
      offsets[termCount] = at;
      const lengths = new Uint16Array(this.count);
      lengths.set(field.lengths);
      lengths.set(
        this.tailLengths[f]!.map((n) => Math.min(n, 0xffff)),
        field.lengths.length,
      );
      tail.clear();
      this.tailLengths[f] = [];
      return { offsets, labels, counts, lengths };
    });
  }

  /** The arrays and term list, for saving (compacts first). */
  export(): { terms: string[]; count: number; fields: FieldPostings[] } {
    this.compact();
    return { terms: this.termList, count: this.count, fields: this.fields };
  }

  private fieldLength(f: number, label: number): number {
    const stored = this.fields[f]!.lengths;
    return label < stored.length ? stored[label]! : (this.tailLengths[f]![label - stored.length] ?? 0);
  }

  // Cached until chunks are added.
  private averageLength(f: number): number {
    const cached = this.averages[f];
    if (cached?.count === this.count) return cached.value;
    let sum = 0;
    for (const n of this.fields[f]!.lengths) sum += n;
    for (const n of this.tailLengths[f]!) sum += n;
    const value = this.count === 0 ? 1 : sum / this.count;
    this.averages[f] = { count: this.count, value };
    return value;
  }

  private readonly averages: ({ count: number; value: number } | undefined)[] = [];
}

interface Scratch {
  /** Sum over the groups matched so far; valid where `matched` > 0. */
  readonly score: Float64Array;
  /** Groups matched, per chunk; 0 = not matched yet (reset after each search). */
  readonly matched: Uint16Array;
  /** Matched chunks in the order first matched. */
  readonly order: Uint32Array;
  /** The current group's best alternative score, where `groupMark` is the group's stamp. */
  readonly groupScore: Float64Array;
  readonly groupMark: Uint32Array;
  readonly groupOrder: Uint32Array;
  /** The current alternative's score over its terms and fields, where `alternativeMark` is its stamp. */
  readonly alternativeScore: Float64Array;
  readonly alternativeMark: Uint32Array;
  readonly alternativeOrder: Uint32Array;
  /** The last mark handed out (see `nextStamp`). */
  stamp: number;
}

/** The `limit` best of the touched chunks (score × groups matched), best first; ties by first match. */
function topK(s: Scratch, touched: number, limit: number): { label: number; score: number }[] {
  const best: { label: number; score: number; rank: number }[] = [];
  const worse = (a: { score: number; rank: number }, b: { score: number; rank: number }): boolean =>
    a.score < b.score || (a.score === b.score && a.rank > b.rank);
  for (let i = 0; i < touched; i++) {
    const label = s.order[i]!;
    const score = s.score[label]! * s.matched[label]!;
    if (best.length === limit && !worse(best[best.length - 1]!, { score, rank: i })) continue;
    let at = best.length;
    while (at > 0 && worse(best[at - 1]!, { score, rank: i })) at--;
    best.splice(at, 0, { label, score, rank: i });
    if (best.length > limit) best.pop();
  }
  return best.map(({ label, score }) => ({ label, score }));
}
